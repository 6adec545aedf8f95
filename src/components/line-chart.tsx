import { memo } from 'react';
import {
  CartesianGrid,
  Line,
  LineChart,
  ReferenceArea,
  ReferenceLine,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { ownStyle, seriesStyles } from './palette';

export interface Series {
  id: string;
  name: string;
  selected: boolean;
  /** One value per year, aligned with `years`; null leaves a gap. */
  values: (number | null)[];
}

export interface LineChartProps {
  years: number[];
  series: Series[];
  yLabel: string;
  format: (value: number) => string;
  /** Tooltip text for one value, with its unit; defaults to `format`. */
  formatTooltip?: (value: number) => string;
  band?: { from: number; to: number; label: string } | null;
  baseline?: { year: number; label: string } | null;
  /** Ranks: 1 at the top. */
  reversed?: boolean;
  height?: number;
  /** Test and export renderings pass a fixed size; the screen fills its container. */
  fixedWidth?: number;
  animate?: boolean;
  /** The legend's accessible name, and the words marking a selected series in it. */
  legendLabels?: { legend: string; selected: string };
}

type Row = Record<string, number | null> & { year: number };

/** Past a dozen lines the dots only add clutter (and hundreds of SVG nodes to redraw). */
const CROWDED = 12;

/** Per-series CSS variables: the selection restyles lines without recharts drawing again. */
const cssVar = (i: number, what: 'color' | 'width' | 'dash' | 'r') => `--line-${String(i)}-${what}`;

/**
 * The props that style line `i`: its own colour, dash and width as fallbacks of variables the
 * wrapper sets for selected lines. Built once per position and reused, so recharts sees the
 * same objects on every render and leaves unchanged lines alone.
 */
function lineLook(i: number) {
  const own = ownStyle(i);
  const color = `var(${cssVar(i, 'color')}, ${own.color})`;
  const width = `var(${cssVar(i, 'width')}, ${String(own.width)}px)`;
  return {
    color,
    style: {
      stroke: color,
      strokeWidth: width,
      strokeDasharray: `var(${cssVar(i, 'dash')}, ${own.dash || 'none'})`,
    },
    dot: {
      style: { fill: color, stroke: color, strokeWidth: width, r: `var(${cssVar(i, 'r')}, 3px)` },
    },
    activeDot: { style: { fill: color } },
  };
}

const looksCache: ReturnType<typeof lineLook>[] = [];
function lineLooks(n: number) {
  for (let i = looksCache.length; i < n; i++) looksCache.push(lineLook(i));
  return looksCache;
}

type DrawnProps = Omit<LineChartProps, 'series' | 'legendLabels'> & {
  series: readonly Omit<Series, 'selected'>[];
  /** Only a crowded chart draws dots for selected lines alone, so only there it matters. */
  dotted: ReadonlySet<string> | null;
};

function DrawnChart({
  years,
  series,
  yLabel,
  format,
  formatTooltip = format,
  band,
  baseline,
  reversed = false,
  height = 320,
  fixedWidth,
  animate = false,
  dotted,
}: DrawnProps) {
  const looks = lineLooks(series.length);
  const rows: Row[] = years.map((year, i) => {
    const row: Row = { year };
    for (const s of series) row[s.id] = s.values[i] ?? null;
    return row;
  });
  const chart = (
    <LineChart data={rows} margin={{ top: 12, right: 20, bottom: 4, left: 8 }}>
      <CartesianGrid stroke="#e3e7ee" vertical={false} />
      {band && (
        <ReferenceArea
          x1={band.from}
          x2={band.to}
          fill="#dbe6f7"
          fillOpacity={0.55}
          label={{ value: band.label, position: 'insideTop', fill: '#41506b', fontSize: 12 }}
        />
      )}
      {baseline && (
        <ReferenceLine
          x={baseline.year}
          stroke="#41506b"
          strokeDasharray="5 4"
          label={{
            value: baseline.label,
            // Left of the dashed line: the campaign band (and its label) starts to its right,
            // and on a phone-width chart the two labels would otherwise overlap.
            position: 'insideTopRight',
            fill: '#41506b',
            fontSize: 12,
          }}
        />
      )}
      <XAxis
        dataKey="year"
        type="number"
        domain={['dataMin', 'dataMax']}
        ticks={years}
        allowDecimals={false}
        tick={{ fontSize: 12 }}
        padding={{ left: 12, right: 12 }}
      />
      <YAxis
        reversed={reversed}
        tickFormatter={(v: number) => format(v)}
        tick={{ fontSize: 12 }}
        width={64}
        allowDecimals={!reversed}
        domain={reversed ? [1, 'dataMax'] : ['auto', 'auto']}
        label={{
          value: yLabel,
          angle: -90,
          position: 'insideLeft',
          offset: 4,
          fontSize: 12,
          fill: '#41506b',
          style: { textAnchor: 'middle' },
        }}
      />
      <Tooltip
        formatter={(value) => (typeof value === 'number' ? formatTooltip(value) : '—')}
        labelFormatter={(label) =>
          typeof label === 'number' || typeof label === 'string' ? String(label) : ''
        }
      />
      {series.map((s, i) => {
        const look = looks[i] ?? lineLook(i);
        return (
          <Line
            key={s.id}
            dataKey={s.id}
            name={s.name}
            type="linear"
            stroke={look.color}
            style={look.style}
            dot={!dotted || dotted.has(s.id) ? look.dot : false}
            activeDot={look.activeDot}
            connectNulls={false}
            isAnimationActive={animate}
          />
        );
      })}
    </LineChart>
  );
  const width = fixedWidth ?? '100%';
  return (
    <ResponsiveContainer
      width={width}
      height={height}
      initialDimension={{ width: fixedWidth ?? 800, height }}
    >
      {chart}
    </ResponsiveContainer>
  );
}

const sameArray = <T,>(a: readonly T[], b: readonly T[]) =>
  a.length === b.length && a.every((x, i) => x === b[i]);
const sameSet = (a: ReadonlySet<string> | null, b: ReadonlySet<string> | null) =>
  a === b || (a !== null && b !== null && a.size === b.size && [...a].every((x) => b.has(x)));
const sameMark = (a: object | null | undefined, b: object | null | undefined) =>
  JSON.stringify(a) === JSON.stringify(b);

/**
 * Views rebuild their chart specs on every filter change; most changes (the year shown, the
 * selected region) do not touch what recharts draws. Comparing what is drawn skips its costly
 * re-render then. The formatters are not compared: they follow from the unit and language,
 * which also change the axis label.
 */
function sameDrawing(a: DrawnProps, b: DrawnProps): boolean {
  return (
    sameArray(a.years, b.years) &&
    a.series.length === b.series.length &&
    a.series.every((s, i) => {
      const t = b.series[i];
      return t !== undefined && s.id === t.id && s.name === t.name && sameArray(s.values, t.values);
    }) &&
    sameSet(a.dotted, b.dotted) &&
    a.yLabel === b.yLabel &&
    a.reversed === b.reversed &&
    a.height === b.height &&
    a.fixedWidth === b.fixedWidth &&
    a.animate === b.animate &&
    sameMark(a.band, b.band) &&
    sameMark(a.baseline, b.baseline)
  );
}

const Drawn = memo(DrawnChart, sameDrawing);

/**
 * A line per series. The selection (thick, solid, the first in institutional blue) is applied
 * through CSS variables on the wrapper, so choosing a township restyles the lines and the
 * legend without recharts computing the chart again. Only selected lines get variables (every
 * element below inherits them, and a hundred lines' worth made each restyle slow).
 */
export function TrendLineChart({ series, legendLabels, ...rest }: LineChartProps) {
  const styles = seriesStyles(series);
  const vars: Record<string, string> = {};
  series.forEach((s, i) => {
    const style = styles[i];
    if (!s.selected || !style) return;
    vars[cssVar(i, 'color')] = style.color;
    vars[cssVar(i, 'width')] = `${String(style.width)}px`;
    vars[cssVar(i, 'dash')] = style.dash || 'none';
    vars[cssVar(i, 'r')] = '4px';
  });
  const crowded = series.length > CROWDED;
  const dotted = crowded ? new Set(series.filter((s) => s.selected).map((s) => s.id)) : null;
  return (
    <div className="line-chart" style={vars}>
      <Drawn {...rest} series={series} dotted={dotted} />
      <ul className="chart-legend" aria-label={legendLabels?.legend}>
        {series.map((s, i) => {
          const style = styles[i] ?? { color: '#555', dash: '', width: 2 };
          return (
            <li key={s.id}>
              <svg width="24" height="10" aria-hidden="true" focusable="false">
                <line
                  x1="1"
                  y1="5"
                  x2="23"
                  y2="5"
                  stroke={style.color}
                  strokeWidth={style.width}
                  strokeDasharray={style.dash || undefined}
                />
              </svg>
              {s.name}
              {s.selected && legendLabels && (
                <span className="visually-hidden">{legendLabels.selected}</span>
              )}
            </li>
          );
        })}
      </ul>
    </div>
  );
}
