import type { Lang } from '@/lib/i18n';
import { translator } from '@/lib/i18n';

/**
 * Headers of an exported record row (CSV and Excel); the value header names a shared unit.
 * `withStatus`: a "数据状态" column after the value, saying why it is empty (contract 1.1
 * status); only files whose records carry one get it, so 1.0 data exports as before.
 */
export function recordHeaders(lang: Lang, unit = '', withStatus = false): string[] {
  const t = translator(lang);
  return [
    t('export.columns.indicator'),
    t('export.columns.unit'),
    t('export.columns.region'),
    t('export.columns.year'),
    unit ? t('export.columns.valueIn', { unit }) : t('export.columns.value'),
    ...(withStatus ? [t('gap.column')] : []),
    t('export.columns.provisional'),
    t('export.columns.note'),
  ];
}

/** Whether any record says why its value is empty. */
export function hasStatus(records: readonly { status?: string }[]): boolean {
  return records.some((r) => (r.status ?? '') !== '');
}
