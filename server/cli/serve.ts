/**
 * `npm run serve`: the dashboard and its data API on one port, from ./data/dashboard.sqlite
 * (created empty when missing) or from the PostgreSQL database that DATABASE_URL names.
 * Builds the app first when dist/ is missing.
 *
 *   npm run serve -- [--port 8080] [--host 127.0.0.1] [--db data/dashboard.sqlite]
 *                    [--dist dist] [--suppress-below 5] [--cors https://a.example,https://b.example]
 *                    [--trust-proxy] [--read-only]
 *
 * The data-keeper area (数据管理: sign-in, uploads, editions, roll back; accounts from
 * `npm run user`) is at ./?page=data and /admin/api; --read-only leaves it out. --trust-proxy
 * (or TRUST_PROXY=1) believes a reverse proxy's X-Forwarded-For/-Proto/-Host.
 *
 * Load limits (docs/data-service.md, "Load limits"), from the environment:
 *   SERVER_CACHE_MB (256), SERVER_MAX_BUILDS (2), SERVER_BUILD_QUEUE (8),
 *   SERVER_REQUEST_TIMEOUT_MS (30000), SERVER_RETRY_AFTER_S (2).
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { serve } from '@hono/node-server';
import { createService } from '../api/app';
import { connect, connectConfigured } from '../db/connect';
import { latestEdition } from '../db/read';
import { parseArgs } from 'node:util';

function integerOption(raw: string | undefined, name: string, fallback: number): number {
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 0)
    throw new Error(`--${name} must be a whole number ≥ 0, got "${raw}"`);
  return n;
}

/** A whole number ≥ `min` from the environment variable `name`, or `fallback`. */
function envInteger(name: string, fallback: number, min = 0): number {
  const raw = process.env[name]?.trim();
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min)
    throw new Error(`${name} must be a whole number ≥ ${min}, got "${raw}"`);
  return n;
}

function buildAppIfMissing(dist: string): void {
  if (existsSync(join(dist, 'index.html'))) return;
  console.log(`${dist}/index.html is missing: building the dashboard (vite build)…`);
  const result = spawnSync(
    process.execPath,
    ['node_modules/vite/bin/vite.js', 'build', '--outDir', dist],
    {
      stdio: 'inherit',
    },
  );
  if (result.status !== 0) throw new Error('vite build failed; see above');
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    args: process.argv.slice(2),
    options: {
      port: { type: 'string' },
      host: { type: 'string' },
      db: { type: 'string' },
      dist: { type: 'string' },
      'suppress-below': { type: 'string' },
      cors: { type: 'string' },
      'trust-proxy': { type: 'boolean' },
      'read-only': { type: 'boolean' },
    },
  });
  const port = integerOption(values.port ?? process.env.PORT, 'port', 8080);
  const host = values.host ?? process.env.HOST ?? '127.0.0.1';
  const dist = values.dist ?? 'dist';
  const suppressBelow = integerOption(values['suppress-below'], 'suppress-below', 5);
  buildAppIfMissing(dist);

  const limits = {
    cacheBytes: envInteger('SERVER_CACHE_MB', 256) * 1024 * 1024,
    concurrentBuilds: envInteger('SERVER_MAX_BUILDS', 2, 1),
    queuedBuilds: envInteger('SERVER_BUILD_QUEUE', 8),
    requestTimeoutMs: envInteger('SERVER_REQUEST_TIMEOUT_MS', 30_000, 1),
    retryAfterSeconds: envInteger('SERVER_RETRY_AFTER_S', 2, 1),
  };

  const connection = await connectConfigured(values.db);
  // SQLite: answers are built on a second handle of the same file (WAL lets both read), so a
  // long build never holds up the one-row queries of /meta, 304s and cache hits.
  const builder =
    connection.engine === 'sqlite' && connection.where !== ':memory:'
      ? await connect({ sqliteFile: connection.where })
      : null;
  // Imports from the browser hold the import lock on their connection while they read and
  // write: with SQLite a third handle keeps /meta and the sign-in answering meanwhile.
  const importer =
    !values['read-only'] && connection.engine === 'sqlite' && connection.where !== ':memory:'
      ? await connect({ sqliteFile: connection.where })
      : null;
  const app = createService({
    db: connection.db,
    buildDb: builder?.db ?? connection.db,
    limits,
    distDir: dist,
    suppressBelow: suppressBelow || null,
    corsOrigins:
      values.cors
        ?.split(',')
        .map((o) => o.trim())
        .filter(Boolean) ?? [],
    admin: values['read-only']
      ? null
      : {
          trustProxy: values['trust-proxy'] === true || process.env.TRUST_PROXY === '1',
          importDb: importer?.db ?? connection.db,
        },
  });
  const edition = await latestEdition(connection.db);
  const server = serve({ fetch: app.fetch, port, hostname: host }, (info) => {
    const shown = host === '0.0.0.0' ? 'localhost' : host;
    console.log(`禁毒工作数据看板 — dashboard and API at http://${shown}:${info.port}/`);
    console.log(`  data: ${connection.engine} ${connection.where}`);
    console.log(
      edition
        ? `  edition ${edition.id}: ${edition.file_name}, data as of ${edition.as_of}, imported ${edition.imported_at}`
        : '  no data imported yet: run  npm run import -- YOUR-WORKBOOK.xlsx  (see README)',
    );
    if (!values['read-only'])
      console.log(
        `  data management (sign-in, upload, editions): http://${shown}:${info.port}/?page=data` +
          '  (accounts: npm run user -- add NAME)',
      );
    if (host === '127.0.0.1')
      console.log('  only this computer can open it; add --host 0.0.0.0 to serve colleagues');
  });
  const stop = () => {
    server.close();
    void Promise.all([connection.close(), builder?.close(), importer?.close()]).then(() =>
      process.exit(0),
    );
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
