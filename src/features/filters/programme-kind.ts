/**
 * The "八严" strands (严打、严堵、严查、严收、严管、严教、严防、严整…) and the named operations
 * (秋冬攻势、春雷行动…) are both programmes in the contract, which has no field to tell them
 * apart (see docs/contract-notes.md). The rule, documented for data keepers: a programme whose
 * Chinese name starts with 严 is a strand; any other is an operation. Without a Chinese name,
 * an English name starting with "Strict" is a strand. Meta's order is kept within each group.
 */
import type { Localized, Programme } from '@contract/types';

export type ProgrammeKind = 'strand' | 'operation';

export const PROGRAMME_GROUPS: Record<ProgrammeKind, Localized> = {
  strand: { zh: '八严工作', en: 'The “eight strict” strands' },
  operation: { zh: '专项行动', en: 'Named operations' },
};

export function programmeKind(p: Programme): ProgrammeKind {
  const zh = p.name.zh.trim();
  if (zh) return zh.startsWith('严') ? 'strand' : 'operation';
  return /^strict\b/i.test(p.name.en.trim()) ? 'strand' : 'operation';
}

/** Strands first, then operations, each in meta's order, with the group each belongs to. */
export function groupedProgrammes(
  list: readonly Programme[],
): { programme: Programme; group: Localized }[] {
  const kinds: ProgrammeKind[] = ['strand', 'operation'];
  return kinds.flatMap((kind) =>
    list
      .filter((p) => programmeKind(p) === kind)
      .map((programme) => ({ programme, group: PROGRAMME_GROUPS[kind] })),
  );
}
