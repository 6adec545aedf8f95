/**
 * Every year range the app writes ("2020–2022", in Chinese followed by 年 by its caller) comes
 * from here, so the campaign menu, the cards, the totals and the summaries never mix dashes.
 *
 * Both languages use the en dash "–". English style wants it for number ranges. In Chinese
 * GB/T 15834 allows "—" or "～" too, but on screen "—" is this app's mark for a missing value
 * (MISSING in format.ts, "—（保密）"), so "2017—2019年合计" could be misread; most of the UI
 * (the campaign menu, the card trend, the total column, validity years) already used "–".
 * File names are not ranges in words: they keep an ASCII hyphen (export-chart.ts).
 */
import type { Lang } from './i18n';

const DASH: Record<Lang, string> = { zh: '–', en: '–' };

/** "2017–2019", or "2019" when the range is one year. */
export function yearRange(start: number, end: number, lang: Lang): string {
  return start === end ? String(start) : `${start}${DASH[lang]}${end}`;
}
