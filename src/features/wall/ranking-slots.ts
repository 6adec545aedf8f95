/**
 * Which ranking rows the wall shows when not all fit: the first and the last (红榜 and 黑榜 stay
 * in sight), the region on show, and one "N more" row for each run left out between them.
 */
export type RankSlot = { kind: 'row'; index: number } | { kind: 'gap'; count: number };

function build(n: number, head: number, tail: number, current: number | null): RankSlot[] {
  const keep = (i: number) => i < head || i >= n - tail || i === current;
  const out: RankSlot[] = [];
  let run = 0;
  for (let i = 0; i < n; i += 1) {
    if (!keep(i)) {
      run += 1;
      continue;
    }
    if (run > 0) out.push({ kind: 'gap', count: run });
    run = 0;
    out.push({ kind: 'row', index: i });
  }
  if (run > 0) out.push({ kind: 'gap', count: run });
  return out;
}

/** `n` rows in `slots` lines (a gap row takes a line too); `current` the region on show. */
export function rankingSlots(n: number, slots: number, current: number | null): RankSlot[] {
  if (slots >= n) return build(n, n, 0, null);
  const room = Math.max(0, slots - 1);
  const plain = build(n, Math.ceil(room / 2), Math.floor(room / 2), null);
  if (current === null || plain.some((s) => s.kind === 'row' && s.index === current)) return plain;
  const around = Math.max(0, slots - 3);
  return build(n, Math.ceil(around / 2), Math.floor(around / 2), current);
}
