// @vitest-environment node
/**
 * Load limits (issue 12.3): answers are cached per edition and query, identical concurrent
 * requests share one build, the number of builds is bounded (beyond it 503 + Retry-After in
 * the contract's error shape), a build has a time limit, and a build whose client has gone is
 * aborted. Builds are observed and held up through the build hook, never by timing.
 */
import { request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gunzipSync } from 'node:zlib';
import { serve } from '@hono/node-server';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { demoDataset } from '@mocks/demo/dataset';
import type { WireDataset } from '@contract/wire-types';
import { createService } from './app';
import { ClientGoneError, createResponses } from './load/responses';
import type { BuildHook, LoadLimits } from './load/responses';
import { BusyError, createGate } from './load/gate';
import { diffDatasets } from '../db/diff';
import { writeEdition } from '../db/write';
import { freshDatabase } from '../test/databases';
import { syntheticDataset } from '../../bench/synthetic';
import type { TestDatabase } from '../test/databases';

const API = '/api/v1';
const [IND1 = '', IND2 = ''] = demoDataset.meta.indicators.map((i) => i.id);
const GZIP = { 'accept-encoding': 'gzip' };

/** Yield to the event loop until `check` holds (a condition, not a clock). */
async function until(check: () => boolean): Promise<void> {
  for (let i = 0; i < 10_000 && !check(); i++)
    await new Promise((resolve) => setImmediate(resolve));
  if (!check()) throw new Error('condition never held');
}

/** A gate for builds: `hold(key)` keeps matching builds waiting until `release()`. */
function holdBuilds(matching: RegExp) {
  const started: string[] = [];
  const signals: AbortSignal[] = [];
  let open!: () => void;
  const released = new Promise<void>((resolve) => (open = resolve));
  const hook: BuildHook = async (key, signal) => {
    started.push(key);
    signals.push(signal);
    if (!matching.test(key)) return;
    // Held until released, or until the build is aborted (client gone, time limit).
    await Promise.race([
      released,
      new Promise<void>((resolve) => signal.addEventListener('abort', () => resolve())),
    ]);
  };
  return { hook, started, signals, release: () => open() };
}

async function store(database: TestDatabase, dataset: WireDataset, name: string) {
  return writeEdition(database.db, dataset, diffDatasets(null, dataset), {
    fileName: name,
    checksum: name.padEnd(64, '0'),
  });
}

function service(database: TestDatabase, limits: Partial<LoadLimits>, hook?: BuildHook) {
  const responses = createResponses(limits, hook);
  const app = createService({ db: database.db, responses, log: () => undefined });
  return { app, responses };
}

async function expectBusy(res: Response): Promise<void> {
  expect(res.status).toBe(503);
  expect(res.headers.get('retry-after')).toMatch(/^[1-9]\d*$/);
  expect(res.headers.get('content-type')).toMatch(/^application\/json/);
  expect(await res.json()).toEqual({
    error: { code: 'unavailable', message: expect.any(String) as string },
  });
}

describe('load limits', () => {
  let database: TestDatabase;
  beforeEach(async () => {
    database = await freshDatabase('sqlite');
    await store(database, demoDataset, 'first.xlsx');
  });
  afterEach(async () => {
    await database.close();
  });

  it('serves a cached answer: same bytes, same ETag, no second build', async () => {
    const builds = holdBuilds(/^$/);
    const { app } = service(database, {}, builds.hook);
    const first = await app.request(`${API}/observations?indicator=${IND1},${IND2}`);
    // The same filters spelt differently are the same answer.
    const second = await app.request(`${API}/observations?indicator=${IND2}&indicator=${IND1}`);
    expect(first.status).toBe(200);
    expect(second.headers.get('etag')).toBe(first.headers.get('etag'));
    const body = await first.text();
    expect(await second.text()).toBe(body);
    expect(builds.started.filter((k) => k.includes('observations'))).toHaveLength(1);
    // Byte for byte what JSON.stringify writes (the reference `respond()` body, key order too):
    // the answer's dataVersion (1.1) is its ETag's opaque tag.
    const cells = demoDataset.observations.filter(
      (o) => o.indicator === IND1 || o.indicator === IND2,
    );
    const dataVersion = (first.headers.get('etag') ?? '').replace(/^"|"$/g, '');
    expect(body).toBe(JSON.stringify({ dataVersion, observations: cells }));
    // gzip: the same text, the compress middleware's weak ETag and Vary.
    const zipped = await app.request(`${API}/observations?indicator=${IND1},${IND2}`, {
      headers: GZIP,
    });
    expect(zipped.headers.get('content-encoding')).toBe('gzip');
    expect(zipped.headers.get('etag')).toBe(`W/${first.headers.get('etag') ?? ''}`);
    expect(zipped.headers.get('vary')).toMatch(/accept-encoding/i);
    expect(gunzipSync(Buffer.from(await zipped.arrayBuffer())).toString()).toBe(body);
    expect(builds.started.filter((k) => k.includes('observations'))).toHaveLength(1);
  });

  it('builds afresh for a new edition', async () => {
    const builds = holdBuilds(/^$/);
    const { app } = service(database, {}, builds.hook);
    const before = await app.request(`${API}/observations?indicator=${IND1}`);
    const changed: WireDataset = {
      ...demoDataset,
      meta: { ...demoDataset.meta, dataAsOf: '2030-01-01' },
      observations: demoDataset.observations.map((o) =>
        o.indicator === IND1 ? { ...o, value: 4242 } : o,
      ),
    };
    await store(database, changed, 'second.xlsx');
    const after = await app.request(`${API}/observations?indicator=${IND1}`);
    expect(after.headers.get('etag')).not.toBe(before.headers.get('etag'));
    const body = (await after.json()) as { observations: { value: number | null }[] };
    expect(body.observations.every((o) => o.value === 4242)).toBe(true);
    const meta = (await (await app.request(`${API}/meta`)).json()) as { dataAsOf: string };
    expect(meta.dataAsOf).toBe('2030-01-01');
    expect(builds.started.filter((k) => k.includes('observations'))).toHaveLength(2);
  });

  it('shares one build among identical concurrent requests', async () => {
    const builds = holdBuilds(/observations/);
    const { app, responses } = service(
      database,
      { concurrentBuilds: 1, queuedBuilds: 0 },
      builds.hook,
    );
    const all = Array.from({ length: 6 }, () =>
      Promise.resolve(app.request(`${API}/observations`)),
    );
    await until(() => responses.waiters() === 6);
    builds.release();
    const answers = await Promise.all(all);
    expect(answers.map((r) => r.status)).toEqual([200, 200, 200, 200, 200, 200]);
    const bodies = await Promise.all(answers.map((r) => r.text()));
    expect(new Set(bodies).size).toBe(1);
    expect(builds.started.filter((k) => k.includes('observations'))).toHaveLength(1);
  });

  it('refuses builds beyond the limit with 503 + Retry-After; cheap answers still flow', async () => {
    const builds = holdBuilds(/observations \["/);
    const { app, responses } = service(
      database,
      { concurrentBuilds: 1, queuedBuilds: 0, retryAfterSeconds: 3 },
      builds.hook,
    );
    // Warm: the unfiltered answer is cached, /meta too.
    const warm = await app.request(`${API}/observations`);
    const etag = warm.headers.get('etag') ?? '';
    await app.request(`${API}/meta`);
    // One build holds the only slot…
    const holding = app.request(`${API}/observations?region=460106`);
    await until(() => responses.gate.running === 1);
    // …so another build is refused at once, in the contract's shape.
    const refused = await app.request(`${API}/observations?region=460107`);
    await expectBusy(refused);
    expect(refused.headers.get('retry-after')).toBe('3');
    // Meta, cached answers and revalidations are never refused.
    expect((await app.request(`${API}/meta`)).status).toBe(200);
    expect((await app.request(`${API}/observations`)).status).toBe(200);
    const revalidated = await app.request(`${API}/observations?indicator=x`, {
      headers: { 'if-none-match': etag },
    });
    expect(revalidated.status).toBe(304);
    builds.release();
    expect((await holding).status).toBe(200);
    expect(responses.gate.running).toBe(0);
  });

  it('answers 503 when a build runs past the time limit', async () => {
    const builds = holdBuilds(/observations/);
    const { app } = service(database, { requestTimeoutMs: 20 }, builds.hook);
    await expectBusy(await app.request(`${API}/observations`));
    expect(builds.signals[builds.signals.length - 1]?.aborted).toBe(true);
    // The abandoned build is not joined: the next request starts one of its own.
    builds.release();
    await app.request(`${API}/observations`);
    expect(builds.started.filter((k) => k.includes('observations'))).toHaveLength(2);
  });

  it('stops building when the client disconnects', async () => {
    const builds = holdBuilds(/observations/);
    const { app, responses } = service(database, { abandonGraceMs: 0 }, builds.hook);
    const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' });
    await new Promise<void>((resolve) => server.once('listening', () => resolve()));
    const { port } = server.address() as AddressInfo;
    try {
      const req = httpRequest({ host: '127.0.0.1', port, path: `${API}/observations` });
      req.on('error', () => undefined);
      req.end();
      await until(() => builds.signals.length === 1);
      req.destroy();
      const signal = builds.signals[0];
      await until(() => signal?.aborted === true);
      expect(signal?.reason).toBeInstanceOf(ClientGoneError);
      await until(() => responses.gate.running === 0);
      expect(responses.waiters()).toBe(0);
      expect(responses.cache.size).toBe(0);
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });
});

describe('a crowd of requests', () => {
  it('starts a few per turn of the event loop, and each batch asks for the edition once', async () => {
    // libuv accepts one new connection per turn: a turn that runs every pending request keeps
    // newcomers waiting (the demo-scale flood's timeouts, bench-results/server-flood.md).
    const database = await freshDatabase('sqlite');
    try {
      await store(database, demoDataset, 'first.xlsx');
      const turns = { now: 0, running: true };
      const tick = () => {
        if (!turns.running) return;
        turns.now++;
        setImmediate(tick);
      };
      setImmediate(tick);
      // When each "which edition is current?" lookup of a request is made.
      const lookups: number[] = [];
      const db = database.db.withPlugin({
        transformQuery({ node }) {
          if (node.kind === 'SelectQueryNode' && JSON.stringify(node).includes('"editions"'))
            lookups.push(turns.now);
          return node;
        },
        transformResult: ({ result }) => Promise.resolve(result),
      });
      const responses = createResponses({ startsPerTurn: 2 });
      const app = createService({ db, buildDb: database.db, responses, log: () => undefined });
      await app.request(`${API}/meta`); // cached from now on
      lookups.length = 0;
      const answers = await Promise.all(
        Array.from({ length: 12 }, () => Promise.resolve(app.request(`${API}/meta`))),
      );
      turns.running = false;
      expect(answers.map((r) => r.status)).toEqual(Array.from({ length: 12 }, () => 200));
      const perTurn = new Map<number, number>();
      for (const turn of lookups) perTurn.set(turn, (perTurn.get(turn) ?? 0) + 1);
      // Spread over turns (12 requests, 2 a turn) rather than all in one…
      expect(perTurn.size).toBeGreaterThanOrEqual(5);
      expect(Math.max(...perTurn.values())).toBeLessThanOrEqual(2);
      // …and the requests let go together looked the edition up once.
      expect(lookups.length).toBeLessThanOrEqual(7);
    } finally {
      await database.close();
    }
  });

  it('sees a new edition in the next request, batched or not', async () => {
    const database = await freshDatabase('sqlite');
    try {
      await store(database, demoDataset, 'first.xlsx');
      const { app } = service(database, { startsPerTurn: 1 });
      const crowd = Array.from({ length: 4 }, () => Promise.resolve(app.request(`${API}/meta`)));
      const before = (await Promise.all(crowd)).map((r) => r.headers.get('etag'));
      expect(new Set(before).size).toBe(1);
      await store(
        database,
        { ...demoDataset, meta: { ...demoDataset.meta, dataAsOf: '2030-01-01' } },
        'second.xlsx',
      );
      const after = await Promise.all(
        Array.from({ length: 4 }, () => Promise.resolve(app.request(`${API}/meta`))),
      );
      for (const res of after) {
        expect(res.headers.get('etag')).not.toBe(before[0]);
        expect(((await res.json()) as { dataAsOf: string }).dataAsOf).toBe('2030-01-01');
      }
    } finally {
      await database.close();
    }
  });

  it('gives every answer nosniff and no-referrer', async () => {
    const database = await freshDatabase('sqlite');
    try {
      await store(database, demoDataset, 'first.xlsx');
      const { app } = service(database, {});
      const first = await app.request(`${API}/observations`, { headers: GZIP });
      const urls = [
        `${API}/observations`,
        `${API}/meta`,
        `${API}/nope`,
        `${API}/observations?from=x`,
      ];
      const answers = [
        first,
        ...(await Promise.all(urls.map((u) => Promise.resolve(app.request(u, { headers: GZIP }))))),
        await app.request(`${API}/meta`, {
          headers: { 'if-none-match': first.headers.get('etag') ?? '' },
        }),
      ];
      expect(answers.map((r) => r.status)).toEqual([200, 200, 200, 404, 400, 304]);
      for (const res of answers) {
        expect(res.headers.get('x-content-type-options')).toBe('nosniff');
        expect(res.headers.get('referrer-policy')).toBe('no-referrer');
      }
    } finally {
      await database.close();
    }
  });
});

describe('a big answer', () => {
  it('goes out whole, in slices, with its length', async () => {
    const database = await freshDatabase('sqlite');
    try {
      // ≈ 5,400 cells, ≈ 350 KB of JSON: more than one slice.
      const big = syntheticDataset({ districts: 5, townships: 10, indicators: 12, years: 8 });
      await store(database, big, 'big.xlsx');
      const { app } = service(database, {});
      const res = await app.request(`${API}/observations`);
      const text = await res.text();
      const dataVersion = (res.headers.get('etag') ?? '').replace(/^"|"$/g, '');
      expect(text).toBe(JSON.stringify({ dataVersion, observations: big.observations }));
      expect(text.length).toBeGreaterThan(256 * 1024);
      expect(res.headers.get('content-length')).toBe(String(Buffer.byteLength(text)));
      const zipped = await app.request(`${API}/observations`, { headers: GZIP });
      expect(gunzipSync(Buffer.from(await zipped.arrayBuffer())).toString()).toBe(text);
    } finally {
      await database.close();
    }
  });
});

describe('a client that gives up and asks again', () => {
  it('takes over the build it left instead of starting again', async () => {
    const database = await freshDatabase('sqlite');
    try {
      await store(database, demoDataset, 'first.xlsx');
      const builds = holdBuilds(/observations/);
      // A grace far longer than the test: it must not depend on how fast the machine is.
      const { app, responses } = service(database, { abandonGraceMs: 600_000 }, builds.hook);
      const gone = new AbortController();
      const first = Promise.resolve(
        app.request(new Request(`http://x${API}/observations`, { signal: gone.signal })),
      );
      await until(() => builds.signals.length === 1);
      gone.abort();
      await first.catch(() => undefined);
      await until(() => responses.waiters() === 0);
      const again = Promise.resolve(app.request(`${API}/observations`));
      await until(() => responses.waiters() === 1);
      builds.release();
      expect((await again).status).toBe(200);
      expect(builds.signals[0]?.aborted).toBe(false);
      expect(builds.started.filter((k) => k.includes('observations'))).toHaveLength(1);
    } finally {
      await database.close();
    }
  });
});

describe('the build gate', () => {
  it('runs `concurrent`, queues `queue`, refuses the rest, and passes slots on', async () => {
    const gate = createGate(1, 1);
    const signal = new AbortController().signal;
    const leave = await gate.enter(signal);
    let second = false;
    const queued = gate.enter(signal).then((l) => {
      second = true;
      return l;
    });
    await expect(gate.enter(signal)).rejects.toBeInstanceOf(BusyError);
    expect(gate.waiting).toBe(1);
    leave();
    leave(); // twice is once
    const leaveSecond = await queued;
    expect(second).toBe(true);
    expect(gate.running).toBe(1);
    leaveSecond();
    expect(gate.running).toBe(0);
  });

  it('lets a waiter that gives up leave the queue', async () => {
    const gate = createGate(1, 1);
    const leave = await gate.enter(new AbortController().signal);
    const controller = new AbortController();
    const waiting = gate.enter(controller.signal);
    controller.abort(new Error('gone'));
    await expect(waiting).rejects.toThrow('gone');
    expect(gate.waiting).toBe(0);
    leave();
    expect(gate.running).toBe(0);
  });
});
