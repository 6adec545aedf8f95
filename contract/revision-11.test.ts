/** Revision 1.1 at the boundary: query features by capability, versions, statuses, validity. */
import { describe, expect, it } from 'vitest';
import { ApiError } from './errors';
import { respond } from './filter';
import { parseMeta } from './parse-meta';
import { parseObservations, parseRankings } from './parse-records';
import { asVersion10 } from './version-10';
import type { WireDataset, WireRegion } from './wire-types';

const name = (zh: string) => ({ zh, en: zh });
const region = (id: string, level: WireRegion['level'], parent: string | null): WireRegion => ({
  id,
  level,
  parent,
  name: name(id),
});

const regions = [
  region('P', 'province', null),
  region('C', 'city', 'P'),
  region('D1', 'district', 'C'),
  region('D2', 'district', 'C'),
  region('T1', 'township', 'D1'),
  region('T2', 'township', 'D1'),
  region('T3', 'township', 'D2'),
];

const dataset: WireDataset = {
  meta: {
    apiVersion: 1,
    capabilities: ['region-list', 'depth', 'level', 'rankings-region'],
    dataVersion: 'ed-7',
    title: name('t'),
    source: name('s'),
    dataAsOf: '2020-01-01',
    years: [2019, 2020],
    regions,
    campaigns: [],
    programmes: [],
    indicators: [
      { id: 'n', name: name('n'), unit: 'count', decimals: 0, better: 'lower', programme: null },
    ],
    assessments: [{ id: 'a', name: name('a'), scope: 'C' }],
  },
  observations: regions.flatMap((r) =>
    [2019, 2020].map((year) => ({ indicator: 'n', region: r.id, year, value: 1 })),
  ),
  rankings: ['D1', 'D2'].map((r, i) => ({
    assessment: 'a',
    year: 2020,
    region: r,
    rank: i + 1,
    of: 2,
  })),
};

function regionsOf(query: string, data: WireDataset = dataset): string[] | number {
  const res = respond(data, 'observations', new URLSearchParams(query));
  if (res.status !== 200) return res.status;
  const body = res.body as { observations: { region: string; year: number }[] };
  return [...new Set(body.observations.map((o) => o.region))].sort();
}

describe('observations with the 1.1 query features', () => {
  it('answers a region list as the union of selections, each cell once', () => {
    const res = respond(dataset, 'observations', new URLSearchParams('region=D1,T1&to=2019'));
    const body = res.body as { observations: unknown[] };
    expect(body.observations).toHaveLength(3);
    expect(regionsOf('region=D1,D2&depth=0')).toEqual(['D1', 'D2']);
  });

  it('limits each listed region to depth levels below it', () => {
    expect(regionsOf('region=C&depth=0')).toEqual(['C']);
    expect(regionsOf('region=C&depth=1')).toEqual(['C', 'D1', 'D2']);
    expect(regionsOf('region=C,D1&depth=1')).toEqual(['C', 'D1', 'D2', 'T1', 'T2']);
    expect(regionsOf('region=P&depth=2')).toEqual(['C', 'D1', 'D2', 'P']);
  });

  it('keeps only the listed levels, inside the region when one is given', () => {
    expect(regionsOf('level=township')).toEqual(['T1', 'T2', 'T3']);
    expect(regionsOf('region=D1&level=township,district')).toEqual(['D1', 'T1', 'T2']);
  });

  it('answers malformed values with 400 and unknown ids with nothing', () => {
    for (const bad of ['depth=-1', 'depth=abc', 'depth=1.5', 'level=village', 'region=C,,D1']) {
      expect(regionsOf(bad), bad).toBe(400);
    }
    expect(regionsOf('from=2020&to=2019')).toBe(400);
    expect(regionsOf('region=nowhere,D2&depth=0')).toEqual(['D2']);
  });

  it('sends dataVersion on every answer', () => {
    const obs = respond(dataset, 'observations', new URLSearchParams()).body;
    const ranks = respond(dataset, 'rankings', new URLSearchParams()).body;
    expect(obs).toMatchObject({ dataVersion: 'ed-7' });
    expect(ranks).toMatchObject({ dataVersion: 'ed-7' });
  });

  it('answers rankings of the listed regions only', () => {
    const res = respond(dataset, 'rankings', new URLSearchParams('region=D2'));
    expect((res.body as { rankings: { region: string }[] }).rankings.map((r) => r.region)).toEqual([
      'D2',
    ]);
  });
});

describe('a test server serving a broken meta', () => {
  it('answers a region query without crashing on entries that are not regions', () => {
    const broken = {
      ...dataset,
      meta: { ...dataset.meta, regions: [null, ...regions] as unknown as WireRegion[] },
    };
    expect(regionsOf('region=C&depth=1', broken)).toEqual(['C', 'D1', 'D2']);
    expect(regionsOf('region=D1&level=township', broken)).toEqual(['T1', 'T2']);
  });
});

describe('the same data served as 1.0', () => {
  const old = asVersion10(dataset);

  it('lists no capabilities and no version, and ignores the 1.1 parameters', () => {
    expect(old.meta.capabilities).toBeUndefined();
    expect(respond(old, 'observations', new URLSearchParams()).body).not.toHaveProperty(
      'dataVersion',
    );
    // 1.0: "C,D1" is one id that meta does not define; depth and level are unknown parameters.
    expect(regionsOf('region=C,D1', old)).toEqual([]);
    expect(regionsOf('region=D1&depth=0&level=city', old)).toEqual(['D1', 'T1', 'T2']);
    expect(regionsOf('depth=-1', old)).toEqual(regions.map((r) => r.id).sort());
  });
});

describe('parsing 1.1 fields', () => {
  const meta11 = () => ({
    ...structuredClone(dataset.meta),
    capabilities: ['depth', 'teleport'],
    regions: [
      ...regions,
      { ...region('T4', 'township', 'D2'), validFrom: 2020 },
      { ...region('T5', 'township', 'D2'), validFrom: 2020, validTo: 2019 },
    ],
    indicators: [{ ...dataset.meta.indicators[0], aggregation: 'flow' }],
    assessments: [
      { id: 'a', name: name('a'), scope: null, scopeName: name('海南省'), scoreDecimals: 1 },
    ],
  });

  it('reads capabilities (unknown ones ignored), version, validity, aggregation, scope names', () => {
    const { data, issues } = parseMeta(meta11());
    expect(data.capabilities).toEqual(['depth']);
    expect(data.dataVersion).toBe('ed-7');
    expect(data.regions.find((r) => r.id === 'T4')).toMatchObject({ validFrom: 2020 });
    expect(data.regions.some((r) => r.id === 'T5')).toBe(false);
    expect(issues).toEqual([expect.objectContaining({ reason: 'bad-validity' })]);
    expect(data.indicators[0]?.aggregation).toBe('flow');
    expect(data.assessments[0]).toMatchObject({
      scope: null,
      scopeName: { zh: '海南省' },
      scoreDecimals: 1,
    });
    // Absent stays absent (higher is better by default), so 1.0 answers parse as before.
    expect(data.assessments[0]).not.toHaveProperty('better');
  });

  it('refuses an apiVersion other than 1 with a clear error', () => {
    let error: unknown;
    try {
      parseMeta({ ...meta11(), apiVersion: 2 });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).kind).toBe('version');
    expect((error as ApiError).message).toMatch(/version 2/);
  });

  it('keeps statuses, drops a status given with a value and a cell outside validity', () => {
    const meta = parseMeta(meta11()).data;
    const parsed = parseObservations(
      {
        dataVersion: 'ed-8',
        observations: [
          { indicator: 'n', region: 'T1', year: 2019, value: null, status: 'withheld' },
          { indicator: 'n', region: 'T2', year: 2019, value: 3, status: 'missing' },
          { indicator: 'n', region: 'T4', year: 2019, value: 3 },
          { indicator: 'n', region: 'T4', year: 2020, value: 4 },
          { indicator: 'n', region: 'T3', year: 2019, value: null, status: 'unknown' },
        ],
      },
      meta,
    );
    expect(parsed.dataVersion).toBe('ed-8');
    expect(parsed.data.map((o) => [o.region, o.year, o.status ?? null])).toEqual([
      ['T1', 2019, 'withheld'],
      ['T4', 2020, null],
    ]);
    expect(parsed.issues.map((i) => i.reason)).toEqual([
      'status-with-value',
      'outside-validity',
      'invalid',
    ]);
    expect(parseRankings({ rankings: [] }, meta).dataVersion).toBeNull();
  });
});
