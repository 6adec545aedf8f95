import { describe, expect, it } from 'vitest';
import type { CampaignTotal } from '../campaign-total';
import { summarizeIndicator } from './summarize';
import type { SummaryInput } from './summarize';

// A city over its districts: the summary speaks of the city, and names the leading district as
// such — never a district's figures in words that read as the city's.

const cases = {
  unit: 'count' as const,
  decimals: 0,
  unitLabel: { zh: '起', en: 'cases' },
  better: 'neutral' as const,
};
const users = { ...cases, unitLabel: { zh: '人', en: 'people' }, better: 'lower' as const };
const permille = {
  unit: 'permille' as const,
  decimals: 2,
  unitLabel: null,
  better: 'lower' as const,
};
const sum = (value: number): CampaignTotal => ({
  rule: 'sum',
  from: 2020,
  to: 2022,
  status: 'total',
  value,
  provisional: true,
});

const districts = (lang: 'zh' | 'en', values: (number | null)[]) => ({
  groupLabel: lang === 'zh' ? '海口市4个区' : 'the 4 districts of Haikou',
  values: values.map((value, i) => ({
    name:
      (lang === 'zh'
        ? ['秀英区', '龙华区', '琼山区', '美兰区']
        : ['Xiuying', 'Longhua', 'Qiongshan', 'Meilan'])[i] ?? '',
    value,
  })),
});

/** Haikou, drug criminal cases solved, 2022: 340 (provisional), 465 in 2019, 341 in 2021. */
function haikou(lang: 'zh' | 'en', over: Partial<SummaryInput> = {}): SummaryInput {
  return {
    lang,
    indicatorName: lang === 'zh' ? '破获毒品刑事案件' : 'Drug criminal cases solved',
    unit: cases,
    regionName: lang === 'zh' ? '海口市' : 'Haikou',
    year: 2022,
    value: 340,
    provisional: true,
    suppressedBelow: null,
    compare: { year: 2019, value: 465, baseline: true },
    previous: { value: 341 },
    peers: null,
    parts: districts(lang, [60, 97, 85, 98]),
    total: sum(1085),
    ...over,
  };
}

/** The city has no figure: Meilan (98 in 2022, 132 in 2019, 90 in 2021) stands in, as the leader. */
const meilan = (lang: 'zh' | 'en', over: Partial<SummaryInput> = {}) =>
  haikou(lang, {
    regionName: lang === 'zh' ? '美兰区' : 'Meilan',
    value: 98,
    compare: { year: 2019, value: 132, baseline: true },
    previous: { value: 90 },
    total: sum(301),
    leadsParts: true,
    ...over,
  });

describe('summarizeIndicator: a whole with a figure of its own, over its parts', () => {
  it('states the whole’s figure, then which part leads, then the whole’s total', () => {
    expect(summarizeIndicator(haikou('zh'))).toBe(
      '2022年海口市破获毒品刑事案件340起（初步数据），较2019年（基线年）下降26.9%，较上年下降0.3%；海口市4个区中美兰区最多（98起）；2020–2022年合计1,085起（含初步数据）。',
    );
    expect(summarizeIndicator(haikou('en'))).toBe(
      'In 2022, Haikou recorded 340 drug criminal cases solved (provisional), 26.9% fewer than in 2019 (baseline) and 0.3% fewer than the year before. Of the 4 districts of Haikou, Meilan recorded the most (98 cases). The 2020–2022 total is 1,085 cases (including provisional figures).',
    );
  });

  it('names the better end: the fewest where lower is better, the lowest for a rate', () => {
    const plain = { compare: null, previous: null, total: null, provisional: false };
    expect(
      summarizeIndicator(haikou('zh', { ...plain, unit: users, indicatorName: '新发现吸毒人员' })),
    ).toBe('2022年海口市新发现吸毒人员340人；海口市4个区中秀英区最少（60人）。');
    expect(
      summarizeIndicator(
        haikou('en', { ...plain, unit: users, indicatorName: 'Newly identified drug users' }),
      ),
    ).toBe(
      'In 2022, Haikou recorded 340 newly identified drug users. Of the 4 districts of Haikou, Xiuying recorded the fewest (60 people).',
    );
    const rate = {
      ...plain,
      unit: permille,
      value: 1.1,
      parts: districts('zh', [1.2, 0.94, null, 1.3]),
    };
    expect(
      summarizeIndicator(haikou('zh', { ...rate, indicatorName: '吸毒人员占常住人口比例' })),
    ).toBe(
      '2022年海口市吸毒人员占常住人口比例为1.10‰；海口市4个区中有数据的3个里龙华区最低（0.94‰）。',
    );
    expect(
      summarizeIndicator(
        haikou('en', {
          ...rate,
          parts: districts('en', [1.2, 0.94, null, 1.3]),
          indicatorName: 'Drug users per 1,000 residents',
        }),
      ),
    ).toBe(
      'In 2022, drug users per 1,000 residents in Haikou stood at 1.10‰. Of the 3 with data among the 4 districts of Haikou, Longhua had the lowest figure (0.94‰).',
    );
  });

  it('names every part tied at the end, and says nothing of the parts when fewer than two have data', () => {
    const plain = { compare: null, previous: null, total: null, provisional: false };
    expect(
      summarizeIndicator(haikou('zh', { ...plain, parts: districts('zh', [98, 97, 85, 98]) })),
    ).toBe('2022年海口市破获毒品刑事案件340起；海口市4个区中秀英区、美兰区并列最多（98起）。');
    expect(
      summarizeIndicator(haikou('en', { ...plain, parts: districts('en', [98, 97, 85, 98]) })),
    ).toBe(
      'In 2022, Haikou recorded 340 drug criminal cases solved. Of the 4 districts of Haikou, Xiuying and Meilan jointly recorded the most (98 cases).',
    );
    expect(
      summarizeIndicator(
        haikou('zh', { ...plain, parts: districts('zh', [98, null, null, null]) }),
      ),
    ).toBe('2022年海口市破获毒品刑事案件340起。');
  });
});

describe('summarizeIndicator: a whole with no figure of its own', () => {
  it('says the sentence is about the parts, and whose changes and total follow', () => {
    expect(summarizeIndicator(meilan('zh'))).toBe(
      '2022年海口市4个区中美兰区破获毒品刑事案件最多（98起，初步数据），较2019年（基线年）下降25.8%，较上年上升8.9%；美兰区2020–2022年合计301起（含初步数据）。',
    );
    expect(summarizeIndicator(meilan('en'))).toBe(
      "In 2022, of the 4 districts of Haikou, Meilan recorded the most drug criminal cases solved (98, provisional), 25.8% fewer than in 2019 (baseline) and 8.9% more than the year before. Meilan's 2020–2022 total is 301 cases (including provisional figures).",
    );
  });

  it('says first why the whole has no figure, when the server said', () => {
    expect(
      summarizeIndicator(meilan('zh', { whole: { name: '海口市', reason: 'withheld' } })),
    ).toBe(
      '2022年海口市破获毒品刑事案件数据保密；海口市4个区中美兰区破获毒品刑事案件最多（98起，初步数据），较2019年（基线年）下降25.8%，较上年上升8.9%；美兰区2020–2022年合计301起（含初步数据）。',
    );
    expect(
      summarizeIndicator(
        meilan('en', {
          whole: { name: 'Haikou', reason: 'missing' },
          parts: districts('en', [98, 97, 85, 98]),
        }),
      ),
    ).toBe(
      "Haikou's figure for 2022 is not reported. In 2022, of the 4 districts of Haikou, Xiuying and Meilan jointly recorded the most drug criminal cases solved (98, provisional).",
    );
    // Without a reason from the server, nothing is said of the whole's own figure.
    expect(summarizeIndicator(meilan('zh', { whole: { name: '海口市', reason: null } }))).toBe(
      summarizeIndicator(meilan('zh')),
    );
  });

  it('keeps the better end and the rate words', () => {
    const rate = {
      unit: permille,
      value: 0.94,
      provisional: false,
      compare: null,
      previous: null,
      total: null,
    };
    expect(
      summarizeIndicator(
        meilan('zh', {
          ...rate,
          regionName: '龙华区',
          indicatorName: '吸毒人员占常住人口比例',
          parts: districts('zh', [1.2, 0.94, null, 1.3]),
        }),
      ),
    ).toBe('2022年海口市4个区中有数据的3个里龙华区吸毒人员占常住人口比例最低（0.94‰）。');
    expect(
      summarizeIndicator(
        meilan('en', {
          ...rate,
          regionName: 'Longhua',
          indicatorName: 'Drug users per 1,000 residents',
          parts: districts('en', [1.2, 0.94, null, 1.3]),
        }),
      ),
    ).toBe(
      'In 2022, of the 3 with data among the 4 districts of Haikou, drug users per 1,000 residents was lowest in Longhua (0.94‰).',
    );
  });

  it('names all tied leaders and then stops: one region’s changes would read as theirs', () => {
    const tied = { parts: districts('zh', [98, 97, 85, 98]) };
    expect(summarizeIndicator(meilan('zh', tied))).toBe(
      '2022年海口市4个区中秀英区、美兰区破获毒品刑事案件并列最多（98起，初步数据）。',
    );
    expect(summarizeIndicator(meilan('en', { parts: districts('en', [98, 97, 85, 98]) }))).toBe(
      'In 2022, of the 4 districts of Haikou, Xiuying and Meilan jointly recorded the most drug criminal cases solved (98, provisional).',
    );
  });
});
