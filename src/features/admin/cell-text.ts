import { formatNumber, MISSING } from '@/lib/format';
import type { Lang, T } from '@/lib/i18n';
import { gapCell } from '@/lib/missing';
import type { CellValue } from './api/schemas';

const STATUSES = ['withheld', 'missing', 'not-applicable'] as const;
type Status = (typeof STATUSES)[number];
const isStatus = (s: string): s is Status => (STATUSES as readonly string[]).includes(s);

/**
 * One side of a changed cell as the reader would see it: the figure (every decimal the file
 * had, so 1.20 → 1.25 does not read as no change), or the dashboard's word for why there is
 * none ("—（保密）"), with "provisional" marked. A cell that did not exist is "(none)".
 */
export function cellText(cell: CellValue | null, lang: Lang, t: T): string {
  if (cell === null) return t('diff.empty');
  let text: string;
  if (cell.value !== null && Number.isFinite(cell.value))
    text = formatNumber(cell.value, 0, lang, 6);
  else if (cell.status && isStatus(cell.status)) text = gapCell({ kind: cell.status }, lang);
  else text = cell.status ? `${MISSING} (${cell.status})` : MISSING;
  if (cell.provisional)
    text += lang === 'zh' ? `（${t('diff.provisional')}）` : ` (${t('diff.provisional')})`;
  return text;
}

/** Bytes in words: "312 KB", "4.2 MB". */
export function sizeText(bytes: number, lang: Lang): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${formatNumber(bytes / 1024, 0, lang)} KB`;
  return `${formatNumber(bytes / (1024 * 1024), 0, lang, 1)} MB`;
}

/** A timestamp in the reader's time zone: "2026-12-03 10:15". */
export function timeText(iso: string, lang: Lang): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return date.toLocaleString(lang === 'zh' ? 'zh-CN' : 'en-GB', {
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
  });
}
