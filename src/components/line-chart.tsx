import { memo } from 'react';
import {
  CartesianGrid,
  Legend,
  Line,
  LineChart,
  ReferenceArea,
  ReferenceLine,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { seriesStyles } from './palette';

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
}

type Row = Record<string, number | null> & { year: number };

function TrendLineChartImpl({
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
}: LineChartProps) {
  const styles = seriesStyles(series);
  // Past a dozen lines the dots only add clutter (and hundreds of SVG nodes to redraw on every
  // filter change); selected series keep theirs.
  const crowded = series.length > 12;
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
      <Legend wrapperStyle={{ fontSize: 13 }} />
      {series.map((s, i) => {
        const style = styles[i] ?? { color: '#555', dash: '', width: 2 };
        return (
          <Line
            key={s.id}
            dataKey={s.id}
            name={s.name}
            type="linear"
            stroke={style.color}
            strokeWidth={style.width}
            strokeDasharray={style.dash}
            dot={s.selected || !crowded ? { r: s.selected ? 4 : 3, fill: style.color } : false}
            connectNulls={false}
            isAnimationActive={animate}
          />
        );
      })}
    </LineChart>
  );
  if (fixedWidth) {
    return (
      <ResponsiveContainer
        width={fixedWidth}
        height={height}
        initialDimension={{ width: fixedWidth, height }}
      >
        {chart}
      </ResponsiveContainer>
    );
  }
  return (
    <ResponsiveContainer width="100%" height={height} initialDimension={{ width: 800, height }}>
      {chart}
    </ResponsiveContainer>
  );
}

const sameArray = <T,>(a: readonly T[], b: readonly T[]) =>
  a.length === b.length && a.every((x, i) => x === b[i]);
const sameMark = (a: object | null | undefined, b: object | null | undefined) =>
  JSON.stringify(a) === JSON.stringify(b);

/**
 * Views rebuild their chart specs on every filter change; most changes (the year shown, the
 * comparison year) do not touch what is drawn. Comparing what is drawn skips recharts' costly
 * re-render then. The formatters are not compared: they follow from the unit and language,
 * which also change the axis label.
 */
function sameChart(a: LineChartProps, b: LineChartProps): boolean {
  return (
    sameArray(a.years, b.years) &&
    a.series.length === b.series.length &&
    a.series.every((s, i) => {
      const t = b.series[i];
      return (
        t !== undefined &&
        s.id === t.id &&
        s.name === t.name &&
        s.selected === t.selected &&
        sameArray(s.values, t.values)
      );
    }) &&
    a.yLabel === b.yLabel &&
    a.reversed === b.reversed &&
    a.height === b.height &&
    a.fixedWidth === b.fixedWidth &&
    a.animate === b.animate &&
    sameMark(a.band, b.band) &&
    sameMark(a.baseline, b.baseline)
  );
}

export const TrendLineChart = memo(TrendLineChartImpl, sameChart);
