import { getResponse } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { WireObservation, WireRanking } from '@contract/wire-types';
import { demoDataset } from './demo/dataset';
import { existsIn, LONGHUA, LONGHUA_TOWNSHIP_IDS } from './demo/regions';
import { createHandlers, handlers } from './handlers';
import { matchEndpoint } from '@contract/query';
import { asVersion10 } from '@contract/version-10';

const BASE = 'http://localhost/api/v1';
const server = setupServer(...createHandlers(demoDataset, { baseUrl: BASE }));

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

async function getJson(path: string): Promise<{ status: number; body: unknown; type: string }> {
  const response = await fetch(`${BASE}${path}`);
  return {
    status: response.status,
    body: await response.json(),
    type: response.headers.get('content-type') ?? '',
  };
}

async function observations(query: string): Promise<WireObservation[]> {
  const { status, body } = await getJson(`/observations${query}`);
  expect(status).toBe(200);
  return (body as { observations: WireObservation[] }).observations;
}

async function rankings(query: string): Promise<WireRanking[]> {
  const { status, body } = await getJson(`/rankings${query}`);
  expect(status).toBe(200);
  return (body as { rankings: WireRanking[] }).rankings;
}

const distinct = <T>(items: readonly T[]): T[] => [...new Set(items)].sort();

describe('/meta', () => {
  it('serves the meta as JSON in UTF-8', async () => {
    const { status, body, type } = await getJson('/meta');
    expect(status).toBe(200);
    expect(type).toBe('application/json; charset=utf-8');
    expect(body).toEqual(demoDataset.meta);
  });
});

describe('/observations', () => {
  it('serves everything without parameters', async () => {
    expect(await observations('')).toHaveLength(demoDataset.observations.length);
  });

  it('treats from and to as inclusive bounds', async () => {
    expect(distinct((await observations('?from=2017&to=2019')).map((o) => o.year))).toEqual([
      2017, 2018, 2019,
    ]);
    expect(distinct((await observations('?from=2021')).map((o) => o.year))).toEqual([2021, 2022]);
    expect(distinct((await observations('?to=2016')).map((o) => o.year))).toEqual([2016]);
    // 1.1: from after to is malformed, a 400 rather than an empty answer.
    expect((await getJson('/observations?from=2019&to=2018')).status).toBe(400);
  });

  it('includes a region and every region below it', async () => {
    const longhua = distinct((await observations('?region=460106')).map((o) => o.region));
    expect(longhua).toEqual(distinct(['460106', ...LONGHUA_TOWNSHIP_IDS]));
    const city = distinct((await observations('?region=460100')).map((o) => o.region));
    expect(city).toHaveLength(1 + 4 + LONGHUA_TOWNSHIP_IDS.length);
    const province = await observations('?region=460000');
    expect(province).toHaveLength(demoDataset.observations.length);
    expect(distinct((await observations('?region=460106001')).map((o) => o.region))).toEqual([
      '460106001',
    ]);
    expect(await observations('?region=999999')).toEqual([]);
  });

  it('accepts one or more indicators', async () => {
    expect(distinct((await observations('?indicator=new-users')).map((o) => o.indicator))).toEqual([
      'new-users',
    ]);
    const two = await observations('?indicator=new-users,user-share');
    expect(distinct(two.map((o) => o.indicator))).toEqual(['new-users', 'user-share']);
    expect(await observations('?indicator=no-such-thing')).toEqual([]);
  });

  it('combines all parameters', async () => {
    const rows = await observations('?region=460106&indicator=new-users&from=2016&to=2019');
    // A township has figures only within its validity years (1.1): the renamed town 2016–2018,
    // its successor from 2019.
    const cells = [LONGHUA, ...LONGHUA_TOWNSHIP_IDS].flatMap((id) => {
      const region = demoDataset.meta.regions.find((r) => r.id === id);
      return region ? [2016, 2017, 2018, 2019].filter((year) => existsIn(region, year)) : [];
    });
    expect(cells).toHaveLength((1 + LONGHUA_TOWNSHIP_IDS.length - 1) * 4);
    expect(rows).toHaveLength(cells.length);
    const longhua = rows.filter((o) => o.region === '460106').map((o) => o.value);
    expect(longhua).toEqual([152, 96, 41, 10]);
  });

  it.each([
    ['?from=20x6'],
    ['?to=2019.5'],
    ['?from='],
    ['?from=2017&from=2018'],
    ['?indicator='],
    ['?indicator=new-users,,user-share'],
    ['?region='],
  ])('rejects %s with a contract error', async (query) => {
    const { status, body, type } = await getJson(`/observations${query}`);
    expect(status).toBe(400);
    expect(type).toContain('application/json');
    expect(body).toEqual({ error: { code: 'bad-request', message: expect.any(String) as string } });
  });
});

describe('revision 1.1 query features', () => {
  it('lists them in meta and sends the dataVersion on every answer', async () => {
    const { body } = await getJson('/meta');
    const meta = body as { capabilities: string[]; dataVersion: string };
    expect(meta.capabilities).toEqual(['region-list', 'depth', 'level', 'rankings-region']);
    for (const path of ['/observations?indicator=staff', '/rankings?region=460106']) {
      const answer = await getJson(path);
      expect(answer.body, path).toMatchObject({ dataVersion: meta.dataVersion });
    }
  });

  it('answers a region list with depth: a city and a district with their children', async () => {
    const rows = await observations('?region=460100,460106&depth=1&indicator=new-users&to=2019');
    expect(distinct(rows.map((o) => o.region))).toEqual(
      distinct(['460100', '460105', '460106', '460107', '460108', ...LONGHUA_TOWNSHIP_IDS]),
    );
    const cells = rows.map((o) => `${o.region}|${String(o.year)}`);
    expect(new Set(cells).size).toBe(cells.length);
    expect(distinct((await observations('?region=460100&depth=0')).map((o) => o.region))).toEqual([
      '460100',
    ]);
  });

  it('keeps only the listed levels', async () => {
    const rows = await observations('?region=460100&level=district&indicator=staff');
    expect(distinct(rows.map((o) => o.region))).toEqual(['460105', '460106', '460107', '460108']);
  });

  it('answers rankings of the listed regions only', async () => {
    const rows = await rankings('?region=460106,460108&assessment=city-overall');
    expect(distinct(rows.map((r) => r.region))).toEqual(['460106', '460108']);
    expect(rows).toHaveLength(2 * 7);
  });

  it.each([['?depth=-1'], ['?depth=1.5'], ['?level=village'], ['?region=460100,,460106']])(
    'rejects %s with a 400',
    async (query) => {
      expect((await getJson(`/observations${query}`)).status).toBe(400);
    },
  );
});

describe('/rankings', () => {
  it('serves everything without parameters', async () => {
    expect(await rankings('')).toHaveLength(demoDataset.rankings.length);
  });

  it('filters by assessment list and inclusive years', async () => {
    const one = await rankings('?assessment=city-overall');
    expect(distinct(one.map((r) => r.assessment))).toEqual(['city-overall']);
    const two = await rankings('?assessment=city-overall,province-overall&from=2017&to=2019');
    expect(distinct(two.map((r) => r.assessment))).toEqual(['city-overall', 'province-overall']);
    expect(distinct(two.map((r) => r.year))).toEqual([2017, 2018, 2019]);
    expect(two).toHaveLength(2 * 3 * 4);
  });

  it('rejects a non-integer year', async () => {
    const { status, body } = await getJson('/rankings?to=last');
    expect(status).toBe(400);
    expect((body as { error: { code: string } }).error.code).toBe('bad-request');
  });
});

describe('routing', () => {
  it('answers unknown endpoints under the base with a contract 404', async () => {
    const { status, body } = await getJson('/nothing-here');
    expect(status).toBe(404);
    expect((body as { error: { code: string } }).error.code).toBe('not-found');
  });

  it('answers any method but GET with a contract 405', async () => {
    for (const method of ['POST', 'PUT', 'DELETE']) {
      const response = await fetch(`${BASE}/observations`, { method });
      expect(response.status, method).toBe(405);
      expect(response.headers.get('allow')).toBe('GET');
      expect(((await response.json()) as { error: { code: string } }).error.code).toBe(
        'method-not-allowed',
      );
    }
  });

  it('serves the same data as a 1.0 server when asked to', async () => {
    const old = createHandlers(demoDataset, { revision: '1.0' });
    const response = await getResponse(old, new Request('http://localhost/api/v1/meta'));
    const meta = (await response?.json()) as Record<string, unknown>;
    expect(meta).toEqual(asVersion10(demoDataset).meta);
    expect(meta).not.toHaveProperty('capabilities');
  });

  it('serves an absolute base only on its own origin', async () => {
    const remote = createHandlers(demoDataset, {
      baseUrl: 'https://data.example.gov.cn/api/v1/',
    });
    const hit = await getResponse(
      remote,
      new Request('https://data.example.gov.cn/api/v1/observations?indicator=staff'),
    );
    expect(hit?.status).toBe(200);
    const miss = await getResponse(remote, new Request('https://elsewhere.example/api/v1/meta'));
    expect(miss).toBeUndefined();
  });

  it('serves the default path base on any origin', async () => {
    for (const origin of ['http://localhost', 'http://localhost:3000', 'https://demo.example']) {
      const response = await getResponse(handlers, new Request(`${origin}/api/v1/meta`));
      expect(response?.status, origin).toBe(200);
    }
  });

  it('maps paths to endpoints for a plain Node server', () => {
    expect(matchEndpoint('/api/v1/observations', '/api/v1/')).toBe('observations');
    expect(matchEndpoint('/api/v1/meta', '/api/v1')).toBe('meta');
    expect(matchEndpoint('/api/v1/other', '/api/v1')).toBeNull();
    expect(matchEndpoint('/api/v2/meta', '/api/v1')).toBeNull();
  });
});
