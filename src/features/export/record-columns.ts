import type { Lang } from '@/lib/i18n';
import { translator } from '@/lib/i18n';

/** Headers of an exported record row (CSV and Excel); the value header names a shared unit. */
export function recordHeaders(lang: Lang, unit = ''): string[] {
  const t = translator(lang);
  return [
    t('export.columns.indicator'),
    t('export.columns.unit'),
    t('export.columns.region'),
    t('export.columns.year'),
    unit ? t('export.columns.valueIn', { unit }) : t('export.columns.value'),
    t('export.columns.provisional'),
    t('export.columns.note'),
  ];
}
