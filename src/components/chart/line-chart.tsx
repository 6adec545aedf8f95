/**
 * The line chart on screen: the shared plot (plot-layer.tsx) at the container's width (the
 * page's width on paper), with a tooltip and an interactive legend. Nothing here decides how
 * the chart looks; that is layout.ts, which the exported files use too.
 */
import { memo, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { layoutPlot, nearestYear } from './layout';
import type { PlotInput, PlotLayout } from './layout';
import { PlotLayer } from './plot-layer';
import { textWidth } from './text-metrics';
import type { SeriesStyle } from './series-style';
import { PRINT_HEIGHT, PRINT_WIDTH, usePrinting } from './use-print';

export interface LineChartLabels {
  legend: string;
  /** Marks a chosen series in the legend for screen readers. */
  selected: string;
  noData: string;
  /** Legend button hints: show only this line / show every line again. */
  showOnly: string;
  showAll: string;
  provisional: string;
  missing: string;
  more: (n: number) => string;
}

export interface LineChartProps {
  input: PlotInput;
  height?: number;
  /** Full value text with unit, for the tooltip. */
  formatValue: (v: number) => string;
  labels: LineChartLabels;
  /** The plot's accessible name (the figure around it has the summary and a table twin). */
  ariaLabel: string;
}

const FALLBACK_WIDTH = 800;
const TOOLTIP_ROWS = 10;
/**
 * Below this width (a phone) the tooltip is a compact strip across the plot: the largest few
 * values in two columns, pinned to the edge away from the lines at that year, so the chart stays
 * in view around it. A tap elsewhere closes it.
 */
const NARROW = 560;
const COMPACT_ROWS = 4;

/** The element's width, followed as it changes (shared with the bar chart). */
export function useWidth(ref: React.RefObject<HTMLDivElement | null>): number {
  const [width, setWidth] = useState(FALLBACK_WIDTH);
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    const measure = () => {
      const w = Math.floor(el.clientWidth);
      if (w > 0) setWidth(w);
    };
    measure();
    if (typeof ResizeObserver === 'undefined') return;
    const ro = new ResizeObserver(measure);
    ro.observe(el);
    return () => ro.disconnect();
  }, [ref]);
  return width;
}

function Key({ style }: { style: SeriesStyle }) {
  return (
    <svg width="24" height="10" aria-hidden="true" focusable="false">
      <line
        x1="1"
        y1="5"
        x2="23"
        y2="5"
        stroke={style.color}
        strokeWidth={Math.min(style.width, 3.5)}
        strokeDasharray={style.dash || undefined}
      />
    </svg>
  );
}

function Tooltip({
  layout,
  index,
  year,
  only,
  formatValue,
  labels,
  scale,
  compact,
}: {
  layout: PlotLayout;
  index: number;
  year: number;
  only: string | null;
  formatValue: (v: number) => string;
  labels: LineChartLabels;
  scale: number;
  compact: boolean;
}) {
  const rows = layout.series
    .filter((s) => only === null || s.id === only)
    .map((s) => ({ s, mark: s.marks.find((m) => m.index === index) }))
    .sort((a, b) => {
      const va = a.mark?.value ?? -Infinity;
      const vb = b.mark?.value ?? -Infinity;
      // Ranks read best first; values largest first; missing last either way.
      return layout.kind === 'rank'
        ? (a.mark?.value ?? Infinity) - (b.mark?.value ?? Infinity)
        : vb - va;
    });
  const shown = rows.slice(0, compact ? COMPACT_ROWS : TOOLTIP_ROWS);
  const more = rows.length > shown.length && (
    <small>{labels.more(rows.length - shown.length)}</small>
  );
  const list = (
    <ul>
      {shown.map(({ s, mark }) => (
        <li key={s.id} className={s.selected ? 'is-selected' : undefined}>
          <Key style={s.style} />
          <span className="chart-tooltip__name">{s.name}</span>
          <span className="chart-tooltip__value">
            {mark ? formatValue(mark.value) : (s.gaps?.[index] ?? labels.missing)}
            {mark?.provisional ? ` (${labels.provisional})` : ''}
          </span>
        </li>
      ))}
    </ul>
  );
  if (compact) {
    // Pinned to the plot's top edge, or its bottom (above the year labels) when the lines at
    // this year are mostly in the upper half.
    const ys = shown.flatMap(({ mark }) => (mark ? [mark.y] : []));
    const middle = (layout.plot.top + layout.plot.bottom) / 2;
    const high = ys.length > 0 && ys.reduce((a, b) => a + b, 0) / ys.length < middle;
    // Two a line where names and values fit half the width (Chinese names), else one a line.
    const half = (layout.width * scale - 24) / 2;
    const two = shown.every(
      ({ s, mark }) =>
        textWidth(s.name, 12) +
          textWidth(mark ? formatValue(mark.value) : (s.gaps?.[index] ?? labels.missing), 12) +
          28 <=
        half,
    );
    return (
      <div
        className={`chart-tooltip chart-tooltip--compact${two ? '' : ' chart-tooltip--one'}`}
        aria-hidden="true"
        style={
          high
            ? { top: 'auto', bottom: (layout.height - layout.plot.bottom) * scale + 2 }
            : { top: layout.plot.top * scale }
        }
      >
        <div className="chart-tooltip__head">
          <strong>{year}</strong>
          {more}
        </div>
        {list}
      </div>
    );
  }
  const x = (layout.xs[index] ?? 0) * scale;
  const right = x > (layout.width * scale) / 2;
  return (
    // Pointer-only: screen readers get the summary and the table twin instead of a live
    // region announcing every year the pointer crosses.
    <div
      className="chart-tooltip"
      aria-hidden="true"
      style={right ? { right: layout.width * scale - x + 12 } : { left: x + 12 }}
    >
      <strong>{year}</strong>
      {list}
      {more}
    </div>
  );
}

function LineChartView({ input, height = 320, formatValue, labels, ariaLabel }: LineChartProps) {
  const ref = useRef<HTMLDivElement>(null);
  const measured = useWidth(ref);
  const printing = usePrinting();
  const width = printing ? PRINT_WIDTH : measured;
  const h = printing ? Math.min(height, PRINT_HEIGHT) : height;
  const layout = useMemo(() => layoutPlot(input, width, h), [input, width, h]);
  const [onlyChoice, setOnly] = useState<string | null>(null);
  const [hover, setHover] = useState<string | null>(null);
  const [pointer, setPointer] = useState<number | null>(null);
  const ids = new Set(input.series.map((s) => s.id));
  const only = onlyChoice !== null && ids.has(onlyChoice) ? onlyChoice : null;
  const scale = measured > 0 && !printing ? Math.min(1, measured / layout.width) : 1;
  const compact = !printing && measured < NARROW;

  // An open tooltip closes on a tap or click outside the chart, or Esc (a touch leaves none).
  const open = pointer !== null;
  useEffect(() => {
    if (!open) return;
    const onPointer = (e: PointerEvent) => {
      if (e.target instanceof Node && !ref.current?.contains(e.target)) setPointer(null);
    };
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') setPointer(null);
    };
    document.addEventListener('pointerdown', onPointer);
    document.addEventListener('keydown', onKey);
    return () => {
      document.removeEventListener('pointerdown', onPointer);
      document.removeEventListener('keydown', onKey);
    };
  }, [open]);
  // Legend in the series' own order, not the drawing order.
  const bySeries = new Map(layout.series.map((s) => [s.id, s]));

  const toIndex = (e: React.PointerEvent<SVGSVGElement>) => {
    const box = e.currentTarget.getBoundingClientRect();
    if (box.width === 0) return null;
    const x = ((e.clientX - box.left) / box.width) * layout.width;
    return nearestYear(layout, x);
  };

  return (
    <div className="line-chart" ref={ref}>
      <div className="line-chart__plot">
        <svg
          width={layout.width}
          height={layout.height}
          viewBox={`0 0 ${String(layout.width)} ${String(layout.height)}`}
          role="img"
          aria-label={ariaLabel}
          onPointerMove={(e) => setPointer(toIndex(e))}
          onPointerDown={(e) => setPointer(toIndex(e))}
          onPointerLeave={(e) => {
            if (e.pointerType === 'mouse') setPointer(null);
          }}
        >
          <PlotLayer
            layout={layout}
            emphasis={{ only, hover }}
            noData={labels.noData}
            guide={printing ? null : pointer}
          />
        </svg>
        {pointer !== null && !printing && input.years[pointer] !== undefined && (
          <Tooltip
            layout={layout}
            index={pointer}
            year={input.years[pointer] ?? 0}
            only={only}
            formatValue={formatValue}
            labels={labels}
            scale={scale}
            compact={compact}
          />
        )}
      </div>
      <ul className="chart-legend" aria-label={labels.legend}>
        {input.series.map((s) => {
          const laid = bySeries.get(s.id);
          if (!laid) return null;
          const pressed = only === s.id;
          return (
            <li key={s.id} className={laid.style.quiet ? 'is-quiet' : undefined}>
              <button
                type="button"
                aria-pressed={pressed}
                title={pressed ? labels.showAll : labels.showOnly}
                onClick={() => setOnly(pressed ? null : s.id)}
                onPointerEnter={(e) => {
                  if (e.pointerType === 'mouse') setHover(s.id);
                }}
                onPointerLeave={() => setHover(null)}
                onFocus={() => setHover(s.id)}
                onBlur={() => setHover(null)}
              >
                <Key style={laid.style} />
                {s.name}
                {s.selected && <span className="visually-hidden">{labels.selected}</span>}
              </button>
            </li>
          );
        })}
      </ul>
    </div>
  );
}

const sameArray = <T,>(a: readonly T[], b: readonly T[]) =>
  a.length === b.length && a.every((x, i) => x === b[i]);

/** What the plot draws; the formatters follow from the unit and language, which the labels show. */
function sameDrawing(a: LineChartProps, b: LineChartProps): boolean {
  const p = a.input;
  const q = b.input;
  return (
    a.height === b.height &&
    a.labels === b.labels &&
    a.ariaLabel === b.ariaLabel &&
    sameArray(p.years, q.years) &&
    p.series.length === q.series.length &&
    p.series.every((s, i) => {
      const t = q.series[i];
      return (
        t !== undefined &&
        s.id === t.id &&
        s.name === t.name &&
        s.selected === t.selected &&
        s.reference === t.reference &&
        sameArray(s.values, t.values) &&
        sameArray(s.provisional, t.provisional)
      );
    }) &&
    p.unit?.unit === q.unit?.unit &&
    p.reversed === q.reversed &&
    p.rankOf === q.rankOf &&
    p.yLabel === q.yLabel &&
    JSON.stringify([p.band, p.baseline]) === JSON.stringify([q.band, q.baseline])
  );
}

/**
 * Views rebuild their specs on every filter change; most (the year, the comparison) change
 * only the words around the chart, so the plot is left alone then.
 */
export const LineChart = memo(LineChartView, sameDrawing);
