/**
 * A small revision 1.1 data set for tests of campaign totals, kinds of missing and validity
 * years: a city, one district and its townships (one merged away after 2017, one set up in
 * 2018), a 2017–2019 campaign with 2016 as baseline, and an indicator of each aggregation.
 */
import type { WireDataset, WireObservation } from '@contract/wire-types';
import { resolveConfig } from '@/features/data/config';
import type { AppConfig } from '@/features/data/config';
import { createHandlers } from '@mocks/handlers';
import { server } from '@mocks/node';

export const BASE_11 = 'http://localhost/api/v1';
export const config11: AppConfig = resolveConfig(
  JSON.stringify({ apiBaseUrl: BASE_11 }),
  undefined,
);
export const config11Suppressed: AppConfig = resolveConfig(
  JSON.stringify({ apiBaseUrl: BASE_11, suppressBelow: 5 }),
  undefined,
);

const people = { zh: '人', en: 'people' };
const name = (zh: string, en: string) => ({ zh, en });

type Row = Partial<WireObservation> & { year: number };
const rows = (indicator: string, region: string, list: (number | null | Row)[]) =>
  list.map((v, i): WireObservation => {
    const year = 2016 + i;
    if (v !== null && typeof v === 'object') return { indicator, region, value: null, ...v };
    return { indicator, region, year, value: v };
  });

export const dataset11: WireDataset = {
  meta: {
    apiVersion: 1,
    title: name('测试区禁毒数据', 'Test district data'),
    source: name('测试区禁毒办', 'Test narcotics office'),
    dataAsOf: '2020-06-30',
    years: [2016, 2017, 2018, 2019],
    regions: [
      { id: 'c', level: 'city', parent: null, name: name('测试市', 'Test City') },
      { id: 'd', level: 'district', parent: 'c', name: name('甲区', 'District A') },
      { id: 't1', level: 'township', parent: 'd', name: name('东镇', 'East Town') },
      {
        id: 't2',
        level: 'township',
        parent: 'd',
        name: name('西镇', 'West Town'),
        validTo: 2017,
      },
      {
        id: 't3',
        level: 'township',
        parent: 'd',
        name: name('新西镇', 'New West Town'),
        validFrom: 2018,
      },
    ],
    campaigns: [
      {
        id: 'round-1',
        name: name('三年大会战', 'Three-year campaign'),
        startYear: 2017,
        endYear: 2019,
        baselineYear: 2016,
      },
    ],
    programmes: [],
    indicators: [
      {
        id: 'new-users',
        name: name('新发现吸毒人员', 'Newly identified drug users'),
        unit: 'count',
        unitLabel: people,
        decimals: 0,
        better: 'lower',
        programme: null,
        headline: true,
        aggregation: 'flow',
      },
      {
        id: 'funding',
        name: name('累计投入经费', 'Funding to date'),
        unit: 'cny',
        decimals: 0,
        better: 'higher',
        programme: null,
        headline: true,
        aggregation: 'cumulative',
      },
      {
        id: 'share',
        name: name('吸毒人员占比', 'Drug users per 1,000'),
        unit: 'permille',
        decimals: 2,
        better: 'lower',
        programme: null,
        headline: true,
        aggregation: 'rate',
      },
      {
        id: 'cases',
        name: name('破获案件', 'Cases solved'),
        unit: 'count',
        decimals: 0,
        better: 'higher',
        programme: null,
        headline: true,
      },
    ],
    assessments: [],
  },
  observations: [
    ...rows('new-users', 'c', [500, 400, 300, 200]),
    ...rows('new-users', 'd', [152, 100, { year: 2018, value: 60, provisional: true }, 40]),
    ...rows('new-users', 't1', [
      30,
      20,
      { year: 2018, status: 'withheld', note: name('人数过少', 'Too few') },
      3,
    ]),
    ...rows('new-users', 't2', [12, { year: 2017, status: 'missing' }]),
    ...rows('new-users', 't3', [null, null, 9, 8]).filter((o) => o.year >= 2018),
    ...rows('funding', 'c', [0, 20_000_000, 45_000_000, 96_800_000]),
    ...rows('funding', 'd', [0, 5_000_000, 12_000_000, 29_680_000]),
    ...rows('funding', 't1', [{ year: 2016, status: 'not-applicable' }]),
    ...rows('share', 'c', [3.1, 2.8, 2.2, 1.9]),
    ...rows('share', 'd', [4.27, 3.5, 2.1, 1.27]),
    ...rows('share', 't1', [2, 1.5, 1.2, 1.1]),
    ...rows('cases', 'c', [90, 95, 99, 120]),
    ...rows('cases', 'd', [30, 31, 32, 33]),
  ],
  rankings: [],
};

/** Serve `dataset` (this one unless told) on BASE_11 for the current test. */
export function serve11(dataset: WireDataset = dataset11): void {
  server.use(...createHandlers(dataset, { baseUrl: BASE_11 }));
}
