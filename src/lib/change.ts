/**
 * Change maths shared by cards, tables, summaries and tests.
 *
 * Rates (percent, permille) change in points ("下降3个千分点"); everything else changes
 * relatively ("下降93.4%"). That is how the campaign reports state their results, and it
 * avoids the misleading "percent of a percent".
 */
export type Unit = 'count' | 'percent' | 'permille' | 'cny' | 'kg' | 'score';
export type Better = 'lower' | 'higher' | 'neutral';
export type ChangeKind = 'relative' | 'points';
export type Direction = 'up' | 'down' | 'flat';
export type Verdict = 'better' | 'worse' | 'same' | 'neutral';

export interface Change {
  kind: ChangeKind;
  /** Relative change in percent, or difference in the unit's points. Signed. */
  amount: number;
  direction: Direction;
  verdict: Verdict;
  from: number;
  to: number;
}

export function changeKindFor(unit: Unit): ChangeKind {
  return unit === 'percent' || unit === 'permille' ? 'points' : 'relative';
}

export function verdictFor(direction: Direction, better: Better): Verdict {
  if (direction === 'flat') return 'same';
  if (better === 'neutral') return 'neutral';
  const improved = better === 'lower' ? direction === 'down' : direction === 'up';
  return improved ? 'better' : 'worse';
}

/**
 * Change from `from` to `to`. Returns null when either value is missing, or when a relative
 * change is undefined (from a zero base to a non-zero value).
 */
export function computeChange(
  from: number | null | undefined,
  to: number | null | undefined,
  unit: Unit,
  better: Better,
): Change | null {
  if (from == null || to == null || !Number.isFinite(from) || !Number.isFinite(to)) return null;
  const kind = changeKindFor(unit);
  const direction: Direction = to > from ? 'up' : to < from ? 'down' : 'flat';
  let amount: number;
  if (kind === 'points') {
    amount = to - from;
  } else if (from === 0) {
    if (to !== 0) return null;
    amount = 0;
  } else {
    amount = ((to - from) / Math.abs(from)) * 100;
  }
  return { kind, amount, direction, verdict: verdictFor(direction, better), from, to };
}
