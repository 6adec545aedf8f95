import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  brokenObservations,
  brokenRankings,
  brokenRecordCounts,
  HOSTILE_LABEL,
} from './broken-records';
import { asVersion10 } from '@contract/version-10';
import type { WireObservation } from '@contract/wire-types';
import { demoDataset } from './demo/dataset';
import { server } from './node';
import { HTML_ERROR_PAGE, MALFORMED_BODIES, scenarios } from './scenarios';

// The default handlers use a path base, which msw/node matches on any origin.
const BASE = 'http://localhost/api/v1';

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

describe('scenarios', () => {
  it('slow answers normally, later', async () => {
    // On a fake clock: no answer until the handler's 120 ms have passed, then the normal one.
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    try {
      server.use(scenarios.slow('rankings', 120));
      let answered = false;
      const pending = fetch(`${BASE}/rankings?assessment=city-overall`).then((r) => {
        answered = true;
        return r;
      });
      // Until the handler has started its wait (setImmediate is not faked, so this is no clock).
      while (vi.getTimerCount() === 0) await new Promise((resolve) => setImmediate(resolve));
      await vi.advanceTimersByTimeAsync(119);
      expect(answered).toBe(false);
      await vi.advanceTimersByTimeAsync(1);
      const response = await pending;
      expect(answered).toBe(true);
      const body = (await response.json()) as { rankings: unknown[] };
      expect(body.rankings).toHaveLength(7 * 4);
    } finally {
      vi.useRealTimers();
    }
  });

  it('serverError sends a 500 with the contract error body', async () => {
    server.use(scenarios.serverError('meta'));
    const response = await fetch(`${BASE}/meta`);
    expect(response.status).toBe(500);
    expect(await response.json()).toEqual({
      error: { code: 'internal', message: expect.any(String) as string },
    });
  });

  it('htmlError sends a proxy page with a 502', async () => {
    server.use(scenarios.htmlError('observations'));
    const response = await fetch(`${BASE}/observations`);
    expect(response.status).toBe(502);
    expect(response.headers.get('content-type')).toContain('text/html');
    expect(await response.text()).toBe(HTML_ERROR_PAGE);
  });

  it('malformed sends a 200 that is not JSON', async () => {
    server.use(scenarios.malformed('rankings'));
    const response = await fetch(`${BASE}/rankings`);
    expect(response.status).toBe(200);
    const text = await response.text();
    expect(text).toBe(MALFORMED_BODIES.rankings);
    expect(() => JSON.parse(text) as unknown).toThrow(SyntaxError);
  });

  it('brokenRecords appends the broken records to the demo records', async () => {
    server.use(...scenarios.brokenRecords());
    const obs = (await (await fetch(`${BASE}/observations?from=2020`)).json()) as {
      observations: unknown[];
    };
    expect(obs.observations).toHaveLength(
      demoDataset.observations.length + brokenRecordCounts.observations,
    );
    expect(obs.observations.slice(-brokenObservations.length)).toEqual(
      brokenObservations.map((b) => b.record),
    );
    expect(JSON.stringify(obs.observations)).toContain(HOSTILE_LABEL);
    const ranks = (await (await fetch(`${BASE}/rankings`)).json()) as { rankings: unknown[] };
    expect(ranks.rankings).toHaveLength(demoDataset.rankings.length + brokenRankings.length);
  });

  it('lists every kind of broken record the brief asks for', () => {
    const kinds = new Set([...brokenObservations, ...brokenRankings].map((b) => b.kind));
    for (const kind of [
      'value-nan-string',
      'value-infinity-string',
      'unknown-indicator',
      'unknown-region',
      'duplicate-cell',
      'rank-above-of',
      'year-as-string',
      'missing-value',
    ] as const) {
      expect(kinds.has(kind), kind).toBe(true);
    }
    expect(brokenRecordCounts).toEqual({ observations: 8, rankings: 6 });
  });

  it('hostileLabels puts markup into meta labels', async () => {
    server.use(scenarios.hostileLabels());
    const text = await (await fetch(`${BASE}/meta`)).text();
    expect(text).toContain(HOSTILE_LABEL);
  });

  it('version10 serves the same data as a 1.0 server', async () => {
    server.use(...scenarios.version10());
    const meta = (await (await fetch(`${BASE}/meta`)).json()) as Record<string, unknown>;
    expect(meta).toEqual(asVersion10(demoDataset).meta);
    expect(meta).not.toHaveProperty('capabilities');
    const obs = (await (await fetch(`${BASE}/observations?region=460100&depth=0`)).json()) as {
      observations: { region: string; status?: string }[];
    };
    // 1.0 ignores depth: the city and everything below it, and no statuses.
    expect(new Set(obs.observations.map((o) => o.region)).size).toBe(1 + 4 + 12);
    expect(obs).not.toHaveProperty('dataVersion');
    expect(obs.observations.some((o) => o.status !== undefined)).toBe(false);
  });

  it('unauthorized answers N requests, then 401 with the contract body until renewed', async () => {
    const { handlers, login } = scenarios.unauthorized({ after: 2 });
    server.use(...handlers);
    const statuses = async (paths: string[]) => {
      const out: number[] = [];
      for (const p of paths) out.push((await fetch(`${BASE}/${p}`)).status);
      return out;
    };
    expect(await statuses(['meta', 'observations?indicator=staff', 'rankings', 'meta'])).toEqual([
      200, 200, 401, 401,
    ]);
    const refused = await fetch(`${BASE}/observations`);
    expect(refused.status).toBe(401);
    expect(refused.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(await refused.json()).toEqual({
      error: { code: 'unauthorized', message: expect.any(String) as string },
    });
    login.renew();
    expect(await statuses(['meta', 'rankings'])).toEqual([200, 200]);
    login.expire();
    expect(await statuses(['meta'])).toEqual([401]);
  });

  it('unauthorized without a count waits to be toggled', async () => {
    const { handlers, login } = scenarios.unauthorized();
    server.use(...handlers);
    for (let i = 0; i < 5; i++) expect((await fetch(`${BASE}/meta`)).status).toBe(200);
    login.expire();
    expect((await fetch(`${BASE}/meta`)).status).toBe(401);
  });

  it('newEdition changes dataVersion and some values after N requests', async () => {
    const { handlers, editions } = scenarios.newEdition({ after: 2 });
    server.use(...handlers);
    const get = async (path: string) =>
      (await (await fetch(`${BASE}/${path}`)).json()) as {
        dataVersion?: string;
        observations?: WireObservation[];
      };
    const query = 'observations?region=460106&depth=0&indicator=new-users&from=2022';
    const meta = await get('meta');
    const first = await get(query);
    const second = await get(query);
    expect(first.dataVersion).toBe(meta.dataVersion);
    expect(second.dataVersion).not.toBe(meta.dataVersion);
    expect(second.dataVersion).toBe(editions.current.meta.dataVersion);
    expect(first.observations).toEqual([expect.objectContaining({ value: 5, provisional: true })]);
    expect(second.observations).toEqual([
      { indicator: 'new-users', region: '460106', year: 2022, value: 6 },
    ]);
    expect((await get('meta')).dataVersion).toBe(second.dataVersion);
  });

  it('newEdition publishes when told', async () => {
    const { handlers, editions } = scenarios.newEdition();
    server.use(...handlers);
    const version = async () =>
      ((await (await fetch(`${BASE}/rankings?region=460106`)).json()) as { dataVersion: string })
        .dataVersion;
    expect(await version()).toBe(demoDataset.meta.dataVersion);
    expect(await version()).toBe(demoDataset.meta.dataVersion);
    editions.publish();
    expect(await version()).not.toBe(demoDataset.meta.dataVersion);
  });

  it('leaves other endpoints alone', async () => {
    server.use(scenarios.serverError('meta'));
    expect((await fetch(`${BASE}/rankings`)).status).toBe(200);
  });
});
