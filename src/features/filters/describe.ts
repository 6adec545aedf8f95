import type { Lang, Meta } from '@/features/data/types';
import { translator } from '@/lib/i18n';
import type { Selection } from './use-filters';

/** The active filters in words, for chart subtitles and exported files. */
export function describeFilters(
  meta: Meta,
  s: Selection,
  lang: Lang,
  years?: readonly number[],
): string {
  const parts: string[] = [];
  const region =
    s.towns.length > 0
      ? s.towns.map((r) => r.name[lang]).join(lang === 'zh' ? '、' : ', ')
      : (s.district ?? s.top)?.name[lang];
  if (region) parts.push(region);
  const ys = years ?? meta.years;
  if (ys.length > 0) parts.push(`${ys[0] ?? ''}–${ys[ys.length - 1] ?? ''}`);
  if (s.campaign) {
    parts.push(
      translator(lang)('filters.campaignBaseline', {
        campaign: s.campaign.name[lang],
        year: s.campaign.baselineYear,
      }),
    );
  }
  return parts.join(' · ');
}
