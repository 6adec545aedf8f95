/**
 * The Node test server the browser tests and the bench use (e2e/support/api-server.ts): the same
 * data as a 1.1 or a 1.0 server, a login that expires and recovers, a new edition. A real HTTP
 * server on 127.0.0.1, in this process.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { asVersion10 } from '@contract/version-10';
import type { WireDataset } from '@contract/wire-types';
import { serveApi } from '../e2e/support/api-server';
import type { ApiServer, ServeApiOptions } from '../e2e/support/api-server';
import { demoDataset } from './demo/dataset';

const running: ApiServer[] = [];
afterEach(async () => {
  await Promise.all(running.splice(0).map((s) => s.close()));
});

async function start(dataset: WireDataset, options?: ServeApiOptions): Promise<ApiServer> {
  const api = await serveApi(dataset, options);
  running.push(api);
  return api;
}

async function get(api: ApiServer, path: string) {
  const response = await fetch(`${api.url}/${path}`);
  const text = await response.text();
  return {
    status: response.status,
    body: JSON.parse(text) as Record<string, unknown>,
    cors: response.headers.get('access-control-allow-origin'),
    type: response.headers.get('content-type'),
  };
}

const regionCount = async (api: ApiServer, query: string) => {
  const { body } = await get(api, `observations?${query}`);
  return new Set((body.observations as { region: string }[]).map((o) => o.region)).size;
};

describe('serveApi: revision', () => {
  it('serves the demo as it is: a 1.1 server', async () => {
    const api = await start(demoDataset);
    const { body } = await get(api, 'meta');
    expect(body).toEqual(demoDataset.meta);
    expect(await regionCount(api, 'region=460100&depth=0')).toBe(1);
  });

  it('serves the same data as a 1.0 server side by side', async () => {
    const [v11, v10] = await Promise.all([
      start(demoDataset, { revision: '1.1' }),
      start(demoDataset, { revision: '1.0' }),
    ]);
    expect((await get(v10, 'meta')).body).toEqual(asVersion10(demoDataset).meta);
    expect(await regionCount(v11, 'region=460100&depth=0')).toBe(1);
    expect(await regionCount(v10, 'region=460100&depth=0')).toBe(1 + 4 + 12);
    const obs = await get(v10, 'observations?indicator=funding');
    expect(obs.body).not.toHaveProperty('dataVersion');
  });

  it('makes a 1.0 dataset a 1.1 server', async () => {
    const api = await start(asVersion10(demoDataset), { revision: '1.1' });
    const meta = (await get(api, 'meta')).body;
    expect(meta.capabilities).toEqual(['region-list', 'depth', 'level', 'rankings-region']);
    expect(meta.dataVersion).toMatch(/^[0-9a-f]{12}$/);
    expect((await get(api, 'rankings')).body.dataVersion).toBe(meta.dataVersion);
  });
});

describe('serveApi: an expired login', () => {
  it('answers 401 with the contract body and CORS headers when toggled, then recovers', async () => {
    const api = await start(demoDataset);
    expect((await get(api, 'meta')).status).toBe(200);
    api.login.expire();
    const refused = await get(api, 'observations');
    expect(refused.status).toBe(401);
    expect(refused.cors).toBe('*');
    expect(refused.type).toBe('application/json; charset=utf-8');
    expect(refused.body).toEqual({
      error: { code: 'unauthorized', message: expect.any(String) as string },
    });
    api.login.renew();
    expect((await get(api, 'observations?indicator=staff')).status).toBe(200);
  });

  it('expires after N requests when asked to', async () => {
    const api = await start(demoDataset, { expireLoginAfter: 3 });
    const statuses: number[] = [];
    for (const path of ['meta', 'observations?indicator=staff', 'rankings', 'meta', 'rankings'])
      statuses.push((await get(api, path)).status);
    expect(statuses).toEqual([200, 200, 200, 401, 401]);
    expect(api.requests).toHaveLength(5);
  });

  it('answers a browser preflight without counting it', async () => {
    const api = await start(demoDataset, { expireLoginAfter: 1 });
    const preflight = await fetch(`${api.url}/meta`, { method: 'OPTIONS' });
    expect(preflight.status).toBe(204);
    expect((await get(api, 'meta')).status).toBe(200);
    expect((await get(api, 'meta')).status).toBe(401);
  });
});

describe('serveApi: a new edition', () => {
  it('changes dataVersion and values after N requests', async () => {
    const api = await start(demoDataset, { publishEditionAfter: 1 });
    const query = 'observations?region=460106&depth=0&indicator=staff&from=2022';
    const before = await get(api, query);
    const after = await get(api, query);
    expect(before.body.dataVersion).toBe(demoDataset.meta.dataVersion);
    expect(after.body.dataVersion).toBe(api.edition.current.meta.dataVersion);
    expect(after.body.dataVersion).not.toBe(before.body.dataVersion);
    expect(before.body.observations).not.toEqual(after.body.observations);
  });

  it('publishes when told; a 1.0 edition changes values without a version', async () => {
    const api = await start(demoDataset, { revision: '1.0' });
    const query = 'observations?region=460106&indicator=staff&from=2022';
    const before = await get(api, query);
    api.edition.publish();
    const after = await get(api, query);
    expect(after.body).not.toHaveProperty('dataVersion');
    expect(before.body.observations).not.toEqual(after.body.observations);
  });
});

describe('serveApi: methods', () => {
  it('answers a write with a contract 405', async () => {
    const api = await start(demoDataset);
    const response = await fetch(`${api.url}/meta`, { method: 'POST', body: '{}' });
    expect(response.status).toBe(405);
    expect(response.headers.get('allow')).toBe('GET, HEAD');
    expect(await response.json()).toMatchObject({ error: { code: 'method-not-allowed' } });
  });
});

describe('serveApi: injected faults', () => {
  it('sends the contract code for an injected status', async () => {
    const api = await start(demoDataset);
    api.faults.set('rankings', { kind: 'status', status: 503 });
    const answer = await get(api, 'rankings');
    expect(answer.status).toBe(503);
    expect(answer.body).toMatchObject({ error: { code: 'unavailable' } });
  });
});
