import type { CompletionModel } from '@/features/completion/build-table';
import { collectWarnings, warningText } from '@/features/completion/warnings';
import { leagueOrder } from '@/features/league/league-order';
import type { MapModel, MapRegion } from '@/features/map/map-model';
import { textWidth } from '@/components/chart/text-metrics';
import { useRef } from 'react';
import { useBoxSize } from './use-box-size';
import { rankingSlots } from './ranking-slots';
import { useFit } from './use-fit';
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
  fitKey,
  t,
}: {
  model: MapModel;
  current: string | null;
  /** What the room for the rows depends on (the column's size). */
  fitKey: string;
  t: T;
}) {
  const listRef = useRef<HTMLOListElement>(null);
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
  const fit = useFit(listRef, `${fitKey}|${shown.map((e) => e.item.id).join()}`);
  const at = shown.findIndex((e) => e.item.id === current);
  const slots = rankingSlots(shown.length, fit?.whole ?? shown.length, at < 0 ? null : at);
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
      <ol ref={listRef} className="wall-ranking__list">
        {slots.map((s) => {
          if (s.kind === 'gap')
            return (
              <li
                key={`gap-${shown[0]?.item.id}-${s.count}-${slots.indexOf(s)}`}
                className="wall-rank wall-rank--gap"
              >
                <span className="wall-rank__place">⋯</span>
                <span className="wall-rank__name">{t('wall.more', { n: s.count })}</span>
              </li>
            );
          const e = shown[s.index];
          if (!e) return null;
          return e.status === 'ranked'
            ? row(e.item.region, String(e.rank), e.band)
            : row(e.item.region, '—', 'none');
        })}
      </ol>
      {entries.length > shown.length && (
        <p className="wall-more">{t('wall.more', { n: entries.length - shown.length })}</p>
      )}
    </section>
  );
}

/** The ranking above the warnings, sharing the column: the warnings keep room for one item. */
export function WallLists({
  model,
  completion,
  current,
  lang,
  t,
}: {
  model: MapModel;
  completion: CompletionModel | null;
  current: string | null;
  lang: Lang;
  t: T;
}) {
  const columnRef = useRef<HTMLDivElement>(null);
  const size = useBoxSize(columnRef);
  const fitKey = `${size?.width}×${size?.height}|${lang}`;
  return (
    <div ref={columnRef} className="wall-column wall-column--lists">
      <WallRanking model={model} current={current} fitKey={fitKey} t={t} />
      <WallWarnings model={completion} fitKey={fitKey} lang={lang} t={t} />
    </div>
  );
}

/**
 * 需关注: the overview's warnings (worse than last year, target missed), read-only. As many as
 * show whole in the panel, then "N more": a line cut at the panel's foot is no use on a wall. One
 * too long for the panel on its own is cut to the lines there are, its whole text in its title.
 */
export function WallWarnings({
  model,
  fitKey,
  lang,
  t,
}: {
  model: CompletionModel | null;
  fitKey: string;
  lang: Lang;
  t: T;
}) {
  const listRef = useRef<HTMLUListElement>(null);
  const warnings = model ? collectWarnings(model) : [];
  const many = (model?.regions.length ?? 0) > 1;
  const wording = model ? { previous: model.previous } : undefined;
  const candidates = warnings.slice(0, MAX_WARNINGS);
  const fit = useFit(
    listRef,
    `${fitKey}|${candidates.map((w) => `${w.indicator.id}/${w.region.id}`).join()}`,
  );
  const shown = fit === null ? candidates : candidates.slice(0, Math.max(1, fit.whole));
  const more = warnings.length - shown.length;
  // Measured with the "N more" line's room kept: without that line, one line more.
  const clamp = fit !== null && fit.whole === 0 ? fit.lines + (more === 0 ? 1 : 0) : undefined;
  return (
    <section
      className={`wall-panel wall-warnings${warnings.length > 0 ? ' wall-warnings--some' : ''}`}
      aria-labelledby="wall-warnings-title"
    >
      <h2 id="wall-warnings-title" className="wall-panel__title">
        {t('wall.warnings')}
        {warnings.length > 0 && <span className="wall-count">{warnings.length}</span>}
      </h2>
      {model && warnings.length === 0 && <p className="wall-none">{t('wall.noWarnings')}</p>}
      <ul ref={listRef} className="wall-warnings__list">
        {shown.map((w) => {
          const name = `${many ? `${w.region.name[lang]} · ` : ''}${w.indicator.name[lang]}`;
          const colon = lang === 'zh' ? '：' : ': ';
          const text = warningText(w, lang, wording);
          return (
            <li
              key={`${w.indicator.id}|${w.region.id}`}
              title={clamp ? `${name}${colon}${text}` : undefined}
              style={clamp ? { WebkitLineClamp: clamp } : undefined}
              className={clamp ? 'wall-warnings__item--cut' : undefined}
            >
              <strong>{name}</strong>
              {colon}
              {text}
            </li>
          );
        })}
      </ul>
      {/* While measuring, the line's room is kept as if some were left over. */}
      {(fit === null ? warnings.length > 0 : more > 0) && (
        <p className="wall-more" style={fit === null ? { visibility: 'hidden' } : undefined}>
          {t('wall.more', { n: Math.max(1, more) })}
        </p>
      )}
    </section>
  );
}
