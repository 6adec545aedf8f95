import { describe, expect, it } from 'vitest';
import type { CampaignTotal } from '../campaign-total';
import { summarizeIndicator } from './summarize';
import type { SummaryInput } from './summarize';

const people = {
  unit: 'count' as const,
  decimals: 0,
  unitLabel: { zh: '人', en: 'people' },
  better: 'lower' as const,
};
const yuan = { unit: 'cny' as const, decimals: 0, unitLabel: null, better: 'higher' as const };

function input(lang: 'zh' | 'en', over: Partial<SummaryInput> = {}): SummaryInput {
  return {
    lang,
    indicatorName: lang === 'zh' ? '新发现吸毒人员' : 'Newly identified drug users',
    unit: people,
    regionName: lang === 'zh' ? '甲区' : 'District A',
    year: 2019,
    value: 40,
    provisional: false,
    suppressedBelow: null,
    compare: null,
    previous: null,
    peers: null,
    ...over,
  };
}
const sum = (over: Partial<CampaignTotal> = {}): CampaignTotal =>
  ({
    rule: 'sum',
    from: 2017,
    to: 2019,
    status: 'total',
    value: 200,
    provisional: true,
    ...over,
  }) as CampaignTotal;

describe('summaries with campaign totals (contract 1.1)', () => {
  it('state a flow’s total after the year’s figure', () => {
    expect(summarizeIndicator(input('zh', { total: sum() }))).toBe(
      '2019年甲区新发现吸毒人员40人；2017–2019年合计200人（含初步数据）。',
    );
    expect(summarizeIndicator(input('en', { total: sum({ provisional: false }) }))).toBe(
      'In 2019, District A recorded 40 newly identified drug users. The 2017–2019 total is 200 people.',
    );
  });

  it('say why there is no total, without revealing a suppressed year', () => {
    const gaps = sum({
      status: 'unavailable',
      gaps: [
        { year: 2018, gap: { kind: 'withheld' } },
        { year: 2017, gap: { kind: 'suppressed', below: 5 } },
      ],
    });
    expect(summarizeIndicator(input('zh', { total: gaps }))).toBe(
      '2019年甲区新发现吸毒人员40人；因2018年保密、2017年数据不公开，不计算2017–2019年合计。',
    );
    expect(summarizeIndicator(input('en', { total: gaps }))).toBe(
      'In 2019, District A recorded 40 newly identified drug users. There is no 2017–2019 total: 2018 withheld, 2017 not published.',
    );
  });

  it('leave out a cumulative total that is the year’s own figure, but state an earlier campaign’s', () => {
    const funding = { indicatorName: '累计投入经费', unit: yuan, value: 29_680_000 };
    const latest = sum({ rule: 'latest', value: 29_680_000, provisional: false });
    expect(summarizeIndicator(input('zh', { ...funding, total: latest }))).toBe(
      '2019年甲区累计投入经费为2,968万元。',
    );
    expect(summarizeIndicator(input('zh', { ...funding, year: 2020, total: latest }))).toBe(
      '2020年甲区累计投入经费为2,968万元；2017–2019年累计2,968万元。',
    );
  });

  it('say which kind of missing', () => {
    const none = {
      value: null,
      total: sum({ status: 'unavailable', gaps: [] }),
    };
    expect(summarizeIndicator(input('zh', { ...none, status: 'withheld' }))).toBe(
      '2019年甲区新发现吸毒人员数据保密，不予公开。',
    );
    expect(summarizeIndicator(input('zh', { ...none, status: 'missing' }))).toBe(
      '2019年甲区新发现吸毒人员未报送。',
    );
    expect(summarizeIndicator(input('zh', { ...none, status: 'not-applicable' }))).toBe(
      '2019年甲区新发现吸毒人员不适用。',
    );
    expect(summarizeIndicator(input('zh', none))).toBe('2019年甲区新发现吸毒人员暂无数据。');
    expect(summarizeIndicator(input('en', { ...none, status: 'withheld' }))).toBe(
      'In 2019, the figure for newly identified drug users in District A is withheld for confidentiality.',
    );
    expect(summarizeIndicator(input('en', { ...none, status: 'missing' }))).toBe(
      'In 2019, newly identified drug users in District A was not reported.',
    );
    expect(summarizeIndicator(input('en', { ...none, status: 'not-applicable' }))).toBe(
      'In 2019, newly identified drug users does not apply to District A.',
    );
  });

  it('say why a comparison year has no figure', () => {
    const over = {
      previous: { value: null, status: 'withheld' as const },
      compare: { year: 2016, value: null, baseline: true },
    };
    expect(summarizeIndicator(input('zh', over))).toBe(
      '2019年甲区新发现吸毒人员40人；2016年（基线年）暂无数据，上年数据保密，无法比较。',
    );
    expect(summarizeIndicator(input('en', over))).toBe(
      'In 2019, District A recorded 40 newly identified drug users. The figure for 2016 (baseline) is missing and the figure for the year before is withheld, so there is nothing to compare with.',
    );
  });
});
