import { describe, expect, it } from 'vitest';
import { summarizeIndicator, summarizeRanks } from './summarize';
import type { RankSummaryInput, SummaryInput } from './summarize';

const people = {
  unit: 'count' as const,
  decimals: 0,
  unitLabel: { zh: '人', en: 'people' },
  better: 'lower' as const,
};
const permille = {
  unit: 'permille' as const,
  decimals: 2,
  unitLabel: null,
  better: 'lower' as const,
};
const percentUp = {
  unit: 'percent' as const,
  decimals: 1,
  unitLabel: null,
  better: 'higher' as const,
};

const districts = (lang: 'zh' | 'en', longhua: number | null, others: (number | null)[]) => ({
  groupLabel:
    lang === 'zh' ? `全市${others.length + 1}个区` : `the city's ${others.length + 1} districts`,
  values: [
    { name: lang === 'zh' ? '龙华区' : 'Longhua', value: longhua },
    ...others.map((value, i) => ({ name: `D${i}`, value })),
  ],
});

/** Longhua, newly identified drug users: 152 in 2016 (baseline), 41 in 2018, 10 in 2019. */
function longhua(lang: 'zh' | 'en', over: Partial<SummaryInput> = {}): SummaryInput {
  return {
    lang,
    indicatorName: lang === 'zh' ? '新发现吸毒人员' : 'Newly identified drug users',
    unit: people,
    regionName: lang === 'zh' ? '龙华区' : 'Longhua',
    year: 2019,
    value: 10,
    provisional: false,
    suppressedBelow: null,
    compare: { year: 2016, value: 152, baseline: true },
    previous: { value: 41 },
    peers: districts(lang, 10, [30, 25, 40]),
    ...over,
  };
}

const rate = (lang: 'zh' | 'en', over: Partial<SummaryInput> = {}) =>
  longhua(lang, {
    indicatorName: lang === 'zh' ? '吸毒人员占常住人口比例' : 'Drug users per 1,000 residents',
    unit: permille,
    value: 1.27,
    compare: { year: 2016, value: 4.27, baseline: true },
    previous: { value: 1.5 },
    peers: null,
    ...over,
  });

describe('summarizeIndicator: direction and verdict', () => {
  it('states a fall of a lower-is-better count as better, with peers (the worked example)', () => {
    expect(summarizeIndicator(longhua('zh'))).toBe(
      '2019年龙华区新发现吸毒人员10人，较2016年（基线年）下降93.4%，较上年下降75.6%，向好；在全市4个区中最低。',
    );
    expect(summarizeIndicator(longhua('en'))).toBe(
      "In 2019, Longhua recorded 10 newly identified drug users, 93.4% fewer than in 2016 (baseline) and 75.6% fewer than the year before — better. Lowest of the city's 4 districts.",
    );
  });

  it('states a rise of a lower-is-better count as worse', () => {
    const input = longhua('zh', {
      value: 60,
      compare: { year: 2016, value: 50, baseline: true },
      previous: { value: 40 },
      peers: null,
    });
    expect(summarizeIndicator(input)).toBe(
      '2019年龙华区新发现吸毒人员60人，较2016年（基线年）上升20.0%，较上年上升50.0%，变差。',
    );
    expect(
      summarizeIndicator({
        ...input,
        lang: 'en',
        regionName: 'Longhua',
        indicatorName: 'Newly identified drug users',
      }),
    ).toBe(
      'In 2019, Longhua recorded 60 newly identified drug users, 20.0% more than in 2016 (baseline) and 50.0% more than the year before — worse.',
    );
  });

  it('gives one verdict per clause when the two comparisons disagree', () => {
    const input = longhua('zh', { previous: { value: 8 }, peers: null });
    expect(summarizeIndicator(input)).toBe(
      '2019年龙华区新发现吸毒人员10人，较2016年（基线年）下降93.4%，向好；较上年上升25.0%，变差。',
    );
    expect(summarizeIndicator(longhua('en', { previous: { value: 8 }, peers: null }))).toBe(
      'In 2019, Longhua recorded 10 newly identified drug users, 93.4% fewer than in 2016 (baseline) — better — but 25.0% more than the year before — worse.',
    );
  });

  it('says flat as 持平 / the same, with no verdict', () => {
    const input = longhua('zh', {
      compare: { year: 2016, value: 10, baseline: true },
      previous: { value: 10 },
      peers: null,
    });
    const zh = summarizeIndicator(input);
    expect(zh).toBe('2019年龙华区新发现吸毒人员10人，与2016年（基线年）持平，与上年持平。');
    expect(zh).not.toMatch(/向好|变差/);
    const en = summarizeIndicator(
      longhua('en', {
        ...input,
        lang: 'en',
        regionName: 'Longhua',
        indicatorName: 'Newly identified drug users',
      }),
    );
    expect(en).toBe(
      'In 2019, Longhua recorded 10 newly identified drug users, the same as in 2016 (baseline) and the same as the year before.',
    );
    expect(en).not.toMatch(/better|worse|unchanged/);
  });

  it('gives neutral indicators a direction and no verdict', () => {
    const neutral = { ...people, better: 'neutral' as const };
    const zh = summarizeIndicator(longhua('zh', { unit: neutral, peers: null }));
    expect(zh).toBe(
      '2019年龙华区新发现吸毒人员10人，较2016年（基线年）下降93.4%，较上年下降75.6%。',
    );
    const en = summarizeIndicator(longhua('en', { unit: neutral, peers: null }));
    expect(en).toBe(
      'In 2019, Longhua recorded 10 newly identified drug users, 93.4% fewer than in 2016 (baseline) and 75.6% fewer than the year before.',
    );
    expect(en).not.toMatch(/better|worse|change/);
  });

  it('judges higher-is-better indicators the other way round', () => {
    const zh = summarizeIndicator(
      longhua('zh', {
        indicatorName: '社区戒毒社区康复执行率',
        unit: percentUp,
        value: 93,
        compare: { year: 2016, value: 75, baseline: true },
        previous: { value: 95 },
        peers: null,
      }),
    );
    expect(zh).toBe(
      '2019年龙华区社区戒毒社区康复执行率为93.0%，较2016年（基线年）上升18.0个百分点，向好；较上年下降2.0个百分点，变差。',
    );
  });
});

describe('summarizeIndicator: points vs relative', () => {
  it('changes rates in points, in both languages', () => {
    expect(summarizeIndicator(rate('zh'))).toBe(
      '2019年龙华区吸毒人员占常住人口比例为1.27‰，较2016年（基线年）下降3.00个千分点，较上年下降0.23个千分点，向好。',
    );
    expect(summarizeIndicator(rate('en'))).toBe(
      'In 2019, drug users per 1,000 residents in Longhua stood at 1.27‰, 3.00 per-mille points lower than in 2016 (baseline) and 0.23 per-mille points lower than the year before — better.',
    );
  });

  it('changes percentages in percentage points, never as a percent of a percent', () => {
    const en = summarizeIndicator(
      longhua('en', {
        indicatorName: 'Community rehabilitation execution rate',
        unit: percentUp,
        value: 93,
        compare: { year: 2016, value: 75, baseline: true },
        previous: null,
        peers: null,
      }),
    );
    expect(en).toContain('18.0 percentage points higher than in 2016 (baseline) — better');
    expect(en).not.toContain('24.0%'); // (93-75)/75 would be the relative change
  });

  it('changes other units relatively, with money scaled per language', () => {
    const cny = { unit: 'cny' as const, decimals: 0, unitLabel: null, better: 'higher' as const };
    const input = longhua('zh', {
      indicatorName: '禁毒经费投入（累计）',
      unit: cny,
      value: 29_680_000,
      compare: { year: 2016, value: 8_450_000, baseline: true },
      previous: null,
      peers: null,
    });
    expect(summarizeIndicator(input)).toBe(
      '2019年龙华区禁毒经费投入（累计）为2,968万元，较2016年（基线年）上升251.2%，向好。',
    );
    expect(
      summarizeIndicator({
        ...input,
        lang: 'en',
        regionName: 'Longhua',
        indicatorName: 'Anti-drug funding (cumulative)',
      }),
    ).toBe(
      'In 2019, anti-drug funding (cumulative) in Longhua stood at 29.68 million yuan, 251.2% higher than in 2016 (baseline) — better.',
    );
  });
});

describe('summarizeIndicator: missing, zero base, provisional, suppressed', () => {
  it('says a missing value is missing and states nothing else', () => {
    expect(summarizeIndicator(longhua('zh', { value: null }))).toBe(
      '2019年龙华区新发现吸毒人员暂无数据。',
    );
    expect(summarizeIndicator(longhua('en', { value: null }))).toBe(
      'In 2019, there is no figure for newly identified drug users in Longhua.',
    );
  });

  it('says a missing comparison value cannot be compared, and keeps the other comparison', () => {
    const zh = summarizeIndicator(
      longhua('zh', { compare: { year: 2016, value: null, baseline: true }, peers: null }),
    );
    expect(zh).toBe(
      '2019年龙华区新发现吸毒人员10人，较上年下降75.6%，向好；2016年（基线年）暂无数据，无法比较。',
    );
    const en = summarizeIndicator(
      longhua('en', {
        compare: { year: 2016, value: null, baseline: true },
        previous: { value: null },
        peers: null,
      }),
    );
    expect(en).toBe(
      'In 2019, Longhua recorded 10 newly identified drug users. There are no figures for 2016 (baseline) or the year before to compare with.',
    );
  });

  it('states the direction from a zero base without inventing a percentage', () => {
    const input = longhua('zh', {
      compare: { year: 2016, value: 0, baseline: true },
      previous: null,
      peers: null,
    });
    const zh = summarizeIndicator(input);
    expect(zh).toBe('2019年龙华区新发现吸毒人员10人，由2016年（基线年）的0人上升，变差。');
    expect(zh).not.toMatch(/%|Infinity|NaN/);
    const en = summarizeIndicator(
      longhua('en', {
        compare: { year: 2016, value: 0, baseline: true },
        previous: null,
        peers: null,
      }),
    );
    expect(en).toBe(
      'In 2019, Longhua recorded 10 newly identified drug users, up from 0 people in 2016 (baseline) — worse.',
    );
  });

  it('marks provisional values', () => {
    const zh = summarizeIndicator(
      longhua('zh', { provisional: true, peers: null, previous: null }),
    );
    expect(zh).toBe(
      '2019年龙华区新发现吸毒人员10人（初步数据），较2016年（基线年）下降93.4%，向好。',
    );
    const en = summarizeIndicator(
      longhua('en', { provisional: true, peers: null, previous: null }),
    );
    expect(en).toBe(
      'In 2019, Longhua recorded 10 newly identified drug users (provisional), 93.4% fewer than in 2016 (baseline) — better.',
    );
  });

  it('states a suppressed count only as "fewer than N": no change, no peer position', () => {
    const zh = summarizeIndicator(longhua('zh', { value: null, suppressedBelow: 5 }));
    expect(zh).toBe('2019年龙华区新发现吸毒人员少于5人（为保护隐私不显示具体数字）。');
    const en = summarizeIndicator(longhua('en', { value: null, suppressedBelow: 5 }));
    expect(en).toBe(
      'In 2019, Longhua recorded fewer than 5 newly identified drug users (exact figure withheld to protect privacy).',
    );
    // Even if a value leaks through with the flag set, it is not used.
    const leaked = summarizeIndicator(
      longhua('zh', { value: 3, suppressedBelow: 5, provisional: true }),
    );
    expect(leaked).toBe(
      '2019年龙华区新发现吸毒人员少于5人（初步数据；为保护隐私不显示具体数字）。',
    );
    for (const text of [zh, en, leaked]) {
      expect(text).not.toMatch(
        /较|上年|下降|上升|最低|最高|fewer than in|year before|lowest|highest|3人/,
      );
    }
  });

  it('omits the previous-year clause when the comparison year is the year before', () => {
    const zh = summarizeIndicator(
      longhua('zh', { compare: { year: 2018, value: 41, baseline: false }, peers: null }),
    );
    expect(zh).toBe('2019年龙华区新发现吸毒人员10人，较2018年下降75.6%，向好。');
  });

  it('labels the baseline year itself and compares it with nothing', () => {
    const zh = summarizeIndicator(
      longhua('zh', { year: 2016, value: 152, previous: null, peers: null }),
    );
    expect(zh).toBe('2016年（基线年）龙华区新发现吸毒人员152人。');
  });
});

describe('summarizeIndicator: peers', () => {
  const only = (
    lang: 'zh' | 'en',
    value: number,
    others: (number | null)[],
    better: SummaryInput['unit'] = people,
  ) =>
    summarizeIndicator(
      longhua(lang, {
        value,
        unit: better,
        compare: null,
        previous: null,
        peers: districts(lang, value, others),
      }),
    );

  it('ranks from the better end: lowest, highest, middle', () => {
    expect(only('zh', 10, [30, 25, 40])).toBe(
      '2019年龙华区新发现吸毒人员10人；在全市4个区中最低。',
    );
    expect(only('zh', 50, [30, 25, 40])).toBe(
      '2019年龙华区新发现吸毒人员50人；在全市4个区中最高。',
    );
    expect(only('zh', 27, [30, 25, 40])).toBe(
      '2019年龙华区新发现吸毒人员27人；在全市4个区中由低到高居第2位。',
    );
    expect(only('en', 10, [30, 25, 40])).toContain(". Lowest of the city's 4 districts.");
    expect(only('en', 50, [30, 25, 40])).toContain(". Highest of the city's 4 districts.");
    expect(only('en', 27, [30, 25, 40])).toContain(". 2nd lowest of the city's 4 districts.");
    expect(only('en', 35, [30, 25, 40])).toContain(". 3rd lowest of the city's 4 districts.");
  });

  it('places a middle position by counting from the better end, in words that read as Chinese', () => {
    // Tenth of eleven townships from the lowest: once "居第10低".
    const towns = {
      groupLabel: '龙华区11个镇/街道',
      values: [
        { name: '龙华区', value: 95 },
        ...[10, 20, 30, 40, 50, 60, 70, 80, 90, 99].map((value, i) => ({ name: `T${i}`, value })),
      ],
    };
    const zh = summarizeIndicator(
      longhua('zh', { value: 95, compare: null, previous: null, peers: towns }),
    );
    expect(zh).toBe('2019年龙华区新发现吸毒人员95人；在龙华区11个镇/街道中由低到高居第10位。');
    const en = summarizeIndicator(
      longhua('en', {
        value: 95,
        compare: null,
        previous: null,
        peers: {
          ...towns,
          groupLabel: 'the 11 townships of Longhua',
          values: towns.values.map((v, i) => (i === 0 ? { ...v, name: 'Longhua' } : v)),
        },
      }),
    );
    expect(en).toContain('. 10th lowest of the 11 townships of Longhua.');
  });

  it('ranks higher-is-better indicators from the highest', () => {
    const up = { ...people, better: 'higher' as const };
    expect(only('zh', 27, [30, 25, 40], up)).toBe(
      '2019年龙华区新发现吸毒人员27人；在全市4个区中由高到低居第3位。',
    );
    expect(only('en', 40, [30, 25, 10], up)).toContain(". Highest of the city's 4 districts.");
  });

  it('says joint when tied', () => {
    expect(only('zh', 25, [30, 25, 40])).toBe(
      '2019年龙华区新发现吸毒人员25人；在全市4个区中并列最低。',
    );
    expect(only('zh', 30, [30, 25, 40])).toBe(
      '2019年龙华区新发现吸毒人员30人；在全市4个区中由低到高并列第2位。',
    );
    expect(only('en', 30, [30, 25, 40])).toContain(". Joint 2nd lowest of the city's 4 districts.");
    expect(only('en', 30, [30, 30])).toContain(
      ". The city's 3 districts all recorded the same figure.",
    );
  });

  it('ranks only among peers with values, and says so', () => {
    expect(only('zh', 10, [30, null, 40])).toBe(
      '2019年龙华区新发现吸毒人员10人；在全市4个区中有数据的3个里最低。',
    );
    expect(only('en', 10, [30, null, 40])).toContain('. Lowest of the 3 with data among the city');
  });

  it('skips the peer phrase when fewer than two peers have values', () => {
    expect(only('zh', 10, [null, null])).toBe('2019年龙华区新发现吸毒人员10人。');
    expect(only('en', 10, [])).toBe('In 2019, Longhua recorded 10 newly identified drug users.');
  });
});

describe('summarizeIndicator: names are plain text', () => {
  it('keeps markup in names as literal text', () => {
    const evil = '<img src=x onerror=alert(1)>';
    const zh = summarizeIndicator(
      longhua('zh', { regionName: evil, indicatorName: '<b>指标</b>', peers: null }),
    );
    expect(zh.startsWith(`2019年${evil}<b>指标</b>10人`)).toBe(true);
    const en = summarizeIndicator(longhua('en', { regionName: evil, peers: null, value: null }));
    expect(en).toBe(`In 2019, there is no figure for newly identified drug users in ${evil}.`);
  });

  it('keeps English names that would be damaged by lower-casing as given', () => {
    const en = summarizeIndicator(
      longhua('en', {
        indicatorName: 'Spring Thunder: venues checked',
        previous: null,
        peers: null,
      }),
    );
    expect(en).toBe(
      'In 2019, ‘Spring Thunder: venues checked’ in Longhua stood at 10 people, 93.4% fewer than in 2016 (baseline) — better.',
    );
  });
});

const ranks = (
  lang: 'zh' | 'en',
  focusYear: number,
  list: [number, number | null][],
): RankSummaryInput => ({
  lang,
  assessmentName:
    lang === 'zh' ? '全省禁毒工作综合考评' : 'Provincial overall drug-control assessment',
  regionName: lang === 'zh' ? '龙华区' : 'Longhua',
  scopeWord: lang === 'zh' ? '全省' : 'the province',
  focusYear,
  ranks: list.map(([year, rank]) => ({ year, rank, of: rank === null ? null : 19 })),
});

describe('summarizeRanks', () => {
  it('detects a run of firsts and reports the focus year after unranked years', () => {
    const list: [number, number | null][] = [
      [2016, 4],
      [2017, 1],
      [2018, 1],
      [2019, 1],
      [2020, null],
      [2021, null],
      [2022, 3],
    ];
    expect(summarizeRanks(ranks('zh', 2022, list))).toBe(
      '2017–2019年龙华区在全省禁毒工作综合考评中连续3年位列全省第1名；2020–2021年暂无排名；2022年为第3名（共19个），较2019年下降2位。',
    );
    expect(summarizeRanks(ranks('en', 2022, list))).toBe(
      'Longhua ranked 1st in the province in the Provincial overall drug-control assessment for 3 years running (2017–2019). No ranking for 2020–2021. In 2022 it ranked 3rd of 19, down 2 places from 2019.',
    );
  });

  it('ends the run at the focus year', () => {
    const list: [number, number | null][] = [
      [2017, 1],
      [2018, 1],
      [2019, 1],
      [2020, 1],
    ];
    expect(summarizeRanks(ranks('zh', 2019, list))).toBe(
      '2017–2019年龙华区在全省禁毒工作综合考评中连续3年位列全省第1名。',
    );
    expect(summarizeRanks(ranks('en', 2020, list))).toContain('for 4 years running (2017–2020).');
  });

  it('does not call firsts separated by a gap a run', () => {
    const text = summarizeRanks(
      ranks('zh', 2019, [
        [2017, 1],
        [2018, 2],
        [2019, 1],
      ]),
    );
    expect(text).toBe(
      '2019年龙华区在全省禁毒工作综合考评中位列全省第1名（共19个），较2018年上升1位。',
    );
    expect(text).not.toContain('连续');
  });

  it('breaks a run at a year missing from the list, and says that year is unranked', () => {
    const list: [number, number | null][] = [
      [2017, 1],
      [2018, 1],
      [2020, 1],
    ];
    expect(summarizeRanks(ranks('zh', 2020, list))).toBe(
      '2017–2018年龙华区在全省禁毒工作综合考评中连续2年位列全省第1名；2019年暂无排名；2020年为第1名（共19个），与2018年持平。',
    );
    expect(summarizeRanks(ranks('en', 2020, list))).toBe(
      'Longhua ranked 1st in the province in the Provincial overall drug-control assessment for 2 years running (2017–2018). No ranking for 2019. In 2020 it ranked 1st of 19, unchanged from 2018.',
    );
  });

  it('treats a focus year absent from the list as unranked', () => {
    expect(
      summarizeRanks(
        ranks('zh', 2021, [
          [2019, 3],
          [2020, 2],
        ]),
      ),
    ).toBe(
      '2021年龙华区在全省禁毒工作综合考评中暂无排名；最近一次排名为2020年全省第2名（共19个）。',
    );
  });

  it('reports an improvement (a smaller number) as rising', () => {
    expect(
      summarizeRanks(
        ranks('zh', 2021, [
          [2020, 5],
          [2021, 3],
        ]),
      ),
    ).toBe('2021年龙华区在全省禁毒工作综合考评中位列全省第3名（共19个），较2020年上升2位。');
    expect(
      summarizeRanks(
        ranks('en', 2021, [
          [2020, 5],
          [2021, 3],
        ]),
      ),
    ).toBe(
      'In 2021, Longhua ranked 3rd of 19 in the province in the Provincial overall drug-control assessment, up 2 places from 2020.',
    );
  });

  it('reports a decline (a larger number) as falling, and no move as unchanged', () => {
    expect(
      summarizeRanks(
        ranks('zh', 2021, [
          [2020, 3],
          [2021, 4],
        ]),
      ),
    ).toContain('较2020年下降1位');
    expect(
      summarizeRanks(
        ranks('en', 2021, [
          [2020, 3],
          [2021, 4],
        ]),
      ),
    ).toContain('down 1 place from 2020');
    expect(
      summarizeRanks(
        ranks('zh', 2021, [
          [2020, 3],
          [2021, 3],
        ]),
      ),
    ).toContain('与2020年持平');
    expect(
      summarizeRanks(
        ranks('en', 2021, [
          [2020, 3],
          [2021, 3],
        ]),
      ),
    ).toContain('unchanged from 2020');
  });

  it('says honestly when the focus year, or any year, is unranked', () => {
    expect(
      summarizeRanks(
        ranks('zh', 2021, [
          [2019, 5],
          [2020, 3],
          [2021, null],
        ]),
      ),
    ).toBe(
      '2021年龙华区在全省禁毒工作综合考评中暂无排名；最近一次排名为2020年全省第3名（共19个）。',
    );
    expect(
      summarizeRanks(
        ranks('en', 2021, [
          [2019, 5],
          [2020, 3],
          [2021, null],
        ]),
      ),
    ).toBe(
      'Longhua has no ranking in the Provincial overall drug-control assessment for 2021. The latest ranking was 3rd of 19 in 2020.',
    );
    expect(
      summarizeRanks(
        ranks('zh', 2021, [
          [2019, null],
          [2020, 3],
          [2021, 4],
        ]),
      ),
    ).toBe(
      '2019年龙华区在全省禁毒工作综合考评中暂无排名；2021年为第4名（共19个），较2020年下降1位。',
    );
    expect(
      summarizeRanks(
        ranks('zh', 2021, [
          [2020, null],
          [2021, null],
        ]),
      ),
    ).toBe('龙华区在全省禁毒工作综合考评中暂无排名数据。');
    expect(summarizeRanks(ranks('en', 2021, []))).toBe(
      'There is no ranking for Longhua in the Provincial overall drug-control assessment up to 2021.',
    );
  });

  it('keeps markup in names as literal text', () => {
    const evil = '<img src=x onerror=alert(1)>';
    const text = summarizeRanks({
      ...ranks('zh', 2021, [
        [2020, 5],
        [2021, 3],
      ]),
      regionName: evil,
    });
    expect(text).toBe(
      `2021年${evil}在全省禁毒工作综合考评中位列全省第3名（共19个），较2020年上升2位。`,
    );
  });
});
