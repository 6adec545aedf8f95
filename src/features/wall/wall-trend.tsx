import { useMemo, useRef } from 'react';
import { FONT, layoutPlot } from '@/components/chart/layout';
import { PlotLayer } from '@/components/chart/plot-layer';
import type { PlotTheme } from '@/components/chart/plot-layer';
import type { PlotLayout, SeriesLayout } from '@/components/chart/layout';
import { buildIndicatorSpec } from '@/features/charts/indicator-spec';
import type { ObservationIndex } from '@/features/data/observation-index';
import { scopeOf } from '@/features/filters/scope';
import type { Selection } from '@/features/filters/selection';
import type { Lang, T } from '@/lib/i18n';
import type { Indicator, Meta, Region } from '@contract/types';
import { useBoxSize } from './use-box-size';

/**
 * The chart's layout (ticks, thinned year labels, the strip of campaign labels) is the shared
 * one, computed for a drawing `K` times smaller than the panel and drawn `K` times larger: its
 * 11-unit type then reads at 30 px on the 1080p stage, and the fewer ticks and year labels that
 * fit a small chart are what fits type that large.
 */
const K = 30 / FONT.tick;
/** The shared layout keeps 20 units left of the tick labels for a y title the wall leaves out. */
const TITLE_ROOM = 14;

/** The wall's own dark palette (contrast on the panel #121c30: text ≥ 7:1, lines ≥ 3:1). */
export const TREND_DARK = {
  text: '#c3ccdb',
  grid: '#2e3c5c',
  axis: '#7b8aa8',
  band: '#1b2a4a',
  baseline: '#c3ccdb',
  hollow: '#121c30',
  /** The region the screen is about, and the one the cycle is on (the map's outline colour). */
  subject: '#fbbf24',
  current: '#93c5fd',
  other: '#a9b4c6',
} as const;

function colourOf(s: SeriesLayout, subject: string | null, current: string | null): string {
  if (s.id === current) return TREND_DARK.current;
  if (s.id === subject) return TREND_DARK.subject;
  return TREND_DARK.other;
}

/** The paper plot's drawing in the wall's palette, its lines as wide at wall size as on paper. */
const WALL_PLOT: PlotTheme = {
  tick: TREND_DARK.text,
  label: TREND_DARK.text,
  grid: TREND_DARK.grid,
  zero: TREND_DARK.axis,
  band: TREND_DARK.band,
  bandOpacity: 1,
  baseline: TREND_DARK.baseline,
  hollow: TREND_DARK.hollow,
  stroke: 2 / K,
};

/**
 * The layout with the wall's series colours and weights (the region the screen is about, the
 * one on show, the rest).
 */
function wallLayout(layout: PlotLayout, subject: string | null, current: string | null) {
  return {
    ...layout,
    series: layout.series.map((s) => ({
      ...s,
      style: {
        ...s.style,
        color: colourOf(s, subject, current),
        width: (s.id === current ? 6 : 5) / K,
        r: 7 / K,
        dash: '',
      },
    })),
  };
}

/**
 * The lead indicator over the years: the region the screen is about and the one on show, by
 * the trends view's spec builder and the shared plot layout, drawn in the wall's dark palette
 * (no legend buttons, no tooltip).
 */
export function WallTrend({
  meta,
  index,
  indicator,
  selection,
  current,
  lang,
  demo,
  t,
}: {
  meta: Meta;
  index: ObservationIndex;
  indicator: Indicator;
  selection: Selection;
  current: Region | null;
  lang: Lang;
  demo: boolean;
  t: T;
}) {
  const regions = [selection.selected, current].filter(
    (r, i, all): r is Region => r != null && all.findIndex((o) => o?.id === r.id) === i,
  );
  const spec = useMemo(() => {
    const years = meta.years.filter((y) => y <= selection.year);
    return buildIndicatorSpec({
      id: 'wall-trend',
      meta,
      index,
      indicator,
      regions,
      selectedIds: new Set(current ? [current.id] : []),
      years,
      campaign: selection.campaign,
      title: indicator.name[lang],
      scope: scopeOf(meta, selection),
      lang,
      demo,
      focus: {
        regionId: current?.id ?? null,
        year: selection.year,
        compareYear: selection.compare,
      },
    });
    // eslint-disable-next-line react-hooks/exhaustive-deps -- regions follow selection and current
  }, [meta, index, indicator, selection, current, lang, demo]);
  const canvas = useRef<HTMLDivElement>(null);
  const box = useBoxSize(canvas);
  const width = Math.max(60, (box?.width ?? 0) / K);
  const height = Math.max(60, (box?.height ?? 0) / K);
  // Shorter words for the campaign strip, so both fit one row at wall size.
  const bandWord = t('wall.band');
  const baselineWord = t('wall.baseline');
  const layout = useMemo(
    () =>
      layoutPlot(
        {
          ...spec,
          // No y title (the panel's heading names the unit), so none takes a second line's room.
          yLabel: '',
          band: spec.band && { ...spec.band, label: bandWord },
          baseline: spec.baseline && { ...spec.baseline, label: baselineWord },
        },
        width + TITLE_ROOM,
        height,
      ),
    [spec, width, height, bandWord, baselineWord],
  );
  const subject = selection.selected?.id ?? null;
  const currentId = current?.id ?? null;
  const title = t('wall.trend', { indicator: spec.yLabel });
  // The indicator is named just above (the region on show): seen here is "趋势（‰）" only.
  const name = indicator.name[lang];
  const unit = spec.yLabel.startsWith(name) ? spec.yLabel.slice(name.length) : '';
  return (
    <section className="wall-panel wall-trend" aria-labelledby="wall-trend-title">
      <div className="wall-trend__head">
        <h2 id="wall-trend-title" className="wall-panel__title">
          <span className="visually-hidden">{title}</span>
          <span aria-hidden="true">
            {t('wall.trendShort')}
            {unit}
          </span>
        </h2>
        <ul className="wall-trend__legend">
          {layout.series.map((s) => (
            <li key={s.id}>
              <span
                className="wall-trend__swatch"
                style={{ background: colourOf(s, subject, currentId) }}
                aria-hidden
              />
              {s.name}
            </li>
          ))}
        </ul>
      </div>
      <div className="wall-trend__canvas" ref={canvas}>
        {box && (
          <svg
            className="wall-trend__plot"
            viewBox={`${TITLE_ROOM} 0 ${width} ${height}`}
            width={box.width}
            height={box.height}
            role="img"
            aria-label={spec.summary || title}
          >
            <PlotLayer
              layout={wallLayout(layout, subject, currentId)}
              noData={t('chart.noData')}
              theme={WALL_PLOT}
            />
          </svg>
        )}
      </div>
    </section>
  );
}
