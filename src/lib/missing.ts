/**
 * Kinds of "no figure", kept apart everywhere a cell is written (cards, tables, tooltips, files):
 *
 * - `suppressed`: a small township count hidden by `suppressBelow`, shown as "<N";
 * - `withheld`, `missing`, `not-applicable`: the server said why the value is null (contract
 *   1.1 `status`), shown as "—" with a word that says which (保密 / 未报送 / 不适用);
 * - `absent`: no value and no reason (a 1.0 server, or no record at all), shown as today: "—"
 *   in tables, "暂无数据" on a card.
 */
import type { Observation } from '@contract/types';
import { formatValueText, MISSING } from './format';
import type { UnitSpec } from './format';
import { translator } from './i18n';
import type { Lang } from './i18n';

export type StatusKind = 'withheld' | 'missing' | 'not-applicable';
export type Gap = { kind: 'suppressed'; below: number } | { kind: StatusKind | 'absent' };

type Cell = Pick<Observation, 'value'> & Partial<Pick<Observation, 'status' | 'suppressedBelow'>>;

/** Why a cell has no figure; null when it has one. */
export function gapOf(o: Cell | undefined): Gap | null {
  if (o?.suppressedBelow != null) return { kind: 'suppressed', below: o.suppressedBelow };
  if (o && o.value !== null && Number.isFinite(o.value)) return null;
  const status = o?.status;
  return { kind: status ?? 'absent' };
}

const WORD_KEYS = {
  withheld: 'gap.withheld',
  missing: 'gap.missing',
  'not-applicable': 'gap.notApplicable',
  absent: 'gap.absent',
} as const;

/** The word for a gap: "<5", "保密", "未报送", "不适用", "暂无数据". */
export function gapWord(gap: Gap, lang: Lang): string {
  if (gap.kind === 'suppressed') return `<${gap.below}`;
  return translator(lang)(WORD_KEYS[gap.kind]);
}

/** "—（保密）" in Chinese, "— (withheld)" in English. */
export function withMarker(text: string, marker: string, lang: Lang): string {
  return lang === 'zh' ? `${text}（${marker}）` : `${text} (${marker})`;
}

/** A table cell or tooltip for a gap: "<5", "—（保密）", or a bare "—" when nothing says why. */
export function gapCell(gap: Gap, lang: Lang): string {
  if (gap.kind === 'suppressed') return `<${gap.below}`;
  if (gap.kind === 'absent') return MISSING;
  return withMarker(MISSING, gapWord(gap, lang), lang);
}

/** One cell of a table: the value with its unit, else the gap. */
export function cellValueText(o: Cell | undefined, spec: UnitSpec, lang: Lang): string {
  const gap = gapOf(o);
  return gap ? gapCell(gap, lang) : formatValueText(o?.value, spec, lang);
}

/** The status word for files' status column: empty unless the server gave a reason. */
export function statusWord(o: Cell | undefined, lang: Lang): string {
  const gap = gapOf(o);
  return gap && gap.kind !== 'suppressed' && gap.kind !== 'absent' ? gapWord(gap, lang) : '';
}

const NOTE_KEYS = {
  withheld: 'gap.withheldNote',
  missing: 'gap.missingNote',
  'not-applicable': 'gap.notApplicableNote',
} as const;

/** Footnotes explaining each status marker present among `cells`, in a fixed order. */
export function statusNotes(cells: Iterable<Cell | undefined>, lang: Lang): string[] {
  const kinds = new Set<StatusKind>();
  for (const o of cells) {
    const gap = gapOf(o);
    if (gap && gap.kind !== 'suppressed' && gap.kind !== 'absent') kinds.add(gap.kind);
  }
  const t = translator(lang);
  return (['withheld', 'missing', 'not-applicable'] as const)
    .filter((k) => kinds.has(k))
    .map((k) => t(NOTE_KEYS[k]));
}
