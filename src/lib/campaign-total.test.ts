import { describe, expect, it } from 'vitest';
import type { Aggregation, Campaign, Observation } from '@contract/types';
import { campaignTotal, totalText } from './campaign-total';

const campaign: Campaign = {
  id: 'c',
  name: { zh: '大会战', en: 'Campaign' },
  startYear: 2017,
  endYear: 2019,
  baselineYear: 2016,
};
const people = { unit: 'count', decimals: 0, unitLabel: { zh: '人', en: 'people' } } as const;
const yuan = { unit: 'cny', decimals: 0, unitLabel: null } as const;

type Cell = Partial<Observation> | number | null;
/** Observations by year: a number is a value, null an absent record, an object anything else. */
function series(cells: Record<number, Cell>) {
  return (year: number): Observation | undefined => {
    const c = cells[year];
    if (c === undefined || c === null) return undefined;
    const base: Observation = {
      indicator: 'i',
      region: 'r',
      year,
      value: null,
      target: null,
      provisional: false,
      note: null,
      suppressedBelow: null,
    };
    return typeof c === 'number' ? { ...base, value: c } : { ...base, ...c };
  };
}
const total = (
  aggregation: Aggregation | null | undefined,
  year: number,
  cells: Record<number, Cell>,
) => campaignTotal({ aggregation, campaign, year, at: series(cells) });

const full = { 2016: 100, 2017: 10, 2018: 20, 2019: 30 };

describe('campaignTotal', () => {
  it('sums a flow over the campaign years up to the year shown', () => {
    expect(total('flow', 2019, full)).toEqual({
      rule: 'sum',
      from: 2017,
      to: 2019,
      status: 'total',
      value: 60,
      provisional: false,
    });
    // A running campaign: the total so far, and its label names the years it covers.
    expect(total('flow', 2018, full)).toMatchObject({ from: 2017, to: 2018, value: 30 });
    // After the campaign: the whole campaign.
    expect(total('flow', 2021, { ...full, 2020: 99, 2021: 99 })).toMatchObject({
      to: 2019,
      value: 60,
    });
  });

  it('takes a cumulative figure’s last campaign year as its total, never a sum', () => {
    expect(total('cumulative', 2019, full)).toEqual({
      rule: 'latest',
      from: 2017,
      to: 2019,
      status: 'total',
      value: 30,
      provisional: false,
    });
    expect(total('cumulative', 2018, full)).toMatchObject({ to: 2018, value: 20 });
    // Gaps before the last year do not matter to a running total.
    expect(total('cumulative', 2019, { 2019: 30 })).toMatchObject({ status: 'total', value: 30 });
  });

  it('never sums rates, stocks or an unknown aggregation', () => {
    for (const a of ['rate', 'stock', null, undefined] as const)
      expect(total(a, 2019, full)).toBeNull();
  });

  it('has no total before the campaign, without a campaign, or for a flow’s first year alone', () => {
    expect(total('flow', 2016, full)).toBeNull();
    expect(
      campaignTotal({ aggregation: 'flow', campaign: null, year: 2019, at: series(full) }),
    ).toBeNull();
    expect(total('flow', 2017, full)).toBeNull();
    expect(total('cumulative', 2017, full)).toMatchObject({ status: 'total', value: 10 });
  });

  it('leaves no total when a year is missing, withheld, not applicable, absent or suppressed, and says which', () => {
    const t = total('flow', 2019, {
      2017: { status: 'withheld' },
      2018: null,
      2019: { suppressedBelow: 5 },
    });
    expect(t).toEqual({
      rule: 'sum',
      from: 2017,
      to: 2019,
      status: 'unavailable',
      gaps: [
        { year: 2017, gap: { kind: 'withheld' } },
        { year: 2018, gap: { kind: 'absent' } },
        { year: 2019, gap: { kind: 'suppressed', below: 5 } },
      ],
    });
    expect(total('flow', 2019, { ...full, 2018: { status: 'not-applicable' } })).toMatchObject({
      status: 'unavailable',
    });
    expect(total('cumulative', 2019, { ...full, 2019: { status: 'missing' } })).toMatchObject({
      status: 'unavailable',
      gaps: [{ year: 2019, gap: { kind: 'missing' } }],
    });
  });

  it('shows a cumulative figure whose last year is suppressed as that year is shown', () => {
    expect(total('cumulative', 2019, { 2019: { suppressedBelow: 5, provisional: true } })).toEqual({
      rule: 'latest',
      from: 2017,
      to: 2019,
      status: 'suppressed',
      below: 5,
      provisional: true,
    });
  });

  it('marks the total provisional when any year is', () => {
    const t = total('flow', 2019, { ...full, 2018: { value: 20, provisional: true } });
    expect(t).toMatchObject({ status: 'total', value: 60, provisional: true });
  });

  it('gives no total (and does not loop) for a campaign spanning an implausible number of years', () => {
    const huge = { ...campaign, startYear: 1, endYear: 2 ** 31 };
    const at = () => undefined;
    expect(campaignTotal({ aggregation: 'flow', campaign: huge, year: 2 ** 31, at })).toBeNull();
  });

  it('adds without float noise', () => {
    expect(total('flow', 2019, { 2017: 0.1, 2018: 0.2, 2019: 0.4 })).toMatchObject({ value: 0.7 });
  });
});

describe('totalText', () => {
  it('writes the total with the unit, the decimals and 万元', () => {
    const t = total('flow', 2019, { 2017: 12_000_000, 2018: 8_000_000, 2019: 9_680_000 });
    if (!t) throw new Error('no total');
    expect(totalText(t, yuan, 'zh')).toEqual({
      label: '2017–2019年合计',
      value: '2,968万元',
      note: '',
    });
    expect(totalText(t, yuan, 'en')).toEqual({
      label: '2017–2019 total',
      value: '29.68 million yuan',
      note: '',
    });
  });

  it('says why there is no total, and marks a provisional one', () => {
    const gaps = total('flow', 2019, {
      2017: 1,
      2018: { status: 'withheld' },
      2019: { suppressedBelow: 5 },
    });
    if (!gaps) throw new Error('no total');
    expect(totalText(gaps, people, 'zh')).toEqual({
      label: '2017–2019年合计',
      value: '—',
      note: '2018年保密，2019年小于5（隐私保护），不合计',
    });
    expect(totalText(gaps, people, 'en').note).toBe(
      '2018 withheld, 2019 below 5 (privacy): no total',
    );
    const prov = total('cumulative', 2018, { 2018: { value: 1234, provisional: true } });
    if (!prov) throw new Error('no total');
    expect(totalText(prov, people, 'zh')).toEqual({
      label: '2017–2018年累计',
      value: '1,234人',
      note: '含初步数据',
    });
    expect(totalText(prov, people, 'en')).toMatchObject({
      label: '2017–2018 cumulative',
      value: '1,234 people',
    });
  });
});
