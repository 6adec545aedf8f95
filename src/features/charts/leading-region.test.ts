import { describe, expect, it } from 'vitest';
import { indexObservations } from '@/features/data/observation-index';
import type { Indicator, Observation, Region } from '@contract/types';
import { buildIndicatorSpec, leadingRegion } from './indicator-spec';
import type { Meta } from '@contract/types';

const region = (id: string, zh: string): Region => ({
  id,
  level: 'district',
  parent: 'city',
  name: { zh, en: id },
});
const regions = [
  region('a', '甲区'),
  region('b', '乙区'),
  region('c', '丙区'),
  region('d', '丁区'),
];
const indicator = (better: Indicator['better']): Indicator => ({
  id: 'cases',
  name: { zh: '案件数', en: 'Cases' },
  unit: 'count',
  unitLabel: { zh: '起', en: 'cases' },
  decimals: 0,
  better,
  programme: null,
  headline: true,
  description: null,
});
const obs = (
  r: string,
  value: number | null,
  suppressedBelow: number | null = null,
): Observation => ({
  indicator: 'cases',
  region: r,
  year: 2022,
  value,
  target: null,
  provisional: false,
  note: null,
  suppressedBelow,
});
const index = indexObservations([obs('a', 30), obs('b', 12), obs('c', null), obs('d', null, 5)]);

describe('the region a summary describes when none is chosen', () => {
  it('is the best-placed one of the year, never a missing or suppressed cell', () => {
    expect(leadingRegion(index, indicator('lower'), regions, 2022)?.id).toBe('b');
    expect(leadingRegion(index, indicator('higher'), regions, 2022)?.id).toBe('a');
    expect(leadingRegion(index, indicator('neutral'), regions, 2022)?.id).toBe('a');
    expect(leadingRegion(index, indicator('lower'), regions, 2021)).toBeUndefined();
  });

  it('makes the chart summary name the leader, not the first region listed', () => {
    const meta = {
      apiVersion: 1,
      title: null,
      source: null,
      dataAsOf: null,
      years: [2022],
      regions: [{ ...region('city', '某市'), level: 'city', parent: null }, ...regions],
      campaigns: [],
      programmes: [],
      indicators: [indicator('lower')],
      assessments: [],
    } satisfies Meta;
    const spec = buildIndicatorSpec({
      id: 'x',
      meta,
      index,
      indicator: indicator('lower'),
      regions,
      selectedIds: new Set(),
      years: [2022],
      campaign: null,
      title: 't',
      scope: { path: [], towns: [], year: 2022, compare: null },
      lang: 'zh',
      demo: false,
      focus: { regionId: null, year: 2022, compareYear: null },
    });
    expect(spec.summary).toMatch(/^2022年乙区案件数12起/);
    expect(spec.summary).toContain('最低');
  });
});

describe('the summary when the selected region is the whole whose parts are drawn', () => {
  const city: Region = { id: 'city', level: 'city', parent: null, name: { zh: '某市', en: 'Mou' } };
  const meta = {
    apiVersion: 1,
    title: null,
    source: null,
    dataAsOf: null,
    years: [2022],
    regions: [city, ...regions],
    campaigns: [],
    programmes: [],
    indicators: [indicator('higher')],
    assessments: [],
  } satisfies Meta;
  const spec = (
    lang: 'zh' | 'en',
    data: Observation[],
    regionId: string,
    better: Indicator['better'] = 'higher',
  ) =>
    buildIndicatorSpec({
      id: 'x',
      meta,
      index: indexObservations(data),
      indicator: indicator(better),
      regions,
      selectedIds: new Set(regionId === 'city' ? [] : [regionId]),
      years: [2022],
      campaign: null,
      title: 't',
      scope: { path: [], towns: [], year: 2022, compare: null },
      lang,
      demo: false,
      focus: { regionId, year: 2022, compareYear: null },
    }).summary;
  const parts = [obs('a', 30), obs('b', 12), obs('c', null), obs('d', 20)];

  it('speaks of the city’s own figure first, then names the leading district', () => {
    const data = [obs('city', 62), ...parts];
    expect(spec('zh', data, 'city')).toBe(
      '2022年某市案件数62起；上年暂无数据，无法比较；某市4个区中有数据的3个里甲区最多（30起）。',
    );
    expect(spec('en', data, 'city')).toBe(
      'In 2022, Mou recorded 62 cases. There is no figure for the year before to compare with. Of the 3 with data among the 4 districts of Mou, a recorded the most (30 cases).',
    );
    // Lower is better: the district named is the one with the fewest.
    expect(spec('zh', data, 'city', 'lower')).toBe(
      '2022年某市案件数62起；上年暂无数据，无法比较；某市4个区中有数据的3个里乙区最少（12起）。',
    );
  });

  it('says plainly that the sentence is about the districts when the city has no figure', () => {
    expect(spec('zh', parts, 'city')).toBe(
      '2022年某市4个区中有数据的3个里甲区案件数最多（30起）；上年暂无数据，无法比较。',
    );
    expect(spec('en', parts, 'city')).toBe(
      'In 2022, of the 3 with data among the 4 districts of Mou, a recorded the most cases (30). There is no figure for the year before to compare with.',
    );
    expect(spec('zh', parts, 'city', 'lower')).toBe(
      '2022年某市4个区中有数据的3个里乙区案件数最少（12起）；上年暂无数据，无法比较。',
    );
    // A withheld city figure is not replaced by a district's.
    expect(spec('zh', [obs('city', null, 5), ...parts], 'city')).toBe(
      '2022年某市案件数少于5起（为保护隐私不显示具体数字）。',
    );
    // The server said why the city has no figure (1.1 status): the sentence says so first.
    expect(spec('zh', [{ ...obs('city', null), status: 'withheld' }, ...parts], 'city')).toBe(
      '2022年某市案件数数据保密；某市4个区中有数据的3个里甲区案件数最多（30起）；上年暂无数据，无法比较。',
    );
    expect(spec('en', [{ ...obs('city', null), status: 'not-applicable' }, ...parts], 'city')).toBe(
      "Mou's figure for 2022 is not applicable. In 2022, of the 3 with data among the 4 districts of Mou, a recorded the most cases (30). There is no figure for the year before to compare with.",
    );
    // Nothing to lead with: the city's own gap, not a lone district's figure.
    expect(spec('zh', [obs('a', 30)], 'city')).toBe('2022年某市案件数暂无数据。');
  });

  it('keeps a chosen district’s sentence: its own figure, then its place among its peers', () => {
    expect(spec('zh', [obs('city', 62), ...parts], 'd')).toBe(
      '2022年丁区案件数20起；上年暂无数据，无法比较；在某市4个区中有数据的3个里由高到低居第2位。',
    );
  });
});
