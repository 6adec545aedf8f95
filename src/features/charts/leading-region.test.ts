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
