/**
 * The data service: the contract's three endpoints over the database, plus the built dashboard
 * and a config.json that points it at this API, on one port.
 *
 * - 400 with the contract's error shape for bad parameters, 404 for unknown API paths, 405 for
 *   anything but GET/HEAD, 500 (logged, no internals leaked) when the database fails, 503 with
 *   Retry-After while the database cannot be reached (restart, failover, a terminated
 *   connection, a SQLite file locked by another process) — the next request tries again.
 * - ETag per edition: every response is a function of (edition, URL), so a client that sends
 *   If-None-Match gets 304 without the database being asked for the data again.
 * - Contract 1.1: /meta lists every optional query feature in `capabilities` (region lists,
 *   depth, level, rankings by region), and all three answers carry `dataVersion`, the ETag's
 *   tag, read in the same snapshot as the body.
 * - gzip for every response a client accepts it for.
 * - Load limits (issue 12.3; load/responses.ts): answers are cached per edition and query,
 *   already serialised and gzipped; identical concurrent requests share one build; at most a
 *   few builds run at once and a short queue waits, anyone beyond gets 503 + Retry-After; a
 *   build has a time limit and stops when its clients have gone; big answers are serialised a
 *   batch at a time, giving the event loop back in between, so /meta, 304s and cache hits
 *   stay quick while one is being built; and only a few requests start per turn of the event
 *   loop, so that new connections are accepted however busy the open ones are (load/pacing.ts).
 */
import { ADMIN_API_PATH, createAdminApi } from '../admin';
import type { AdminOptions } from '../admin';
import { resolve } from 'node:path';
import { Hono } from 'hono';
import type { Context } from 'hono';
import { compress } from 'hono/compress';
import { cors } from 'hono/cors';
import { parseAccept } from 'hono/utils/accept';
import { serveStatic } from '@hono/node-server/serve-static';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import { isDatabaseUnavailable } from '../db/unavailable';
import { inSnapshot, latestEdition, observationBatches, readMeta, readRankings } from '../db/read';
import type { Edition } from '../db/read';
import {
  ALL_CAPABILITIES,
  badRequest,
  errorBody,
  matchEndpoint,
  notFound,
  parseObservationQuery,
  parseRankingQuery,
} from '@contract/query';
import { CAPABILITIES } from '@contract/types';
import type { ApiResult, ObservationQuery, RankingQuery } from '@contract/query';
import { BusyError, ClientGoneError, TimeLimitError, createResponses } from './load/responses';
import type { Encoded, LoadLimits, Responses } from './load/responses';
import { createPacer } from './load/pacing';
import type { Batch } from './load/pacing';

/** Seconds a client is told to wait (Retry-After) while the database is unreachable. */
const RETRY_AFTER_SECONDS = 5;

/**
 * Bump when the service's output for the same stored data changes, to invalidate ETags (and so
 * dataVersion). 2: contract revision 1.1 (capabilities, dataVersion, the 1.1 fields).
 */
const OUTPUT_VERSION = 2;

/**
 * The optional query features (contract 1.1) this service honours: all of them. Parameters are
 * parsed with the same set that /meta announces.
 */
const SERVICE_CAPABILITIES = ALL_CAPABILITIES;
const CAPABILITY_LIST = CAPABILITIES.filter((c) => SERVICE_CAPABILITIES.has(c));

export interface ServiceOptions {
  db: Kysely<Database>;
  /** Where the API lives on this host; the app's config.json points here. */
  basePath?: string;
  /** The built dashboard (vite build output); null serves the API only. */
  distDir?: string | null;
  /** Small-count suppression passed to the app (config.json `suppressBelow`); null = off. */
  suppressBelow?: number | null;
  /** Origins allowed to call the API from another site (CORS); empty = same origin only. */
  corsOrigins?: readonly string[];
  log?: (line: string) => void;
  /**
   * Where answers are built: a connection of its own, so that a long build never holds up the
   * small queries of /meta, 304s and cache hits (SQLite has one connection per handle).
   * Default: `db`.
   */
  buildDb?: Kysely<Database>;
  /** Cache size, concurrent builds, queue, time limit; see DEFAULT_LIMITS and serve.ts. */
  limits?: Partial<LoadLimits>;
  /** The cache and limiter itself (tests pass one with a build hook); default: from `limits`. */
  responses?: Responses;
  /**
   * The data-keeper area (issue 14: sign-in, uploads, editions, roll back) at /admin/api, and
   * config.json's `dataAdminUrl` pointing the dashboard's header at its page. null: read-only.
   */
  admin?: AdminOptions | null;
}

/** Rows serialised between two turns of the event loop. */
const BATCH = 1000;

const yieldToLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

const sortedOrNull = (set: ReadonlySet<string> | null) => (set === null ? null : [...set].sort());

/** A query's cache key: the same filters however the URL spelt them; every parsed parameter. */
export function observationsKey(q: ObservationQuery): string {
  const key = [
    sortedOrNull(q.regions),
    q.from,
    q.to,
    sortedOrNull(q.indicators),
    q.depth,
    sortedOrNull(q.levels),
  ];
  return `observations ${JSON.stringify(key)}`;
}

export function rankingsKey(q: RankingQuery): string {
  const key = [q.from, q.to, sortedOrNull(q.assessments), sortedOrNull(q.regions)];
  return `rankings ${JSON.stringify(key)}`;
}

/**
 * `{"dataVersion":…,"observations":[…]}` exactly as JSON.stringify writes it, a batch of cells
 * at a time with a turn of the event loop in between; stops when `signal` aborts (time limit,
 * client gone).
 */
async function writeObservations(
  db: Kysely<Database>,
  query: ObservationQuery,
  dataVersion: string,
  signal: AbortSignal,
  write: (text: string) => void,
): Promise<void> {
  write(`{"dataVersion":${JSON.stringify(dataVersion)},"observations":[`);
  let first = true;
  for await (const batch of observationBatches(db, query, BATCH)) {
    const text = batch.map((o) => JSON.stringify(o)).join(',');
    write(first ? text : `,${text}`);
    first = false;
    await yieldToLoop();
    signal.throwIfAborted();
  }
  write(']}');
}

/** Does the client take gzip? The same rule as hono's compress middleware. */
function acceptsGzip(header: string | undefined): boolean {
  if (!header) return false;
  const accepts = parseAccept(header);
  const q = (
    accepts.find((a) => a.type.toLowerCase() === 'gzip') ?? accepts.find((a) => a.type === '*')
  )?.q;
  return q !== undefined && q > 0;
}

/** Big answers go out in slices, so that writing one never holds the event loop for long. */
const SLICE = 256 * 1024;

function sliced(
  pieces: readonly Uint8Array<ArrayBuffer>[],
): ReadableStream<Uint8Array<ArrayBuffer>> {
  let piece = 0;
  let at = 0;
  return new ReadableStream({
    pull(controller) {
      const bytes = pieces[piece];
      if (!bytes) {
        controller.close();
        return;
      }
      controller.enqueue(bytes.subarray(at, at + SLICE));
      at += SLICE;
      if (at >= bytes.length) {
        piece++;
        at = 0;
      }
      if (piece >= pieces.length) controller.close();
    },
  });
}

/** A cached answer as the compress middleware would have sent it (weak ETag once gzipped). */
function send(c: Context, encoded: Encoded): Response {
  const gzip = c.req.method !== 'HEAD' && acceptsGzip(c.req.header('accept-encoding'));
  const headers: Record<string, string> = {
    'content-type': 'application/json; charset=utf-8',
    etag: gzip ? `W/${encoded.etag}` : encoded.etag,
    'cache-control': 'no-cache',
    vary: 'Accept-Encoding',
  };
  if (gzip) headers['content-encoding'] = 'gzip';
  const pieces = gzip ? [encoded.gzip] : encoded.raw;
  const length = gzip ? encoded.gzip.length : encoded.rawBytes;
  if (length <= SLICE)
    return c.body(
      pieces.length === 1 && pieces[0] ? pieces[0] : new Uint8Array(Buffer.concat(pieces)),
      200,
      headers,
    );
  headers['content-length'] = String(length);
  return c.body(sliced(pieces), 200, headers);
}

/** Refusals are logged at most once a second, with a count, so a flood cannot fill the log. */
function shedLog(log: (line: string) => void) {
  let last = 0;
  const counts = { busy: 0, timeout: 0 };
  return {
    count(kind: keyof typeof counts) {
      counts[kind]++;
      const now = Date.now();
      if (now - last < 1000) return;
      last = now;
      log(
        `under load: ${counts.busy} requests refused (busy), ${counts.timeout} over the time limit ` +
          'since the last report; answered 503 + Retry-After',
      );
      counts.busy = 0;
      counts.timeout = 0;
    },
  };
}

function etagOf(edition: Edition | null): string {
  return edition
    ? `"v${OUTPUT_VERSION}-e${edition.id}-${edition.checksum.slice(0, 16)}"`
    : `"v${OUTPUT_VERSION}-empty"`;
}

/**
 * (1.1) The answers' dataVersion: the ETag's opaque tag. It names the edition and the output
 * version, so it changes whenever any answer changes, and it is read in the same snapshot as
 * the body it goes into.
 */
function dataVersionOf(etag: string): string {
  return etag.replace(/^"|"$/g, '');
}

/** Does If-None-Match name this ETag (or *)? Weak comparison, as for GET. */
function matches(ifNoneMatch: string | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false;
  return ifNoneMatch
    .split(',')
    .map((t) => t.trim().replace(/^W\//, ''))
    .some((t) => t === etag || t === '*');
}

function json(c: Context, result: ApiResult, headers: Record<string, string> = {}): Response {
  return c.body(JSON.stringify(result.body), result.status as 200, {
    'content-type': 'application/json; charset=utf-8',
    ...headers,
  });
}

const CSP =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; " +
  "font-src 'self' data:; connect-src 'self'; worker-src 'self'; object-src 'none'; " +
  "base-uri 'self'; form-action 'none'; frame-ancestors 'self'";

export function createService(options: ServiceOptions): Hono {
  const basePath = (options.basePath ?? '/api/v1').replace(/\/+$/, '');
  const log = options.log ?? ((line: string) => console.error(line));
  const app = new Hono();

  const responses = options.responses ?? createResponses(options.limits, undefined, log);
  const { limits } = responses;
  const buildDb = options.buildDb ?? options.db;
  const shed = shedLog(log);
  const pacer = createPacer(limits.startsPerTurn);
  /** The batch each waiting request was let go with (load/pacing.ts). */
  const batches = new WeakMap<Request, Batch>();
  // Requests let go together share one lookup: they all arrived before it was made.
  const currentEdition = (c: Context) => {
    const batch = batches.get(c.req.raw);
    const lookup = () => latestEdition(options.db);
    return batch ? batch.once('edition', lookup) : lookup();
  };

  // A few requests start per turn of the event loop, the rest in the next turns: libuv accepts
  // one new connection per turn, so long turns keep newcomers out (load/pacing.ts).
  app.use('*', async (c, next) => {
    const wait = pacer.turn();
    if (wait) batches.set(c.req.raw, await wait);
    await next();
  });
  app.use('*', compress({ encoding: 'gzip' }));
  // Set before the handler runs, so they go into the response as it is made: setting a header
  // on a finished response makes @hono/node-server rebuild it as a stream (≈ a fifth of the
  // work of a cached answer).
  app.use('*', async (c, next) => {
    c.header('x-content-type-options', 'nosniff');
    c.header('referrer-policy', 'no-referrer');
    await next();
  });
  if (options.corsOrigins && options.corsOrigins.length > 0)
    app.use(`${basePath}/*`, cors({ origin: [...options.corsOrigins], allowMethods: ['GET'] }));

  app.all(`${basePath}/*`, async (c) => {
    const endpoint = matchEndpoint(c.req.path, basePath);
    if (endpoint === null) return json(c, notFound(c.req.path));
    if (c.req.method !== 'GET' && c.req.method !== 'HEAD')
      return json(
        c,
        { status: 405, body: errorBody('method-not-allowed', 'This API is read-only: use GET') },
        { allow: 'GET, HEAD' },
      );
    const params = new URL(c.req.url).searchParams;
    try {
      // Bad parameters are a 400 whatever the client has cached.
      const observationQuery =
        endpoint === 'observations' ? parseObservationQuery(params, SERVICE_CAPABILITIES) : null;
      if (observationQuery && !observationQuery.ok)
        return json(c, badRequest(observationQuery.message));
      const rankingQuery =
        endpoint === 'rankings' ? parseRankingQuery(params, SERVICE_CAPABILITIES) : null;
      if (rankingQuery && !rankingQuery.ok) return json(c, badRequest(rankingQuery.message));

      // A revalidation costs one small query, whatever else the service is doing.
      const current = etagOf(await currentEdition(c));
      if (matches(c.req.header('if-none-match'), current))
        return c.body(null, 304, { etag: current, 'cache-control': 'no-cache' });

      const what = observationQuery?.ok
        ? observationsKey(observationQuery.value)
        : rankingQuery?.ok
          ? rankingsKey(rankingQuery.value)
          : 'meta';
      // A cached answer is sent without further ado (not even the request's abort signal,
      // which costs more to make than the rest of a cache hit).
      const key = `${current} ${what}`;
      const hit = responses.cache.get(key);
      if (hit) return send(c, hit);
      // The ETag and the body are read in one snapshot, so they always agree; the answer is
      // cached under the edition it was read from (which an import may have just moved on).
      const encoded = await responses.get(
        key,
        (signal, write) =>
          inSnapshot(buildDb, async (db) => {
            const etag = etagOf(await latestEdition(db));
            const dataVersion = dataVersionOf(etag);
            if (observationQuery?.ok)
              await writeObservations(db, observationQuery.value, dataVersion, signal, write);
            else if (rankingQuery?.ok)
              write(
                JSON.stringify({
                  dataVersion,
                  rankings: await readRankings(db, rankingQuery.value),
                }),
              );
            else {
              const { apiVersion, ...meta } = await readMeta(db);
              write(
                JSON.stringify({ apiVersion, capabilities: CAPABILITY_LIST, dataVersion, ...meta }),
              );
            }
            return etag;
          }),
        {
          signal: c.req.raw.signal,
          // /meta is small and every page needs it first: never turned away.
          limited: endpoint !== 'meta',
          cacheKey: (etag) => `${etag} ${what}`,
        },
      );
      return send(c, encoded);
    } catch (error) {
      if (error instanceof BusyError || error instanceof TimeLimitError) {
        shed.count(error instanceof BusyError ? 'busy' : 'timeout');
        return json(
          c,
          {
            status: 503,
            body: errorBody(
              'unavailable',
              error instanceof BusyError
                ? 'The data service is busy answering other requests; try again shortly'
                : 'The data service took too long to prepare this answer; try again shortly',
            ),
          },
          { 'retry-after': String(limits.retryAfterSeconds), 'cache-control': 'no-store' },
        );
      }
      // The client has gone: nobody reads this answer.
      if (error instanceof ClientGoneError) return c.body(null, 503);
      if (isDatabaseUnavailable(error)) {
        const reason = error instanceof Error ? error.message : String(error);
        log(`${c.req.method} ${c.req.path}: 503, database unavailable: ${reason}`);
        return json(
          c,
          {
            status: 503,
            body: errorBody(
              'unavailable',
              'The data service cannot reach its database just now; try again shortly',
            ),
          },
          { 'retry-after': String(RETRY_AFTER_SECONDS), 'cache-control': 'no-store' },
        );
      }
      log(
        `${c.req.method} ${c.req.path}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
      );
      return json(c, {
        status: 500,
        body: errorBody('internal', 'The data service could not read its database; see its log'),
      });
    }
  });

  if (options.admin) app.route(ADMIN_API_PATH, createAdminApi(options.db, options.admin));

  // The dashboard's deployment settings, pointing at this API (relative, so a reverse proxy
  // may mount the whole service under any sub-path).
  app.get('/config.json', (c) =>
    c.json(
      {
        apiBaseUrl: `.${basePath}`,
        ...(options.suppressBelow ? { suppressBelow: options.suppressBelow } : {}),
        ...(options.admin ? { dataAdminUrl: './?page=data' } : {}),
      },
      200,
      { 'cache-control': 'no-cache' },
    ),
  );

  if (options.distDir) {
    const root = resolve(options.distDir);
    app.use(
      '*',
      serveStatic({
        root,
        onFound: (path, c) => {
          // Vite fingerprints everything under assets/: cache it for a year; the rest revalidates.
          const immutable = /[\\/]assets[\\/]/.test(path);
          c.header('cache-control', immutable ? 'public, max-age=31536000, immutable' : 'no-cache');
          if (path.endsWith('.html')) c.header('content-security-policy', CSP);
        },
      }),
    );
  }

  app.notFound((c) =>
    c.req.path.startsWith(`${basePath}/`) || c.req.path === basePath
      ? json(c, notFound(c.req.path))
      : c.text('Not found', 404),
  );
  return app;
}
