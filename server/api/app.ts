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
 * - gzip for every response a client accepts it for.
 */
import { resolve } from 'node:path';
import { Hono } from 'hono';
import type { Context } from 'hono';
import { compress } from 'hono/compress';
import { cors } from 'hono/cors';
import { serveStatic } from '@hono/node-server/serve-static';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import { isDatabaseUnavailable } from '../db/unavailable';
import { inSnapshot, latestEdition, readMeta, readObservations, readRankings } from '../db/read';
import type { Edition, ServedMeta } from '../db/read';
import {
  badRequest,
  errorBody,
  matchEndpoint,
  notFound,
  parseObservationQuery,
  parseRankingQuery,
} from '@contract/query';
import type { ApiResult } from '@contract/query';

/** Seconds a client is told to wait (Retry-After) while the database is unreachable. */
const RETRY_AFTER_SECONDS = 5;

/** Bump when the service's output for the same stored data changes, to invalidate ETags. */
const OUTPUT_VERSION = 1;

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
}

function etagOf(edition: Edition | null): string {
  return edition
    ? `"v${OUTPUT_VERSION}-e${edition.id}-${edition.checksum.slice(0, 16)}"`
    : `"v${OUTPUT_VERSION}-empty"`;
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

  // Meta is assembled from six tables: keep one copy per edition.
  let metaCache: { etag: string; meta: ServedMeta } | null = null;

  app.use('*', compress({ encoding: 'gzip' }));
  app.use('*', async (c, next) => {
    await next();
    c.header('x-content-type-options', 'nosniff');
    c.header('referrer-policy', 'no-referrer');
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
      const observationQuery = endpoint === 'observations' ? parseObservationQuery(params) : null;
      if (observationQuery && !observationQuery.ok)
        return json(c, badRequest(observationQuery.message));
      const rankingQuery = endpoint === 'rankings' ? parseRankingQuery(params) : null;
      if (rankingQuery && !rankingQuery.ok) return json(c, badRequest(rankingQuery.message));

      // The ETag's edition and the body's data are read in one snapshot, so they always agree.
      const read = await inSnapshot(options.db, async (db) => {
        const etag = etagOf(await latestEdition(db));
        if (matches(c.req.header('if-none-match'), etag)) return { etag, body: undefined };
        let body: unknown;
        if (observationQuery?.ok)
          body = { observations: await readObservations(db, observationQuery.value) };
        else if (rankingQuery?.ok) body = { rankings: await readRankings(db, rankingQuery.value) };
        else {
          if (metaCache?.etag !== etag) metaCache = { etag, meta: await readMeta(db) };
          body = metaCache.meta;
        }
        return { etag, body };
      });
      const headers = { etag: read.etag, 'cache-control': 'no-cache' };
      if (read.body === undefined) return c.body(null, 304, headers);
      const body = read.body;
      return json(c, { status: 200, body }, headers);
    } catch (error) {
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

  // The dashboard's deployment settings, pointing at this API (relative, so a reverse proxy
  // may mount the whole service under any sub-path).
  app.get('/config.json', (c) =>
    c.json(
      {
        apiBaseUrl: `.${basePath}`,
        ...(options.suppressBelow ? { suppressBelow: options.suppressBelow } : {}),
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
