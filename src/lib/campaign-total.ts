/**
 * A campaign's total for one indicator and region, shown next to the yearly figure. The rules,
 * decided here once for cards, the completion table, files and summaries:
 *
 * - Only `flow` indicators are summed (new users, cases, kg, yuan). `cumulative` indicators are
 *   running totals already: the total is the value of the last campaign year shown. `rate`,
 *   `stock` and an absent aggregation (unknown, every 1.0 server) never get a total.
 * - The years are the campaign's, from its start up to the year shown (the whole campaign when
 *   the year shown is after it): a running campaign's total is "so far" and its label names the
 *   years it covers. Before the campaign starts there is no total; nor for a flow whose only
 *   year is the year shown (the total would repeat the figure).
 * - Every year must have a value. A year that is missing, withheld, not applicable, absent or
 *   suppressed ("<N") leaves no total, and the years and reasons are said instead: a partial sum
 *   would read as the total, and a total with a withheld or suppressed year would reveal it
 *   (total minus the years shown, the contract's suppressBelow rule). A cumulative figure whose
 *   last year is suppressed is shown as that year is: "<N".
 * - Any provisional year makes the total provisional. A campaign spanning over a century is
 *   broken data and gets no total.
 * - The total is written with the indicator's unit and decimals (and 万元) like any value.
 */
import type { Aggregation, Campaign, Observation } from '@contract/types';
import { formatValueText } from './format';
import type { UnitSpec } from './format';
import { translator } from './i18n';
import type { Lang } from './i18n';
import { gapOf, gapWord } from './missing';
import type { Gap } from './missing';
import { yearRange } from './year-range';

export interface TotalInput {
  aggregation: Aggregation | null | undefined;
  campaign: Campaign | null;
  /** The year shown next to the total. */
  year: number;
  /** The region's observation of this indicator in a year. */
  at: (year: number) => Observation | undefined;
}

interface Span {
  /** 'sum' for flows, 'latest' for cumulative figures. */
  rule: 'sum' | 'latest';
  from: number;
  to: number;
}

export type CampaignTotal = Span &
  (
    | { status: 'total'; value: number; provisional: boolean }
    /** A cumulative figure whose last year is a suppressed small count. */
    | { status: 'suppressed'; below: number; provisional: boolean }
    | { status: 'unavailable'; gaps: { year: number; gap: Gap }[] }
  );

/** The longest campaign a total is computed for, in years. */
const MAX_SPAN = 100;

/** Sums without float noise (0.1 + 0.2 is 0.3), keeping every digit a value carried. */
const tidy = (x: number) => Number(x.toPrecision(15));

export function campaignTotal(input: TotalInput): CampaignTotal | null {
  const { aggregation, campaign, year, at } = input;
  if (!campaign || (aggregation !== 'flow' && aggregation !== 'cumulative')) return null;
  if (year < campaign.startYear) return null;
  const from = campaign.startYear;
  const to = Math.min(campaign.endYear, year);
  // A span no campaign has (bad data: years 1–2^31) gets no total, and no loop over it.
  if (to - from > MAX_SPAN) return null;
  if (aggregation === 'flow' && from === to && to === year) return null;
  const rule = aggregation === 'flow' ? 'sum' : 'latest';
  const years: number[] = [];
  for (let y = rule === 'sum' ? from : to; y <= to; y++) years.push(y);

  const gaps: { year: number; gap: Gap }[] = [];
  let value = 0;
  let provisional = false;
  for (const y of years) {
    const o = at(y);
    const gap = gapOf(o);
    if (gap) gaps.push({ year: y, gap });
    else value += o?.value ?? 0;
    provisional ||= o?.provisional === true;
  }
  const span = { rule, from, to } as const;
  const [only] = gaps;
  if (rule === 'latest' && only?.gap.kind === 'suppressed')
    return { ...span, status: 'suppressed', below: only.gap.below, provisional };
  if (gaps.length > 0) return { ...span, status: 'unavailable', gaps };
  return { ...span, status: 'total', value: tidy(value), provisional };
}

/**
 * Whether the total says nothing the year's own cell does not: it is missing only for want of
 * the year shown (whose "—" already says why). Screens leave such a total out; files keep it.
 */
export function addsNothing(total: CampaignTotal | null, year: number): boolean {
  return total?.status === 'unavailable' && total.gaps.every((g) => g.year === year);
}

export interface TotalText {
  /** "2017–2019年合计" / "2017–2019 total". */
  label: string;
  /** "12,345人", "<5", or "—" when there is no total. */
  value: string;
  /** Why there is no total, or that it is provisional; empty when there is nothing to add. */
  note: string;
}

/** The label for the total's years (also a column header). */
export function totalLabel(total: Pick<CampaignTotal, 'rule' | 'from' | 'to'>, lang: Lang) {
  return translator(lang)(total.rule === 'sum' ? 'total.sum' : 'total.latest', {
    years: yearRange(total.from, total.to, lang),
  });
}

/** Why a total is missing: "2018年保密，不合计" / "2018 withheld: no total". */
export function totalNote(total: CampaignTotal, lang: Lang): string {
  const t = translator(lang);
  if (total.status !== 'unavailable') return total.provisional ? t('total.provisional') : '';
  const list = total.gaps.map(({ year, gap }) =>
    gap.kind === 'suppressed'
      ? t('total.suppressed', { year, n: gap.below })
      : t('total.gap', { year, kind: gapWord(gap, lang) }),
  );
  return t('total.gaps', { gaps: list.join(lang === 'zh' ? '，' : ', ') });
}

export function totalText(total: CampaignTotal, spec: UnitSpec, lang: Lang): TotalText {
  const value =
    total.status === 'total'
      ? formatValueText(total.value, spec, lang)
      : total.status === 'suppressed'
        ? `<${total.below}`
        : '—';
  return { label: totalLabel(total, lang), value, note: totalNote(total, lang) };
}
