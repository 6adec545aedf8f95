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
import type { Endpoint } from '@contract/query';
import { createService } from './app';
import { diffDatasets } from '../db/diff';
import { writeEdition } from '../db/write';
import type { Connection } from '../db/connect';
import { engines, freshDatabase } from '../test/databases';

const meta = demoDataset.meta;
const district = meta.regions.find((r) => r.level === 'district')?.id ?? '';
const township = meta.regions.find((r) => r.level === 'township')?.id ?? '';
const city = meta.regions.find((r) => r.parent === null)?.id ?? '';
const [ind1 = '', ind2 = ''] = meta.indicators.map((i) => i.id);
const assessment = meta.assessments[0]?.id ?? '';

/** Every parameter alone and in combination, including ids the data does not have. */
const QUERIES: [Endpoint, string][] = [
  ['meta', ''],
  ['observations', ''],
  ['observations', `indicator=${ind1}`],
  ['observations', `indicator=${ind1},${ind2}`],
  ['observations', `indicator=${ind1}&indicator=${ind2}`],
  ['observations', `region=${city}`],
  ['observations', `region=${district}`],
  ['observations', `region=${township}`],
  ['observations', 'region=nowhere'],
  ['observations', 'indicator=nothing'],
  ['observations', 'from=2018'],
  ['observations', 'to=2017'],
  ['observations', 'from=2017&to=2019'],
  ['observations', 'from=2020&to=2018'],
  ['observations', `region=${district}&indicator=${ind2}&from=2017&to=2019`],
  ['observations', `region=${district}&unknownParameter=1`],
  ['rankings', ''],
  ['rankings', `assessment=${assessment}`],
  ['rankings', `assessment=${assessment},nothing`],
  ['rankings', 'from=2018&to=2019'],
  ['rankings', `assessment=${assessment}&from=2019`],
];

const BAD: [string, RegExp][] = [
  ['observations?from=abc', /"from" must be an integer year/],
  ['observations?to=2019.5', /"to" must be an integer year/],
  ['observations?region=', /"region" must not be empty/],
  ['observations?region=a&region=b', /"region" is given more than once/],
  ['observations?indicator=a,,b', /comma-separated list/],
  ['rankings?from=x', /"from" must be an integer year/],
];

describe.each(engines)('data service on %s', (engine) => {
  let connection: Connection;
  let app: ReturnType<typeof createService>;
  const get = (path: string, headers: Record<string, string> = {}) =>
    app.request(`/api/v1/${path}`, { headers });

  beforeAll(async () => {
    connection = await freshDatabase(engine);
    await writeEdition(connection.db, demoDataset, diffDatasets(null, demoDataset), {
      fileName: 'demo.xlsx',
      checksum: 'a'.repeat(64),
    });
    app = createService({ db: connection.db, log: () => undefined });
  });
  afterAll(async () => {
    await connection.close();
  });

  it.each(QUERIES)('%s?%s answers what the contract says', async (endpoint, query) => {
    const res = await get(`${endpoint}?${query}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/json; charset=utf-8');
    const expected = respond(demoDataset, endpoint, new URLSearchParams(query));
    expect(await res.json()).toEqual(expected.body);
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
    expect(body).toEqual({ observations: demoDataset.observations });
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
    const obs: unknown = await (await app.request('/api/v1/observations')).json();
    expect(obs).toEqual({ observations: [] });
  });
});
