/**
 * Where everything of a horizontal bar chart (a league) goes, for a given width and, in a file,
 * a given height: one row per region, best first, with its place, name, bar, target mark and
 * the value, change and target words after the bar. The screen and the exported file draw this
 * one layout (bar-layer.tsx). Narrow widths (a phone) put the name above its bar.
 */
import { niceTicks } from './scale';
import type { Ticks } from './scale';
import { clean, ellipsize, textWidth, titleLines } from './text-metrics';

/** Which list a bar is on: the top, the bottom, in between, or no lists at all. */
export type BarTone = 'top' | 'bottom' | 'middle' | 'none';
export type ChangeTone = 'better' | 'worse' | 'plain';

export interface BarRowInput {
  id: string;
  name: string;
  /** The place as text ("1"); empty for a region that is not ranked. */
  rank: string;
  /** The bar's length; null draws no bar (missing or suppressed). */
  value: number | null;
  /** What the row says for its value: "5人", "<5", "无数据". */
  valueText: string;
  /** "▼ 50.0% 向好"; empty when there is nothing to compare. */
  changeText: string;
  changeTone: ChangeTone;
  /** Where the target mark goes; null for none. */
  target: number | null;
  /** "达标" / "未达标"; empty without a target. */
  targetText: string;
  tone: BarTone;
  selected: boolean;
}

/** What a league draws, independent of where: the part of a ChartSpec the bars need. */
export interface BarPlotInput {
  rows: BarRowInput[];
  /** Axis title with its unit. */
  axisLabel: string;
  formatTick: (v: number) => string;
  /** Counted things shown without decimals: ticks step by one at least. */
  wholeNumbers: boolean;
  /** Legend words; null leaves the item out. */
  key: { top: string | null; bottom: string | null; target: string | null };
}

export interface Placed {
  text: string;
  x: number;
  y: number;
}

export interface BarRowLayout {
  id: string;
  selected: boolean;
  tone: BarTone;
  /** The row's band (the selected row is shaded). */
  top: number;
  pitch: number;
  rank: Placed | null;
  name: Placed;
  bar: { x: number; y: number; w: number; h: number } | null;
  target: { x: number; y1: number; y2: number } | null;
  value: Placed & { muted: boolean };
  change: (Placed & { tone: ChangeTone; anchor: 'start' | 'end' }) | null;
  met: (Placed & { anchor: 'start' | 'end' }) | null;
}

export interface KeyItem extends Placed {
  kind: 'top' | 'bottom' | 'target';
}

export interface BarLayout {
  width: number;
  height: number;
  narrow: boolean;
  /** The bar area: x from the axis' low to high end, y over the rows. */
  plot: { left: number; right: number; top: number; bottom: number };
  ticks: Ticks;
  xTicks: { value: number; x: number; label: string }[];
  zeroX: number;
  /** Centred under the axis: one line, or two when one would be cut. */
  axisTitle: Placed[];
  key: KeyItem[];
  rows: BarRowLayout[];
  empty: boolean;
}

export const BAR_FONT = { name: 12, note: 11, tick: 11, key: 11, title: 12 } as const;
/** Below this width a row's name goes above its bar. */
export const NARROW = 520;
const PITCH = { wide: 28, narrow: 46, stacked: 62 } as const;
const MIN_PITCH = { wide: 13, narrow: 30, stacked: 44 } as const;
const KEY_ROW = 18;
const AXIS_H = 40;
const GAP = 8;
/** A second axis-title line's distance below the first (a 12px font). */
const TITLE_LINE = 15;

const r2 = (x: number) => Math.round(x * 100) / 100;

function keyItems(input: BarPlotInput, width: number): { items: KeyItem[]; height: number } {
  const words = [
    ['top', input.key.top],
    ['bottom', input.key.bottom],
    ['target', input.key.target],
  ] as const;
  const items: KeyItem[] = [];
  let x = 4;
  let row = 0;
  for (const [kind, text] of words) {
    if (!text) continue;
    const label = clean(text);
    const w = 16 + textWidth(label, BAR_FONT.key) + 14;
    if (x > 4 && x + w > width - 4) {
      row += 1;
      x = 4;
    }
    items.push({ kind, text: label, x: r2(x), y: row * KEY_ROW + 12 });
    x += w;
  }
  return { items, height: items.length > 0 ? (row + 1) * KEY_ROW + 4 : 0 };
}

const noteWidth = (r: BarRowInput) =>
  (r.changeText ? textWidth(clean(r.changeText), BAR_FONT.note) + 10 : 0) +
  (r.targetText ? textWidth(clean(r.targetText), BAR_FONT.note) + 10 : 0);

/** The bar chart's layout. Without `fitHeight` the rows take their natural height. */
export function layoutBars(input: BarPlotInput, width: number, fitHeight?: number): BarLayout {
  const narrow = width < NARROW;
  const rows = input.rows;
  const values = rows.flatMap((r) =>
    [r.value, r.target].filter((v): v is number => v !== null && Number.isFinite(v)),
  );
  // Bars measure from zero, whatever the unit: a bar cut short of zero misstates its value.
  const lo = Math.min(0, ...values);
  const top0 = Math.max(0, ...values);
  // All zero (or nothing): an axis of one unit, not of nothing.
  const hi = top0 > lo ? top0 : lo + 1;
  // Whole numbers never get a step below one (ticks 0, 0.2, 0.4 would all read "0").
  const ticks = niceTicks(lo, hi, input.wholeNumbers ? Math.min(5, Math.ceil(hi - lo)) : 5);
  const key = keyItems(input, width);
  const top = key.height + 4;
  // A title too long for one line takes a second under it, and the rows give up its room.
  const title = titleLines(input.axisLabel, BAR_FONT.title, width - 2 * GAP);
  const axisH = AXIS_H + Math.max(0, title.length - 1) * TITLE_LINE;
  const rankW = Math.max(0, ...rows.map((r) => (r.rank ? textWidth(r.rank, BAR_FONT.name) : 0)));
  const nameX = 4 + (rankW > 0 ? rankW + 6 : 0);
  // On a phone the change and target words share the name's line when every row has room,
  // and go under the bar otherwise: a name is never cut to make room for them.
  const stacked =
    narrow &&
    rows.some(
      (r) =>
        nameX + textWidth(clean(r.name), BAR_FONT.name, r.selected) + 10 + noteWidth(r) > width - 4,
    );
  const mode = narrow ? (stacked ? 'stacked' : 'narrow') : 'wide';
  const natural = PITCH[mode];
  const n = Math.max(1, rows.length);
  const pitch =
    fitHeight === undefined
      ? natural
      : Math.max(MIN_PITCH[mode], Math.min(natural, (fitHeight - top - axisH) / n));
  const bottom = top + n * pitch;
  const height = fitHeight ?? Math.ceil(bottom + axisH);

  const valueW = (r: BarRowInput) => textWidth(clean(r.valueText), BAR_FONT.name, r.selected) + 6;
  let left: number;
  let right: number;
  if (narrow) {
    left = nameX;
    right = width - 6 - Math.max(20, ...rows.map(valueW));
  } else {
    const nameW = Math.min(
      width * 0.26,
      180,
      Math.max(20, ...rows.map((r) => textWidth(clean(r.name), BAR_FONT.name, r.selected))),
    );
    left = nameX + nameW + 12;
    const noteW = Math.min(width * 0.42, Math.max(0, ...rows.map((r) => valueW(r) + noteWidth(r))));
    right = width - 8 - noteW;
  }
  right = Math.max(left + 40, right);
  const span = ticks.hi - ticks.lo || 1;
  const xOf = (v: number) => left + ((v - ticks.lo) / span) * (right - left);
  const zeroX = r2(xOf(0));

  const laid = rows.map((r, i): BarRowLayout => {
    const y0 = top + i * pitch;
    const barH = narrow
      ? Math.min(14, pitch - (stacked ? 34 : 18))
      : Math.max(6, Math.round(pitch * 0.58));
    const barY = stacked ? y0 + 20 : narrow ? y0 + pitch - barH - 6 : y0 + (pitch - barH) / 2;
    const textY = narrow ? barY + barH / 2 + 4 : y0 + pitch / 2 + 4;
    const labelY = narrow ? barY - 5 : textY;
    const bar =
      r.value !== null && Number.isFinite(r.value)
        ? (() => {
            const a = xOf(Math.min(0, r.value));
            const b = xOf(Math.max(0, r.value));
            return {
              x: r2(a),
              y: r2(barY),
              w: r2(Math.max(r.value === 0 ? 0 : 1, b - a)),
              h: barH,
            };
          })()
        : null;
    const targetX = r.target !== null && Number.isFinite(r.target) ? r2(xOf(r.target)) : null;
    const target =
      targetX === null ? null : { x: targetX, y1: r2(barY - 3), y2: r2(barY + barH + 3) };
    const after = Math.max(zeroX, bar ? bar.x + bar.w : zeroX, targetX ?? zeroX) + 5;
    const value = { text: clean(r.valueText), x: r2(after), y: r2(textY), muted: bar === null };
    let change: BarRowLayout['change'] = null;
    let met: BarRowLayout['met'] = null;
    if (stacked) {
      // Words under the bar, from the name's left edge.
      const wordsY = r2(barY + barH + 14);
      let x = nameX;
      if (r.changeText) {
        change = {
          text: clean(r.changeText),
          x: r2(x),
          y: wordsY,
          anchor: 'start',
          tone: r.changeTone,
        };
        x += textWidth(change.text, BAR_FONT.note) + 10;
      }
      if (r.targetText) met = { text: clean(r.targetText), x: r2(x), y: wordsY, anchor: 'start' };
    } else if (narrow) {
      // Words on the name's line, from the right edge: the target word last.
      let x = width - 4;
      if (r.targetText) {
        met = { text: clean(r.targetText), x: r2(x), y: r2(labelY), anchor: 'end' };
        x -= textWidth(met.text, BAR_FONT.note) + 8;
      }
      if (r.changeText)
        change = {
          text: clean(r.changeText),
          x: r2(x),
          y: r2(labelY),
          anchor: 'end',
          tone: r.changeTone,
        };
    } else {
      let x = after + textWidth(value.text, BAR_FONT.name, r.selected) + 10;
      if (r.changeText) {
        change = {
          text: clean(r.changeText),
          x: r2(x),
          y: r2(textY),
          anchor: 'start',
          tone: r.changeTone,
        };
        x += textWidth(change.text, BAR_FONT.note) + 10;
      }
      if (r.targetText)
        met = { text: clean(r.targetText), x: r2(x), y: r2(textY), anchor: 'start' };
    }
    const wordsW = narrow && !stacked ? noteWidth(r) : 0;
    const nameRoom = narrow ? width - nameX - 8 - wordsW : left - 6 - nameX;
    return {
      id: r.id,
      selected: r.selected,
      tone: r.tone,
      top: r2(y0),
      pitch: r2(pitch),
      rank: r.rank ? { text: r.rank, x: r2(nameX - 6), y: r2(labelY) } : null,
      name: {
        text: ellipsize(clean(r.name), BAR_FONT.name, Math.max(24, nameRoom), r.selected),
        x: r2(nameX),
        y: r2(labelY),
      },
      bar,
      target,
      value,
      change,
      met,
    };
  });

  const titleW = Math.max(0, ...title.map((l) => textWidth(l, BAR_FONT.title)));
  return {
    width,
    height,
    narrow,
    plot: { left: r2(left), right: r2(right), top, bottom: r2(bottom) },
    ticks,
    xTicks: ticks.ticks.map((v) => ({
      value: v,
      x: r2(xOf(v)),
      label: clean(input.formatTick(v)),
    })),
    zeroX,
    axisTitle: title.map((text, i) => ({
      text,
      // Under the bars, but never past either edge.
      x: r2(Math.min(width - GAP - titleW / 2, Math.max(GAP + titleW / 2, (left + right) / 2))),
      y: r2(bottom + 34 + i * TITLE_LINE),
    })),
    key: key.items,
    rows: laid,
    // Rows without a value say so themselves; only a league with no rows at all is empty.
    empty: rows.length === 0,
  };
}
