/**
 * The drawing of a line chart's plot, from its layout: the one component both the screen
 * (inside an interactive <svg>) and the exported file (rendered to static markup) use. Pure:
 * no hooks, no state, presentation attributes only (a file's SVG carries no <style>).
 */
import { memo } from 'react';
import { FONT } from './layout';
import type { PlotLayout, SeriesLayout } from './layout';

export const INK = '#1a2233';
export const MUTED = '#5b6472';
export const AXIS = '#41506b';
const GRID = '#e3e7ee';
const ZERO = '#aab3c2';
const BAND = '#dbe6f7';

/** The colours and line weight of a plot's drawing: paper (screen and files), or another. */
export interface PlotTheme {
  /** Tick labels and the no-data words. */
  tick: string;
  /** The y title, the campaign strip's words and the pointer's guide line. */
  label: string;
  grid: string;
  /** The zero line and the x axis. */
  zero: string;
  band: string;
  bandOpacity: number;
  baseline: string;
  /** The inside of a provisional value's mark. */
  hollow: string;
  /** Every axis, grid and mark outline width is multiplied by this (1 on paper). */
  stroke: number;
}

export const PAPER: PlotTheme = {
  tick: MUTED,
  label: AXIS,
  grid: GRID,
  zero: ZERO,
  band: BAND,
  bandOpacity: 0.6,
  baseline: AXIS,
  hollow: '#fff',
  stroke: 1,
};

/** Screen-only emphasis: one line shown alone, or one highlighted under the pointer. */
export interface Emphasis {
  only: string | null;
  hover: string | null;
}

function opacityOf(id: string, emphasis: Emphasis | undefined): number {
  if (!emphasis) return 1;
  if (emphasis.only !== null) return emphasis.only === id ? 1 : 0;
  if (emphasis.hover !== null) return emphasis.hover === id ? 1 : 0.25;
  return 1;
}

function SeriesDrawing({
  s,
  opacity,
  theme,
}: {
  s: SeriesLayout;
  opacity: number;
  theme: PlotTheme;
}) {
  const { style } = s;
  // A value with no neighbour is no line at all: it needs a dot even where lines have none.
  const have = new Set(s.marks.map((m) => m.index));
  const lone = (i: number) => !have.has(i - 1) && !have.has(i + 1);
  return (
    <g data-series={s.id} opacity={opacity === 1 ? undefined : opacity}>
      {s.segments.map((points, k) => (
        <polyline
          key={k}
          className="plot-line"
          points={points}
          fill="none"
          stroke={style.color}
          strokeWidth={style.width}
          strokeDasharray={style.dash || undefined}
          strokeLinejoin="round"
          strokeLinecap="round"
        />
      ))}
      {s.marks.map((m) => {
        const r = style.r > 0 ? style.r : lone(m.index) ? 2.5 : 0;
        if (r === 0) return null;
        return (
          <circle
            key={m.index}
            cx={m.x}
            cy={m.y}
            r={r}
            fill={m.provisional ? theme.hollow : style.color}
            stroke={m.provisional ? style.color : undefined}
            strokeWidth={m.provisional ? 1.5 * theme.stroke : undefined}
            data-provisional={m.provisional ? 'true' : undefined}
          />
        );
      })}
    </g>
  );
}

const sameSeries = (
  a: { s: SeriesLayout; opacity: number; theme: PlotTheme },
  b: { s: SeriesLayout; opacity: number; theme: PlotTheme },
) =>
  a.opacity === b.opacity &&
  a.theme === b.theme &&
  a.s.id === b.s.id &&
  a.s.style.color === b.s.style.color &&
  a.s.style.width === b.s.style.width &&
  a.s.style.dash === b.s.style.dash &&
  a.s.style.r === b.s.style.r &&
  a.s.segments.join('|') === b.s.segments.join('|') &&
  a.s.marks.length === b.s.marks.length &&
  a.s.marks.every((m, i) => m.provisional === b.s.marks[i]?.provisional);

/** Choosing one region redraws two lines, not a hundred. */
const MemoSeries = memo(SeriesDrawing, sameSeries);

export function PlotLayer({
  layout,
  emphasis,
  noData,
  guide = null,
  theme = PAPER,
}: {
  layout: PlotLayout;
  emphasis?: Emphasis;
  /** Words shown when no series has a value. */
  noData: string;
  /** The year index the tooltip points at (screen only). */
  guide?: number | null;
  theme?: PlotTheme;
}) {
  const { plot } = layout;
  const w = theme.stroke;
  return (
    <g className="plot">
      {layout.band && (
        <rect
          x={layout.band.x0}
          y={plot.top}
          width={layout.band.x1 - layout.band.x0}
          height={plot.bottom - plot.top}
          fill={theme.band}
          fillOpacity={theme.bandOpacity}
        />
      )}
      <g className="plot-y-axis">
        {layout.yTicks.map((t) => (
          <g key={t.value}>
            <line
              x1={plot.left}
              x2={plot.right}
              y1={t.y}
              y2={t.y}
              stroke={t.y === layout.zeroY ? theme.zero : theme.grid}
              strokeWidth={w}
            />
            <text
              x={plot.left - 6}
              y={t.y + 4}
              fontSize={FONT.tick}
              fill={theme.tick}
              textAnchor="end"
            >
              {t.label}
            </text>
          </g>
        ))}
      </g>
      {layout.yTitle.lines.map((l) => (
        <text
          key={l.x}
          className="plot-y-title"
          x={l.x}
          y={layout.yTitle.y}
          fontSize={FONT.label}
          fill={theme.label}
          textAnchor="middle"
          transform={`rotate(-90 ${String(l.x)} ${String(layout.yTitle.y)})`}
        >
          {l.text}
        </text>
      ))}
      <g className="plot-x-axis">
        <line
          x1={plot.left}
          x2={plot.right}
          y1={plot.bottom}
          y2={plot.bottom}
          stroke={theme.zero}
          strokeWidth={w}
        />
        {layout.xTicks.map((t) => (
          <g key={t.year}>
            <line
              x1={t.x}
              x2={t.x}
              y1={plot.bottom}
              y2={plot.bottom + 4}
              stroke={theme.zero}
              strokeWidth={w}
            />
            <text
              x={t.x}
              y={plot.bottom + 17}
              fontSize={FONT.tick}
              fill={theme.tick}
              textAnchor="middle"
            >
              {String(t.year)}
            </text>
          </g>
        ))}
      </g>
      {layout.baselineX !== null && (
        <line
          x1={layout.baselineX}
          x2={layout.baselineX}
          y1={plot.top}
          y2={plot.bottom}
          stroke={theme.baseline}
          strokeWidth={1.2 * w}
          strokeDasharray={`${String(5 * w)} ${String(4 * w)}`}
        />
      )}
      {layout.strip.map((l) => (
        <text
          key={l.text}
          className="plot-strip"
          x={l.x}
          y={l.y}
          fontSize={FONT.strip}
          fill={theme.label}
          textAnchor={l.anchor}
        >
          {l.text}
        </text>
      ))}
      {guide !== null && layout.xs[guide] !== undefined && (
        <line
          x1={layout.xs[guide]}
          x2={layout.xs[guide]}
          y1={plot.top}
          y2={plot.bottom}
          stroke={theme.label}
          strokeWidth={w}
        />
      )}
      <g className="plot-series">
        {layout.series.map((s) => (
          <MemoSeries key={s.id} s={s} opacity={opacityOf(s.id, emphasis)} theme={theme} />
        ))}
      </g>
      {layout.empty && (
        <text
          x={(plot.left + plot.right) / 2}
          y={(plot.top + plot.bottom) / 2}
          fontSize={14}
          fill={theme.tick}
          textAnchor="middle"
        >
          {noData}
        </text>
      )}
    </g>
  );
}
