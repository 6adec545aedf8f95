import type { Better } from '@/lib/change';

export interface PeerRank {
  /** 1 is the best. Ties share a rank and skip the following ones (1, 1, 3), as the contract's assessments do. */
  rank: number;
  /** How many peers have a value that year. */
  of: number;
  tied: boolean;
}

/**
 * Ranks regions by value for one indicator and year, best first: the lowest value is first
 * where lower is better. Regions without a value (missing, withheld, suppressed) are not
 * ranked and do not count in `of`. A `neutral` indicator has no better end, so no ranks.
 */
export function peerRanks(
  values: ReadonlyMap<string, number | null | undefined>,
  better: Better,
): Map<string, PeerRank> {
  const out = new Map<string, PeerRank>();
  if (better === 'neutral') return out;
  const ranked = [...values]
    .filter((e): e is [string, number] => typeof e[1] === 'number' && Number.isFinite(e[1]))
    .sort((a, b) => (better === 'lower' ? a[1] - b[1] : b[1] - a[1]));
  const of = ranked.length;
  ranked.forEach(([id, value], i) => {
    let first = i;
    while (first > 0 && ranked[first - 1]?.[1] === value) first--;
    const tied = ranked[first + 1]?.[1] === value || first !== i;
    out.set(id, { rank: first + 1, of, tied });
  });
  return out;
}
