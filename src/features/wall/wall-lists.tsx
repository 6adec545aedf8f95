import type { CompletionModel } from '@/features/completion/build-table';
import { collectWarnings, warningText } from '@/features/completion/warnings';
import { leagueOrder } from '@/features/league/league-order';
import type { MapModel, MapRegion } from '@/features/map/map-model';
import { textWidth } from '@/components/chart/text-metrics';
import type { Lang, T } from '@/lib/i18n';

const MAX_ROWS = 12;
/** A ranking row's room for the name, in 1080p px (wall.css: panel, place column, gaps). */
const RANK_ROW = 460 - 2 * 24 - 2 - 16 - 44 - 2 * 12;

/** The full name when it fits the row beside its value, else the short one (as on the map). */
export function rankName(r: Pick<MapRegion, 'name' | 'short' | 'valueText'>): string {
  const room = RANK_ROW - textWidth(r.valueText, 28);
  return textWidth(r.name, 28) * 1.1 <= room ? r.name : r.short;
}
const MAX_WARNINGS = 3;

/** The level on the map, best first by the league's ordering; the region on show marked. */
export function WallRanking({
  model,
  current,
  t,
}: {
  model: MapModel;
  current: string | null;
  t: T;
}) {
  const entries = leagueOrder(
    model.regions.map((r) => ({
      id: r.region.id,
      value: r.gap?.kind === 'suppressed' ? null : r.value,
      suppressedBelow: r.gap?.kind === 'suppressed' ? r.gap.below : null,
      region: r,
    })),
    model.indicator.better,
  );
  const shown = entries.slice(0, MAX_ROWS);
  const row = (r: MapRegion, place: string, band: string) => (
    <li
      key={r.region.id}
      className={`wall-rank wall-rank--${band}`}
      aria-current={r.region.id === current ? 'true' : undefined}
    >
      <span className="wall-rank__place">{place}</span>
      {(band === 'top' || band === 'bottom') && (
        <span className="visually-hidden">
          {t(band === 'top' ? 'league.listTop' : 'league.listBottom')}
        </span>
      )}
      <span className="wall-rank__name">{rankName(r)}</span>
      <span className="wall-rank__value">{r.valueText}</span>
    </li>
  );
  return (
    <section className="wall-panel wall-ranking" aria-labelledby="wall-ranking-title">
      <h2 id="wall-ranking-title" className="wall-panel__title">
        {t('wall.ranking', { year: model.year })}
      </h2>
      <ol className="wall-ranking__list">
        {shown.map((e) =>
          e.status === 'ranked'
            ? row(e.item.region, String(e.rank), e.band)
            : row(e.item.region, '—', 'none'),
        )}
      </ol>
      {entries.length > shown.length && (
        <p className="wall-more">{t('wall.more', { n: entries.length - shown.length })}</p>
      )}
    </section>
  );
}

/** 需关注: the overview's warnings (worse than last year, target missed), read-only. */
export function WallWarnings({
  model,
  lang,
  t,
}: {
  model: CompletionModel | null;
  lang: Lang;
  t: T;
}) {
  const warnings = model ? collectWarnings(model) : [];
  const many = (model?.regions.length ?? 0) > 1;
  return (
    <section className="wall-panel wall-warnings" aria-labelledby="wall-warnings-title">
      <h2 id="wall-warnings-title" className="wall-panel__title">
        {t('wall.warnings')}
        {warnings.length > 0 && <span className="wall-count">{warnings.length}</span>}
      </h2>
      {model && warnings.length === 0 && <p className="wall-none">{t('wall.noWarnings')}</p>}
      <ul className="wall-warnings__list">
        {warnings.slice(0, MAX_WARNINGS).map((w) => (
          <li key={`${w.indicator.id}|${w.region.id}`}>
            <strong>
              {many ? `${w.region.name[lang]} · ` : ''}
              {w.indicator.name[lang]}
            </strong>
            {lang === 'zh' ? '：' : ': '}
            {warningText(w, lang)}
          </li>
        ))}
      </ul>
      {warnings.length > MAX_WARNINGS && (
        <p className="wall-more">{t('wall.more', { n: warnings.length - MAX_WARNINGS })}</p>
      )}
    </section>
  );
}
