import { useMemo } from 'react';
import { layoutPlot } from '@/components/chart/layout';
import { PlotLayer } from '@/components/chart/plot-layer';
import { buildIndicatorSpec } from '@/features/charts/indicator-spec';
import type { ObservationIndex } from '@/features/data/observation-index';
import { scopeOf } from '@/features/filters/scope';
import type { Selection } from '@/features/filters/selection';
import type { Lang, T } from '@/lib/i18n';
import type { Indicator, Meta, Region } from '@contract/types';

/** Drawn at about half the panel's size and scaled up: the chart's 11–12 px type reads at ~20 px. */
const SIZE = { width: 270, height: 120 } as const;

/**
 * The lead indicator over the years: the region the screen is about and the one on show, by
 * the trends view's spec builder and the shared plot drawing (no legend buttons, no tooltip).
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
  const layout = useMemo(() => layoutPlot(spec, SIZE.width, SIZE.height), [spec]);
  const title = t('wall.trend', { indicator: indicator.name[lang] });
  return (
    <section className="wall-panel wall-trend" aria-labelledby="wall-trend-title">
      <h2 id="wall-trend-title" className="wall-panel__title">
        {title}
      </h2>
      <ul className="wall-trend__legend">
        {layout.series.map((s) => (
          <li key={s.id}>
            <span
              className="wall-trend__swatch wall-invert"
              style={{ background: s.style.color, height: Math.max(4, s.style.width * 2) }}
              aria-hidden
            />
            {s.name}
          </li>
        ))}
      </ul>
      <svg
        className="wall-trend__plot wall-invert"
        viewBox={`0 0 ${SIZE.width} ${SIZE.height}`}
        role="img"
        aria-label={spec.summary || title}
      >
        <PlotLayer layout={layout} noData={t('chart.noData')} />
      </svg>
    </section>
  );
}
