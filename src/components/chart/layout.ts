/**
 * Where everything of a line chart goes, for a given size: axes, ticks, the campaign band and
 * baseline rule with their labels in a strip above the plot, each series' line segments and
 * marks. The screen and the exported file both draw this one layout (plot-layer.tsx), so they
 * cannot disagree.
 */
import { axisKindOf, valueTicks } from './scale';
import type { AxisKind, Ticks } from './scale';
import { seriesStyles } from './series-style';
import type { SeriesStyle, StyledInput } from './series-style';
import { clean, ellipsize, textWidth, titleLines } from './text-metrics';

export interface PlotSeries extends StyledInput {
  name: string;
  /** One per year; null is a gap (missing or suppressed), never a zero. */
  values: (number | null)[];
  provisional: boolean[];
  /**
   * What stands for a null value in the tooltip, one per year: "<5", "—（保密）". Absent or
   * null: the plain missing mark.
   */
  gaps?: (string | null)[];
}

/** What a chart draws, independent of where: the part of a ChartSpec the plot needs. */
export interface PlotInput {
  years: number[];
  series: PlotSeries[];
  unit: { unit: string } | null;
  /** Ranks: 1 at the top. */
  reversed: boolean;
  /** Ranks: the number of places ranked (the axis runs 1 … of). */
  rankOf: number | null;
  yLabel: string;
  formatTick: (v: number) => string;
  band: { from: number; to: number; label: string } | null;
  baseline: { year: number; label: string } | null;
}

export interface Box {
  left: number;
  right: number;
  top: number;
  bottom: number;
}

export interface Mark {
  index: number;
  x: number;
  y: number;
  value: number;
  provisional: boolean;
}

export interface SeriesLayout {
  id: string;
  name: string;
  selected: boolean;
  style: SeriesStyle;
  /** Polyline point lists, one per run of consecutive values. */
  segments: string[];
  marks: Mark[];
  /** The series' gap texts for the tooltip (see PlotSeries). */
  gaps?: (string | null)[];
}

export interface StripLabel {
  text: string;
  x: number;
  y: number;
  anchor: 'start' | 'middle' | 'end';
}

export interface PlotLayout {
  width: number;
  height: number;
  kind: AxisKind;
  plot: Box;
  ticks: Ticks;
  yTicks: { value: number; y: number; label: string }[];
  /** The zero line, drawn stronger, when zero is on the axis. */
  zeroY: number | null;
  /**
   * The y title, turned to read upwards, centred on y: one line, or two when one would be cut
   * (each at its own x, the first furthest left). None when there is no title.
   */
  yTitle: { lines: { text: string; x: number }[]; y: number };
  /** x of every year, in order. */
  xs: number[];
  /** Year labels shown (thinned when they would collide). */
  xTicks: { year: number; x: number }[];
  band: { x0: number; x1: number } | null;
  baselineX: number | null;
  strip: StripLabel[];
  /** Drawing order: quiet lines first, chosen ones last (on top). */
  series: SeriesLayout[];
  empty: boolean;
}

export const FONT = { tick: 11, label: 12, strip: 11 } as const;
const INNER = 16;
const STRIP_ROW = 15;
/** A second y-title line's distance from the first (a 12px font). */
const TITLE_LINE = 14;

const r2 = (x: number) => Math.round(x * 100) / 100;

/** Consecutive non-null runs: a null is a gap, never a zero and never bridged. */
export function segments(values: readonly (number | null)[]): { start: number; vals: number[] }[] {
  const out: { start: number; vals: number[] }[] = [];
  values.forEach((v, i) => {
    const last = out[out.length - 1];
    if (v === null || !Number.isFinite(v)) return;
    if (last && last.start + last.vals.length === i) last.vals.push(v);
    else out.push({ start: i, vals: [v] });
  });
  return out;
}

/** Tick count: fixed, so the screen and a file of another height show the same ticks. */
function tickTarget(plotHeight: number): number {
  return plotHeight < 110 ? 3 : 5;
}

type RawLabel = Omit<StripLabel, 'y'> & { w: number };

function stripLabels(
  input: PlotInput,
  xOf: (year: number) => number,
  box: { left: number; right: number },
): RawLabel[] {
  const out: RawLabel[] = [];
  const { band, baseline } = input;
  if (band) {
    const x0 = xOf(band.from);
    const x1 = xOf(band.to);
    const text = ellipsize(clean(band.label), FONT.strip, Math.max(x1 - x0 + 40, 90));
    const w = textWidth(text, FONT.strip);
    const cx = Math.min(box.right - w / 2, Math.max(box.left + w / 2, (x0 + x1) / 2));
    out.push({ text, x: cx, anchor: 'middle', w });
  }
  if (baseline) {
    const bx = xOf(baseline.year);
    const text = ellipsize(clean(baseline.label), FONT.strip, 140);
    const w = textWidth(text, FONT.strip);
    // Left of its rule when there is room: the campaign band starts to its right.
    const left = bx - 4 - w >= box.left - 40;
    out.push({ text, x: left ? bx - 4 : bx + 4, anchor: left ? 'end' : 'start', w });
  }
  return out;
}

function extent(l: RawLabel): [number, number] {
  if (l.anchor === 'start') return [l.x, l.x + l.w];
  if (l.anchor === 'end') return [l.x - l.w, l.x];
  return [l.x - l.w / 2, l.x + l.w / 2];
}

export function layoutPlot(input: PlotInput, width: number, height: number): PlotLayout {
  const kind = axisKindOf(input.unit?.unit, input.reversed);
  const values = input.series.flatMap((s) =>
    s.values.filter((v): v is number => v !== null && Number.isFinite(v)),
  );
  const hasStrip = input.band !== null || input.baseline !== null;
  // The strip is laid out once the x scale is known; reserve one row, grow to two on a clash.
  const xScale = (left: number, right: number) => {
    const first = input.years[0] ?? 0;
    const last = input.years[input.years.length - 1] ?? first;
    return (year: number) =>
      last === first
        ? (left + right) / 2
        : left + INNER + ((year - first) / (last - first)) * (right - left - 2 * INNER);
  };

  const bottom = height - 24;
  const oneRowTop = hasStrip ? STRIP_ROW + 8 : 8;
  const ticks0 = valueTicks(kind, values, tickTarget(bottom - oneRowTop), input.rankOf);
  const tickW = Math.max(
    10,
    ...ticks0.ticks.map((t) => textWidth(clean(input.formatTick(t)), FONT.tick)),
  );
  const right = width - 10;
  // The strip's labels sit by the x scale, which starts after the y title and tick labels.
  const across = (left: number) => {
    const xOf = xScale(left, right);
    const raw = hasStrip ? stripLabels(input, xOf, { left, right }) : [];
    let rows = raw.length > 0 ? 1 : 0;
    const placed: [number, number][] = [];
    const rowOf = raw.map((l) => {
      const [a, b] = extent(l);
      const clash = placed.some(([c, d]) => a < d + 6 && c < b + 6);
      placed.push([a, b]);
      if (clash) rows = 2;
      return clash ? 1 : 0;
    });
    const top = rows * STRIP_ROW + 8;
    const plot: Box = { left, right, top, bottom: Math.max(top + 40, bottom) };
    // The title runs along the plot's height and a little beyond.
    const title = titleLines(input.yLabel, FONT.label, plot.bottom - plot.top + 20);
    return { xOf, raw, rowOf, top, plot, title };
  };
  // A title too long for one line takes a second, left of the tick labels, moving the plot over.
  const oneLine = across(20 + tickW + 6);
  const { xOf, raw, rowOf, top, plot, title } =
    oneLine.title.length > 1 ? across(20 + TITLE_LINE + tickW + 6) : oneLine;
  const ticks =
    top === oneRowTop
      ? ticks0
      : valueTicks(kind, values, tickTarget(plot.bottom - plot.top), input.rankOf);
  const span = ticks.hi - ticks.lo || 1;
  const yOf = (v: number) =>
    kind === 'rank'
      ? plot.top + ((v - ticks.lo) / span) * (plot.bottom - plot.top)
      : plot.bottom - ((v - ticks.lo) / span) * (plot.bottom - plot.top);

  const xs = input.years.map(xOf);
  const step = xs.length > 1 ? Math.abs((xs[1] ?? 0) - (xs[0] ?? 0)) : Infinity;
  const every = Math.max(1, Math.ceil((textWidth('2000', FONT.tick) + 10) / step));
  const xTicks = input.years.flatMap((year, i) =>
    i % every === 0 ? [{ year, x: r2(xs[i] ?? 0) }] : [],
  );

  const band = input.band
    ? (() => {
        const half = xs.length > 1 ? step / 2 : 12;
        const x0 = Math.max(plot.left, xOf(input.band.from) - half * 0.6);
        const x1 = Math.min(plot.right, xOf(input.band.to) + half * 0.6);
        return { x0: r2(x0), x1: r2(Math.max(x0 + 12, x1)) };
      })()
    : null;
  const baselineX =
    input.baseline && input.years.includes(input.baseline.year)
      ? r2(xOf(input.baseline.year))
      : null;
  const strip: StripLabel[] = raw.map((l, i) => ({
    text: l.text,
    x: r2(l.x),
    anchor: l.anchor,
    y: (rowOf[i] ?? 0) * STRIP_ROW + 11,
  }));

  const styles = seriesStyles(input.series);
  const laid: SeriesLayout[] = input.series.map((s, si) => {
    const style = styles[si] ?? { color: '#555', dash: '', width: 2, r: 3, quiet: false };
    const segs = segments(s.values);
    return {
      id: s.id,
      name: s.name,
      selected: s.selected,
      style,
      segments: segs
        .filter((g) => g.vals.length > 1)
        .map((g) =>
          g.vals
            .map((v, k) => `${String(r2(xs[g.start + k] ?? 0))},${String(r2(yOf(v)))}`)
            .join(' '),
        ),
      marks: segs.flatMap((g) =>
        g.vals.map((v, k) => ({
          index: g.start + k,
          x: r2(xs[g.start + k] ?? 0),
          y: r2(yOf(v)),
          value: v,
          provisional: s.provisional[g.start + k] === true,
        })),
      ),
      ...(s.gaps ? { gaps: s.gaps } : {}),
    };
  });
  const rank = (l: SeriesLayout) => (l.style.quiet ? 0 : l.selected ? 2 : 1);
  const order = laid.map((l, i) => ({ l, i })).sort((a, b) => rank(a.l) - rank(b.l) || a.i - b.i);

  return {
    width,
    height,
    kind,
    plot,
    ticks,
    yTicks: ticks.ticks.map((value) => ({
      value,
      y: r2(yOf(value)),
      label: clean(input.formatTick(value)),
    })),
    zeroY: kind !== 'rank' && ticks.lo <= 0 && ticks.hi >= 0 ? r2(yOf(0)) : null,
    yTitle: {
      lines: title.map((text, i) => ({ text, x: 9 + i * TITLE_LINE })),
      y: r2((plot.top + plot.bottom) / 2),
    },
    xs: xs.map(r2),
    xTicks,
    band,
    baselineX,
    strip,
    series: order.map((o) => o.l),
    empty: values.length === 0,
  };
}

/** The index of the year nearest to x (for the tooltip). */
export function nearestYear(layout: PlotLayout, x: number): number {
  let best = 0;
  let dist = Infinity;
  layout.xs.forEach((xi, i) => {
    const d = Math.abs(xi - x);
    if (d < dist) {
      dist = d;
      best = i;
    }
  });
  return best;
}
