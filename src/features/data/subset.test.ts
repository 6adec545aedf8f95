import { QueryClient } from '@tanstack/react-query';
import { describe, expect, it } from 'vitest';
import { demoDataset, parsedDemoMeta, respond } from '@/test/fixtures';
import { parseObservations } from '@contract/parse-records';
import { dataKeys } from './queries';
import { covers, fromCachedSuperset, narrowTo, subtreeIds } from './subset';
import type { RangeFilter } from './subset';
import type { Meta } from '@contract/types';

const meta = parsedDemoMeta();
/** The demo served by a 1.1 server, so region lists and depth are answered. */
const dataset11 = {
  ...demoDataset,
  meta: {
    ...demoDataset.meta,
    capabilities: ['region-list', 'depth'] as const,
  },
};

/** What a server speaking the contract answers for `f`, parsed the way the app parses it. */
function served(f: RangeFilter) {
  const params = new URLSearchParams();
  if (f.indicators) params.set('indicator', f.indicators.join(','));
  if (f.region !== undefined) params.set('region', f.region);
  if (f.regions !== undefined) params.set('region', f.regions.join(','));
  if (f.depth !== undefined) params.set('depth', String(f.depth));
  if (f.from !== undefined) params.set('from', String(f.from));
  if (f.to !== undefined) params.set('to', String(f.to));
  const result = respond(dataset11, 'observations', params);
  return parseObservations(result.body, meta);
}

describe('answering a narrow request from a wider cached response', () => {
  it('cuts 1.1 region lists with a depth exactly as the server would', () => {
    const indicators = ['new-users'];
    const wide = served({ indicators });
    const narrows: RangeFilter[] = [
      { indicators, regions: ['460100', '460106'], depth: 1 },
      { indicators, region: '460106', depth: 0 },
      { indicators, regions: ['460100'], depth: 0, from: 2018 },
    ];
    for (const narrow of narrows) {
      expect(covers(meta, { indicators }, narrow)).toBe(true);
      expect(narrowTo(meta, wide, narrow).data).toEqual(served(narrow).data);
      expect(served(narrow).data.length).toBeGreaterThan(0);
    }
    // A region's own figures do not hold its children's.
    expect(
      covers(meta, { indicators, region: '460106', depth: 0 }, { indicators, region: '460106' }),
    ).toBe(false);
    expect(
      covers(
        meta,
        { indicators, regions: ['460100'], depth: 1 },
        { indicators, region: '460106', depth: 0 },
      ),
    ).toBe(true);
  });

  const districts = meta.regions.filter((r) => r.level === 'district');
  const townships = meta.regions.filter((r) => r.level === 'township');
  const indicators = meta.indicators.slice(0, 3).map((i) => i.id);

  it('gives exactly what the server sends for every region, with and without year bounds', () => {
    const wide = served({ indicators });
    let compared = 0;
    for (const region of meta.regions)
      for (const range of [{}, { from: 2018 }, { from: 2017, to: 2019 }]) {
        const narrow = { indicators: indicators.slice(0, 2), region: region.id, ...range };
        expect(covers(meta, { indicators }, narrow)).toBe(true);
        expect(narrowTo(meta, wide, narrow).data, `${region.id} ${JSON.stringify(range)}`).toEqual(
          served(narrow).data,
        );
        compared += served(narrow).data.length;
      }
    expect(compared).toBeGreaterThan(1000);
  });

  it('never claims to cover what the wider response lacks', () => {
    const town = townships[0];
    const district = districts.find((d) => d.id === town?.parent);
    const elsewhere = districts.find((d) => d !== district);
    if (!district || !elsewhere || !town) throw new Error('demo meta changed');
    const i = indicators;
    expect(covers(meta, { indicators: i, region: district.id }, { indicators: i })).toBe(false);
    expect(
      covers(meta, { indicators: i, region: district.id }, { indicators: i, region: town.id }),
    ).toBe(true);
    expect(
      covers(meta, { indicators: i, region: district.id }, { indicators: i, region: elsewhere.id }),
    ).toBe(false);
    expect(covers(meta, { indicators: ['a'] }, { indicators: ['a', 'b'] })).toBe(false);
    expect(covers(meta, { indicators: ['a'] }, {})).toBe(false);
    expect(covers(meta, {}, { indicators: ['a'] })).toBe(true);
    expect(covers(meta, { from: 2018 }, { from: 2017 })).toBe(false);
    expect(covers(meta, { from: 2018 }, {})).toBe(false);
    expect(covers(meta, { to: 2020 }, { from: 2018, to: 2020 })).toBe(true);
    expect(covers(meta, { to: 2020 }, { to: 2021 })).toBe(false);
  });

  it('takes the freshest covering response from the cache, with its fetch time', () => {
    const client = new QueryClient();
    const base = '/api/v1';
    const district = districts[0];
    if (!district) throw new Error('demo meta changed');
    const narrow = { indicators: [indicators[0] ?? ''], region: district.id };
    const prefix = dataKeys.observations(base, narrow).slice(0, -1);
    expect(fromCachedSuperset(client, prefix, meta, narrow)).toBeUndefined();

    client.setQueryData(dataKeys.observations(base, { indicators }), served({ indicators }), {
      updatedAt: 1000,
    });
    // A response for another indicator does not cover it, whatever its age.
    client.setQueryData(dataKeys.observations(base, { indicators: ['other'] }), served({}), {
      updatedAt: 5000,
    });
    const hit = fromCachedSuperset(client, prefix, meta, narrow);
    expect(hit?.updatedAt).toBe(1000);
    expect(hit?.data.data).toEqual(served(narrow).data);

    client.setQueryData(dataKeys.observations(base, {}), served({}), { updatedAt: 2000 });
    expect(fromCachedSuperset(client, prefix, meta, narrow)?.updatedAt).toBe(2000);
    // Another API base is another server.
    const other = dataKeys.observations('/elsewhere', narrow).slice(0, -1);
    expect(fromCachedSuperset(client, other, meta, narrow)).toBeUndefined();
  });

  it('walks a subtree once per region, even through a parent cycle', () => {
    const broken = {
      ...meta,
      regions: [
        { id: 'a', level: 'city', parent: 'c', name: { zh: 'a', en: 'a' } },
        { id: 'b', level: 'district', parent: 'a', name: { zh: 'b', en: 'b' } },
        { id: 'c', level: 'township', parent: 'b', name: { zh: 'c', en: 'c' } },
      ],
    } as Meta;
    expect([...subtreeIds(broken, 'b')].sort()).toEqual(['a', 'b', 'c']);
  });
});
