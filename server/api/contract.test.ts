// @vitest-environment node
/**
 * The service against the contract, on every engine: each endpoint and parameter answers
 * exactly what the reference semantics (contract/filter.ts, which the demo API also uses) answer
 * for the same dataset, plus the error shapes, ETag/304 and gzip.
 */
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoDataset } from '@mocks/demo/dataset';
import { respond } from '@contract/filter';
import { CAPABILITIES } from '@contract/types';
import { ALL_CAPABILITIES, parseObservationQuery, parseRankingQuery } from '@contract/query';
import type { Endpoint, ObservationQuery, RankingQuery } from '@contract/query';
import type { WireDataset } from '@contract/wire-types';
import { createService, observationsKey, rankingsKey } from './app';
import { diffDatasets } from '../db/diff';
import { writeEdition } from '../db/write';
import type { Connection } from '../db/connect';
import { engines, freshDatabase } from '../test/databases';
import { OUTSIDE_ASSESSMENT, withRevision11 } from '../test/dataset-11';

/** The demo data with every 1.1 field in use (validity years, aggregation, status, scope null…). */
const stored = withRevision11(demoDataset);
const meta = stored.meta;
const province = meta.regions.find((r) => r.parent === null)?.id ?? '';
const city = meta.regions.find((r) => r.level === 'city')?.id ?? '';
const district = meta.regions.find((r) => r.level === 'district')?.id ?? '';
const district2 = meta.regions.filter((r) => r.level === 'district')[1]?.id ?? '';
const township = meta.regions.find((r) => r.level === 'township')?.id ?? '';
/** A township of another district than `district`. */
const farTownship =
  meta.regions.find((r) => r.level === 'township' && r.parent !== district)?.id ?? '';
const [ind1 = '', ind2 = ''] = meta.indicators.map((i) => i.id);
const assessment = meta.assessments[0]?.id ?? '';
const ranked = stored.rankings.find((r) => r.assessment === assessment)?.region ?? '';
const ranked2 = stored.rankings.find((r) => r.region !== ranked)?.region ?? '';

/** Every parameter alone and in combination, including ids the data does not have. */
const QUERIES: [Endpoint, string][] = [
  ['meta', ''],
  ['observations', ''],
  ['observations', `indicator=${ind1}`],
  ['observations', `indicator=${ind1},${ind2}`],
  ['observations', `indicator=${ind1}&indicator=${ind2}`],
  ['observations', `region=${province}`],
  ['observations', `region=${city}`],
  ['observations', `region=${district}`],
  ['observations', `region=${township}`],
  ['observations', 'region=nowhere'],
  ['observations', 'indicator=nothing'],
  ['observations', 'from=2018'],
  ['observations', 'to=2017'],
  ['observations', 'from=2017&to=2019'],
  ['observations', 'from=2019&to=2019'],
  ['observations', `region=${district}&indicator=${ind2}&from=2017&to=2019`],
  ['observations', `region=${district}&unknownParameter=1`],
  // 1.1 region lists: the union, each cell once (overlapping and repeated entries too).
  ['observations', `region=${city},${district}`],
  ['observations', `region=${district},${farTownship}`],
  ['observations', `region=${district}&region=${district2}`],
  ['observations', `region=${district},${district}`],
  ['observations', `region=${district},nowhere`],
  ['observations', 'region=nowhere,elsewhere'],
  // 1.1 depth: 0 = own figures, 1 = and children, 2 = and grandchildren; without region: ignored.
  ['observations', `region=${city}&depth=0`],
  ['observations', `region=${city}&depth=1`],
  ['observations', `region=${city}&depth=2`],
  ['observations', `region=${province}&depth=1`],
  ['observations', `region=${province}&depth=99`],
  ['observations', `region=${township}&depth=0`],
  ['observations', `region=${city},${district}&depth=1`],
  ['observations', `region=${province},${district}&depth=0`],
  ['observations', 'depth=0'],
  // 1.1 level: alone, as a list, with regions and depth, and a level no region has here.
  ['observations', 'level=township'],
  ['observations', 'level=district,township'],
  ['observations', 'level=city&level=province'],
  ['observations', `region=${city}&level=township`],
  ['observations', `region=${city}&depth=1&level=district`],
  ['observations', `region=${city}&depth=1&level=township`],
  ['observations', `region=${city},${farTownship}&depth=1&level=district,township`],
  ['observations', `region=${district}&level=district&indicator=${ind1}&from=2018`],
  ['observations', 'region=nowhere&level=township'],
  ['rankings', ''],
  ['rankings', `assessment=${assessment}`],
  ['rankings', `assessment=${assessment},nothing`],
  ['rankings', `assessment=${OUTSIDE_ASSESSMENT}`],
  ['rankings', 'from=2018&to=2019'],
  ['rankings', `assessment=${assessment}&from=2019`],
  // 1.1 rankings region: those regions' rankings only, not their sub-regions'.
  ['rankings', `region=${ranked}`],
  ['rankings', `region=${ranked},${ranked2}`],
  ['rankings', `region=${ranked}&region=${ranked2}&assessment=${assessment}&from=2018`],
  ['rankings', `region=${province}`],
  ['rankings', 'region=nowhere'],
];

const BAD: [string, RegExp][] = [
  ['observations?from=abc', /"from" must be an integer year/],
  ['observations?to=2019.5', /"to" must be an integer year/],
  ['observations?from=2020&to=2018', /"from" \(2020\) is after "to" \(2018\)/],
  ['observations?from=2018&from=2019', /"from" is given more than once/],
  ['observations?region=', /"region" must be a comma-separated list of ids without blanks/],
  ['observations?region=a,,b', /"region" must be a comma-separated list/],
  ['observations?region=a,', /"region" must be a comma-separated list/],
  ['observations?indicator=a,,b', /comma-separated list/],
  ['observations?depth=-1', /"depth" must be an integer ≥ 0/],
  ['observations?depth=abc', /"depth" must be an integer ≥ 0/],
  ['observations?depth=1.5', /"depth" must be an integer ≥ 0/],
  ['observations?depth=', /"depth" must be an integer ≥ 0/],
  ['observations?depth=1&depth=2', /"depth" is given more than once/],
  ['observations?level=county', /"level" items must be province, city, district, township/],
  ['observations?level=district,', /"level" must be a comma-separated list/],
  ['observations?level=District', /"level" items must be/],
  ['rankings?from=x', /"from" must be an integer year/],
  ['rankings?from=2020&to=2019', /is after "to"/],
  ['rankings?region=a,,b', /"region" must be a comma-separated list/],
];

describe.each(engines)('data service on %s', (engine) => {
  let connection: Connection;
  let app: ReturnType<typeof createService>;
  /** What the service should serve: the stored data with its capabilities and dataVersion. */
  let reference: WireDataset;
  const get = (path: string, headers: Record<string, string> = {}) =>
    app.request(`/api/v1/${path}`, { headers });

  beforeAll(async () => {
    connection = await freshDatabase(engine);
    await writeEdition(connection.db, stored, diffDatasets(null, stored), {
      fileName: 'demo.xlsx',
      checksum: 'a'.repeat(64),
    });
    app = createService({ db: connection.db, log: () => undefined });
    const served = (await (await get('meta')).json()) as { dataVersion?: unknown };
    if (typeof served.dataVersion !== 'string') throw new Error('no dataVersion on /meta');
    reference = { ...stored, meta: { ...stored.meta, dataVersion: served.dataVersion } };
  });
  afterAll(async () => {
    await connection.close();
  });

  it('announces every 1.1 capability and a dataVersion that is the ETag', async () => {
    const res = await get('meta');
    const body = (await res.json()) as { capabilities: unknown; dataVersion: unknown };
    expect(body.capabilities).toEqual([...CAPABILITIES]);
    expect(body.capabilities).toEqual(['region-list', 'depth', 'level', 'rankings-region']);
    expect(`"${String(body.dataVersion)}"`).toBe(res.headers.get('etag'));
    // The test data uses every 1.1 field, so the comparisons below cover storing them.
    expect(stored.observations.some((o) => o.status !== undefined)).toBe(true);
    expect(meta.regions.some((r) => r.validFrom !== undefined)).toBe(true);
    expect(meta.regions.some((r) => r.validTo !== undefined)).toBe(true);
  });

  it.each(QUERIES)('%s?%s answers what the contract says', async (endpoint, query) => {
    const res = await get(`${endpoint}?${query}`);
    const expected = respond(reference, endpoint, new URLSearchParams(query));
    expect(res.status).toBe(expected.status);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/json; charset=utf-8');
    const body = (await res.json()) as Record<string, unknown>;
    expect(body).toEqual(expected.body);
    if (endpoint !== 'meta') expect(body.dataVersion).toBe(reference.meta.dataVersion);
  });

  it('answers a region list with depth with less than the whole data', async () => {
    const all = (await (await get('observations')).json()) as { observations: unknown[] };
    const some = (await (await get(`observations?region=${city},${district}&depth=1`)).json()) as {
      observations: unknown[];
    };
    expect(some.observations.length).toBeGreaterThan(0);
    expect(some.observations.length).toBeLessThan(all.observations.length);
  });

  it.each(BAD)('%s is a 400 with the error shape', async (path, message) => {
    const res = await get(path);
    expect(res.status).toBe(400);
    const body = (await res.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe('bad-request');
    expect(body.error.message).toMatch(message);
  });

  it('answers unknown API paths with a 404 in the error shape, and refuses writes', async () => {
    const res = await get('nothing-here');
    expect(res.status).toBe(404);
    expect(await res.json()).toEqual({
      error: { code: 'not-found', message: 'No such endpoint: /api/v1/nothing-here' },
    });
    const post = await app.request('/api/v1/observations', { method: 'POST' });
    expect(post.status).toBe(405);
    expect(post.headers.get('allow')).toBe('GET, HEAD');
  });

  it('sends an ETag and answers 304 to a client that has this edition', async () => {
    for (const path of ['meta', `observations?indicator=${ind1}`, 'rankings']) {
      const first = await get(path);
      const etag = first.headers.get('etag');
      expect(etag).toMatch(/^"v\d+-e\d+-a{16}"$/);
      const again = await get(path, { 'if-none-match': etag ?? '' });
      expect(again.status).toBe(304);
      expect(await again.text()).toBe('');
      const stale = await get(path, { 'if-none-match': '"v1-e0-old"' });
      expect(stale.status).toBe(200);
    }
  });

  it('compresses with gzip when the client accepts it', async () => {
    const res = await get('observations', { 'accept-encoding': 'gzip' });
    expect(res.headers.get('content-encoding')).toBe('gzip');
    const bytes = Buffer.from(await res.arrayBuffer());
    const body = JSON.parse(gunzipSync(bytes).toString('utf8')) as unknown;
    expect(body).toEqual({
      dataVersion: reference.meta.dataVersion,
      observations: stored.observations,
    });
    expect(bytes.length).toBeLessThan(JSON.stringify(body).length / 4);
  });

  it('allows only the configured origins to call it from another site', async () => {
    const open = createService({
      db: connection.db,
      corsOrigins: ['https://portal.example.gov.cn'],
    });
    const allowed = await open.request('/api/v1/meta', {
      headers: { origin: 'https://portal.example.gov.cn' },
    });
    expect(allowed.headers.get('access-control-allow-origin')).toBe(
      'https://portal.example.gov.cn',
    );
    const other = await open.request('/api/v1/meta', {
      headers: { origin: 'https://evil.example' },
    });
    expect(other.headers.get('access-control-allow-origin')).toBeNull();
    const closed = await get('meta', { origin: 'https://portal.example.gov.cn' });
    expect(closed.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('points the app at itself in config.json', async () => {
    const res = await app.request('/config.json');
    expect(await res.json()).toEqual({ apiBaseUrl: './api/v1' });
  });
});

describe.each(engines)('empty data service on %s', (engine) => {
  let connection: Connection;
  beforeAll(async () => {
    connection = await freshDatabase(engine);
  });
  afterAll(async () => {
    await connection.close();
  });

  it('serves a well-formed meta with no dimensions and empty lists before any import', async () => {
    const app = createService({ db: connection.db });
    const meta = (await (await app.request('/api/v1/meta')).json()) as Record<string, unknown>;
    expect(meta).toMatchObject({ apiVersion: 1, years: [], regions: [], indicators: [] });
    expect(meta.dataAsOf).toBeNull();
    expect(meta.dataVersion).toMatch(/^v\d+-empty$/);
    const obs: unknown = await (await app.request('/api/v1/observations?region=a,b')).json();
    expect(obs).toEqual({ dataVersion: meta.dataVersion, observations: [] });
  });
});

describe('response cache keys', () => {
  const key = (endpoint: 'observations' | 'rankings', query: string) => {
    const params = new URLSearchParams(query);
    const parsed =
      endpoint === 'observations'
        ? parseObservationQuery(params, ALL_CAPABILITIES)
        : parseRankingQuery(params, ALL_CAPABILITIES);
    if (!parsed.ok) throw new Error(parsed.message);
    return endpoint === 'observations'
      ? observationsKey(parsed.value as ObservationQuery)
      : rankingsKey(parsed.value as RankingQuery);
  };

  it('are the same for the same filters however the URL spells them', () => {
    expect(key('observations', 'region=b,a&level=township,district&depth=1')).toBe(
      key('observations', 'depth=1&level=district&level=township&region=a&region=b,a'),
    );
    expect(key('rankings', 'region=b,a&assessment=x')).toBe(
      key('rankings', 'assessment=x&region=a,b'),
    );
  });

  it('differ for every parameter that changes the answer', () => {
    const observations = [
      '',
      'region=a',
      'region=a,b',
      'region=a&depth=0',
      'region=a&depth=1',
      'region=a&level=township',
      'region=a&level=district',
      'level=township',
      'depth=1',
      'indicator=x',
      'from=2018',
      'to=2018',
    ].map((q) => key('observations', q));
    expect(new Set(observations).size).toBe(observations.length);
    const rankings = ['', 'region=a', 'region=a,b', 'assessment=a', 'from=2018', 'to=2018'].map(
      (q) => key('rankings', q),
    );
    expect(new Set(rankings).size).toBe(rankings.length);
  });
});
