/**
 * The value axis, decided once for the screen and every file: 1-2-5 steps, counts and
 * amounts from zero, rates free to start elsewhere, ranks 1 … `of` with 1 at the top.
 */

export interface Ticks {
  lo: number;
  hi: number;
  ticks: number[];
}

/** The smallest 1, 2 or 5 × 10ⁿ at least `raw`. */
export function niceStep(raw: number): number {
  if (!(raw > 0) || !Number.isFinite(raw)) return 1;
  const p = 10 ** Math.floor(Math.log10(raw));
  const f = raw / p;
  return (f <= 1 + 1e-9 ? 1 : f <= 2 + 1e-9 ? 2 : f <= 5 + 1e-9 ? 5 : 10) * p;
}

const tidy = (x: number) => parseFloat(x.toPrecision(12));

/** 1-2-5 steps covering [min, max] with about `target` intervals. */
export function niceTicks(min: number, max: number, target: number): Ticks {
  let a = min;
  let b = max;
  if (a === b) {
    const d = a === 0 ? 1 : Math.abs(a) * 0.1;
    a = a === 0 ? 0 : a - d;
    b += d;
  }
  const step = niceStep((b - a) / Math.max(1, target));
  const lo = tidy(Math.floor(a / step + 1e-9) * step);
  const hi = tidy(Math.ceil(b / step - 1e-9) * step);
  const ticks: number[] = [];
  for (let i = 0; lo + i * step <= hi + step * 1e-6; i++) ticks.push(tidy(lo + i * step));
  return { lo, hi, ticks };
}

/**
 * Ranks 1 … `of`: whole numbers, the axis ending exactly at the last place, 1 and `of` always
 * labelled (a round tick too close to `of` gives way to it).
 */
export function rankTicks(of: number, target: number): Ticks {
  const max = Math.max(2, Math.ceil(of));
  const step = Math.max(1, niceStep((max - 1) / Math.max(1, target)));
  const ticks = [1];
  for (let v = step <= 2 ? 1 + step : step; v < max; v += step) ticks.push(v);
  const last = ticks[ticks.length - 1] ?? 1;
  if (ticks.length > 1 && max - last < step / 2) ticks.pop();
  ticks.push(max);
  return { lo: 1, hi: max, ticks };
}

export type AxisKind = 'amount' | 'rate' | 'rank';

/** Percentages, per-mille shares and scores are rates; everything else is counted or summed. */
export function axisKindOf(unit: string | null | undefined, reversed: boolean): AxisKind {
  if (reversed) return 'rank';
  return unit === 'percent' || unit === 'permille' || unit === 'score' ? 'rate' : 'amount';
}

/**
 * Counts and amounts start at zero so that change is not exaggerated; rates crowded far from
 * zero keep a tight axis, or their lines would be flattened.
 */
export function valueTicks(
  kind: AxisKind,
  values: readonly number[],
  target: number,
  rankOf: number | null = null,
): Ticks {
  if (kind === 'rank') return rankTicks(Math.max(rankOf ?? 0, ...values, 2), target);
  if (values.length === 0) return niceTicks(0, 1, target);
  const min = Math.min(...values);
  const max = Math.max(...values);
  const zero = min >= 0 && (kind === 'amount' || min <= 0.6 * max);
  return niceTicks(zero ? 0 : min, max, target);
}
