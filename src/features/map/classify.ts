/**
 * The map's classes: at most five equal-count (quantile) classes of the values shown, each
 * threshold snapped up to a value that occurs, so no class is ever empty and fewer distinct
 * values give fewer classes. Colours are fixed ColorBrewer schemes (colour-blind safe, readable
 * in greyscale print), turned so that the darker end is always the one that needs attention.
 */
import { ascending, bisectLeft, bisectRight, quantileSorted } from 'd3-array';
import type { Better } from '@/lib/change';

/** ColorBrewer OrRd-5, light to dark: the darker, the more alarming. */
export const ALARM_SCHEME = ['#fef0d9', '#fdcc8a', '#fc8d59', '#e34a33', '#b30000'] as const;
/** ColorBrewer Blues-5, light to dark: for neutral indicators (no better or worse). */
export const NEUTRAL_SCHEME = ['#eff3ff', '#bdd7e7', '#6baed6', '#3182bd', '#08519c'] as const;
export const MAX_CLASSES = 5;

export interface MapClass {
  /** Smallest and largest value that falls in the class (both occur in the data). */
  min: number;
  max: number;
  colour: string;
}

export interface Classing {
  classes: MapClass[];
  /** Lower bounds of classes 2…n: class of v = number of thresholds ≤ v. */
  thresholds: number[];
}

/** Thresholds of up to `k` quantile classes, each a value of the data above its minimum. */
export function quantileThresholds(values: readonly number[], k = MAX_CLASSES): number[] {
  const sorted = values.filter(Number.isFinite).sort(ascending);
  const min = sorted[0];
  if (min === undefined) return [];
  const out: number[] = [];
  for (let i = 1; i < k; i++) {
    const q = quantileSorted(sorted, i / k) ?? min;
    const snapped = sorted[bisectLeft(sorted, q)];
    if (snapped !== undefined && snapped > min && !out.includes(snapped)) out.push(snapped);
  }
  return out;
}

/**
 * The colours of `n` classes taken across the five, light to dark along the scheme, and the
 * scheme turned where higher is better (low values are then the alarming, dark ones).
 */
export function classColours(n: number, better: Better): string[] {
  const scheme = better === 'neutral' ? NEUTRAL_SCHEME : ALARM_SCHEME;
  const picks = n <= 1 ? [2] : Array.from({ length: n }, (_, j) => Math.round((j * 4) / (n - 1)));
  const colours = picks.map((i) => scheme[i] ?? scheme[2]);
  return better === 'higher' ? colours.reverse() : colours;
}

export function classify(values: readonly number[], better: Better, k = MAX_CLASSES): Classing {
  const sorted = values.filter(Number.isFinite).sort(ascending);
  if (sorted.length === 0) return { classes: [], thresholds: [] };
  const thresholds = quantileThresholds(sorted, k);
  const colours = classColours(thresholds.length + 1, better);
  const classes = colours.map((colour, i) => {
    const lo = i === 0 ? (sorted[0] ?? 0) : (thresholds[i - 1] ?? 0);
    const next = thresholds[i];
    // The largest value below the next threshold.
    const max =
      next === undefined
        ? (sorted[sorted.length - 1] ?? lo)
        : (sorted[bisectLeft(sorted, next) - 1] ?? lo);
    return { min: lo, max, colour };
  });
  return { classes, thresholds };
}

/** The class index (0 = lowest values) of a value. */
export function classOf(classing: Classing, value: number): number {
  return bisectRight(classing.thresholds, value);
}
