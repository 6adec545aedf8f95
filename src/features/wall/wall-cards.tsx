import type { ObservationIndex } from '@/features/data/observation-index';
import type { Selection } from '@/features/filters/selection';
import { buildCard } from '@/features/overview/build-card';
import type { Lang } from '@/lib/i18n';
import type { Indicator } from '@contract/types';

/**
 * The overview's headline cards for the same region and year (its card model: value, change
 * against the baseline year in words), at wall size: the figure first, one change (the first
 * of the overview's; what it is measured against is said once, above the cards).
 */
export type Card = ReturnType<typeof buildCard> & { id: string };

export function wallCards({
  indicators,
  index,
  selection,
  lang,
}: {
  indicators: readonly Indicator[];
  index: ObservationIndex;
  selection: Selection;
  lang: Lang;
}): Card[] {
  const region = selection.selected;
  if (!region) return [];
  return indicators.map((indicator) => ({
    id: indicator.id,
    ...buildCard({
      indicator,
      index,
      region: region.id,
      year: selection.year,
      compareYear: selection.compare,
      lang,
      campaign: selection.campaign,
    }),
  }));
}

/** The badges every card carries ("初步数据" for a provisional year): said once, above. */
export function sharedBadges(cards: readonly Card[]): string[] {
  const [first, ...rest] = cards;
  if (!first || first.badges.length === 0) return [];
  const key = first.badges.join('|');
  return rest.every((c) => c.badges.join('|') === key) ? first.badges : [];
}

export function WallCards({
  cards,
  shared,
  heading,
}: {
  cards: readonly Card[];
  /** Badges said once for all (sharedBadges): left off each card. */
  shared: readonly string[];
  heading: string;
}) {
  if (cards.length === 0) return null;
  return (
    <section className="wall-cards" aria-labelledby="wall-cards-title">
      <h2 id="wall-cards-title" className="visually-hidden">
        {heading}
      </h2>
      {cards.map((card) => {
        const [change] = card.changes;
        const badges = shared.length > 0 ? [] : card.badges;
        return (
          <article key={card.id} className="wall-card" aria-label={card.name}>
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
            {badges.length > 0 && (
              <p className="wall-card__note">
                {badges.map((b) => (
                  <span key={b} className="wall-card__badge">
                    {b}
                  </span>
                ))}
              </p>
            )}
          </article>
        );
      })}
    </section>
  );
}
