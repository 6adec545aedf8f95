/**
 * The order of a one-year league (红黑榜), as plain data: best first by the indicator's `better`,
 * ties sharing a place (1, 1, 3), the top and bottom few marked, and the regions that cannot be
 * placed — suppressed small counts, then missing values — after the ranked ones, unranked.
 * A suppressed value is never compared: its place would say more than "<N".
 */
import type { Better } from '@/lib/change';

export interface LeagueInput {
  id: string;
  /** null when missing or suppressed. */
  value: number | null;
  suppressedBelow: number | null;
}

/** 'none': no lists at all (a neutral indicator, or too few places). */
export type LeagueBand = 'top' | 'bottom' | 'middle' | 'none';

export type LeagueEntry<T extends LeagueInput> =
  | { status: 'ranked'; item: T; value: number; rank: number; band: LeagueBand }
  | { status: 'suppressed'; item: T; below: number }
  | { status: 'missing'; item: T };

/** How many places make the top and the bottom list: about a quarter, 1 to 5, none under 3. */
export function bandSize(ranked: number): number {
  if (ranked < 3) return 0;
  return Math.min(5, Math.max(1, Math.round(ranked / 4)));
}

/**
 * Sorted league. Equal values share the better place and the next place skips ("1, 1, 3");
 * within a tie the input order is kept. Neutral indicators run largest first with no bands.
 */
export function leagueOrder<T extends LeagueInput>(
  items: readonly T[],
  better: Better,
): LeagueEntry<T>[] {
  const valued = items
    .map((item, i) => ({ item, i, value: item.value }))
    .filter(
      (x): x is { item: T; i: number; value: number } =>
        x.item.suppressedBelow == null && x.value !== null && Number.isFinite(x.value),
    );
  const sign = better === 'lower' ? 1 : -1;
  valued.sort((a, b) => sign * (a.value - b.value) || a.i - b.i);
  const n = valued.length;
  const k = better === 'neutral' ? 0 : bandSize(n);
  const rankOf = (v: number) => 1 + valued.filter((x) => sign * (x.value - v) < 0).length;
  const fromBottom = (v: number) => 1 + valued.filter((x) => sign * (x.value - v) > 0).length;
  const allSame = n > 0 && valued.every((x) => x.value === valued[0]?.value);
  const ranked: LeagueEntry<T>[] = valued.map(({ item, value }) => {
    const rank = rankOf(value);
    let band: LeagueBand = k === 0 ? 'none' : 'middle';
    if (k > 0 && !allSame) {
      if (rank <= k) band = 'top';
      else if (fromBottom(value) <= k) band = 'bottom';
    }
    return { status: 'ranked', item, value, rank, band };
  });
  const suppressed: LeagueEntry<T>[] = items.flatMap((item) =>
    item.suppressedBelow != null
      ? [{ status: 'suppressed' as const, item, below: item.suppressedBelow }]
      : [],
  );
  const missing: LeagueEntry<T>[] = items.flatMap((item) =>
    item.suppressedBelow == null && (item.value === null || !Number.isFinite(item.value))
      ? [{ status: 'missing' as const, item }]
      : [],
  );
  return [...ranked, ...suppressed, ...missing];
}
