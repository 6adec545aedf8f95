/**
 * Contract 1.1 validity years: a region (a merged, split or renamed township) exists from
 * `validFrom` up to `validTo`. Outside them it is not offered, and a link naming it for such a
 * year is told so rather than showing an empty panel.
 */
import type { Region } from '@contract/types';
import type { Lang } from '@/lib/i18n';
import { translator } from '@/lib/i18n';
import { yearRange } from './year-range';

export function validIn(region: Region, year: number): boolean {
  return (
    (region.validFrom == null || year >= region.validFrom) &&
    (region.validTo == null || year <= region.validTo)
  );
}

/** "2018年起设立", "2017年后撤并", "2016–2017年存在"; empty for a region without limits. */
export function validitySpan(region: Region, lang: Lang): string {
  const t = translator(lang);
  const from = region.validFrom ?? null;
  const to = region.validTo ?? null;
  if (from !== null && to !== null)
    return t('validity.between', { years: yearRange(from, to, lang) });
  if (from !== null) return t('validity.from', { from });
  if (to !== null) return t('validity.to', { to });
  return '';
}
