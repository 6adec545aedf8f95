import type { ObservationIndex } from '@/features/data/observation-index';
import type { Selection } from '@/features/filters/selection';
import { buildCard } from '@/features/overview/build-card';
import type { Lang, T } from '@/lib/i18n';
import type { Indicator } from '@contract/types';

/**
 * The overview's headline cards for the same region and year (its card model: value, change
 * against the baseline year in words), at wall size: the figure first, one change (the first
 * of the overview's; what it is measured against is said once, above the cards).
 */
export function WallCards({
  indicators,
  index,
  selection,
  lang,
  t,
}: {
  indicators: readonly Indicator[];
  index: ObservationIndex;
  selection: Selection;
  lang: Lang;
  t: T;
}) {
  const region = selection.selected;
  if (!region) return null;
  return (
    <section className="wall-cards" aria-labelledby="wall-cards-title">
      <h2 id="wall-cards-title" className="visually-hidden">
        {t('overview.region', { region: region.name[lang], year: selection.year })}
      </h2>
      {indicators.map((indicator) => {
        const card = buildCard({
          indicator,
          index,
          region: region.id,
          year: selection.year,
          compareYear: selection.compare,
          lang,
          campaign: selection.campaign,
        });
        const [change] = card.changes;
        return (
          <article key={indicator.id} className="wall-card" aria-label={card.name}>
            <h3 className="wall-card__name">{card.name}</h3>
            <p className="wall-card__value">
              {card.missing ? (
                <span className="wall-card__missing">{card.missingText}</span>
              ) : (
                <>
                  <span className="wall-card__number">{card.number}</span>
                  {card.unit && <span className="wall-card__unit">{card.unit}</span>}
                </>
              )}
            </p>
            {change && (
              <p className={`wall-card__change wall-change--${change.verdict ?? 'none'}`}>
                {/* The verdict first: on a narrow card it is the part that must not be cut. */}
                {change.verdictText && (
                  <span className="wall-card__verdict">{change.verdictText}</span>
                )}
                <span className="wall-card__change-text">{change.text}</span>
              </p>
            )}
            <p className="wall-card__note">
              {card.badges.map((b) => (
                <span key={b} className="wall-card__badge">
                  {b}
                </span>
              ))}
            </p>
          </article>
        );
      })}
    </section>
  );
}
