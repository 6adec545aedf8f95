/**
 * `npm run bench:server`: the data service measured on both engines with a province-sized
 * dataset (20 districts × 10 townships, 25 indicators, 7 years ≈ 38.7k cells).
 *   1. Import: the dataset written as a template workbook, then `npm run import`'s code path
 *      (read + validate + diff + one transaction) into a fresh database; median of 3.
 *   2. Load: the service started as its own process (`npm run serve`), autocannon on
 *      127.0.0.1 from this process, 10 connections, 10 s per request kind after a 2 s warm-up,
 *      gzip accepted as browsers do. p50/p99 latency, requests per second, bytes per response.
 * PostgreSQL is measured when TEST_DATABASE_URL names one (scripts/start-postgres.sh prints
 * one). Never DATABASE_URL: the benchmark empties the database's public schema. Writes bench-results/server-latest.{json,md}.
 */
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import pg from 'pg';
import { templateBytes } from '@contract/workbook/write-template';
import { connect } from '../server/db/connect';
import type { Engine } from '../server/db/schema';
import { runImport } from '../server/cli/import-command';
import { syntheticDataset } from './synthetic';

const pgUrl = process.env.TEST_DATABASE_URL?.trim() || null;
const engines: Engine[] = pgUrl ? ['sqlite', 'postgres'] : ['sqlite'];
const DURATION = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = 10;

const dataset = syntheticDataset({ districts: 20, townships: 10, indicators: 25, years: 7 });
const cells = dataset.observations.length;

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;

async function resetPostgres(): Promise<void> {
  const client = new pg.Client({ connectionString: pgUrl ?? '' });
  await client.connect();
  try {
    await client.query('drop schema if exists public cascade; create schema public');
  } finally {
    await client.end();
  }
}

async function freshConnection(engine: Engine, dir: string) {
  if (engine === 'postgres') {
    await resetPostgres();
    return connect({ databaseUrl: pgUrl ?? '' });
  }
  rmSync(join(dir, 'bench.sqlite'), { force: true });
  rmSync(join(dir, 'bench.sqlite-wal'), { force: true });
  rmSync(join(dir, 'bench.sqlite-shm'), { force: true });
  return connect({ sqliteFile: join(dir, 'bench.sqlite') });
}

interface ImportTiming {
  importMs: number[];
  reimportMs: number;
}

async function timeImports(engine: Engine, dir: string, bytes: Uint8Array): Promise<ImportTiming> {
  const importMs: number[] = [];
  let reimportMs = NaN;
  for (let run = 0; run < 3; run++) {
    const connection = await freshConnection(engine, dir);
    try {
      const started = performance.now();
      const outcome = await runImport(connection.db, {
        fileName: 'province.xlsx',
        bytes,
        dryRun: false,
      });
      importMs.push(performance.now() - started);
      if (outcome.status !== 'imported') throw new Error(`import failed: ${outcome.status}`);
      if (run === 2) {
        const again = performance.now();
        await runImport(connection.db, { fileName: 'province.xlsx', bytes, dryRun: false });
        reimportMs = performance.now() - again;
      }
    } finally {
      await connection.close();
    }
  }
  return { importMs, reimportMs };
}

function startService(engine: Engine, dir: string, port: number): Promise<ChildProcess> {
  const env = { ...process.env };
  if (engine === 'postgres') env.DATABASE_URL = pgUrl ?? '';
  else delete env.DATABASE_URL;
  const child = spawn(
    process.execPath,
    [
      'node_modules/tsx/dist/cli.mjs',
      'server/cli/serve.ts',
      '--port',
      String(port),
      '--db',
      join(dir, 'bench.sqlite'),
    ],
    { env, stdio: ['ignore', 'pipe', 'inherit'] },
  );
  return new Promise((resolve, reject) => {
    child.stdout.on('data', (chunk: Buffer) => {
      if (chunk.toString().includes('dashboard and API at')) resolve(child);
    });
    child.once('exit', (code) => reject(new Error(`service exited with ${String(code)}`)));
  });
}

interface LoadResult {
  name: string;
  path: string;
  p50: number;
  p99: number;
  rps: number;
  bytes: number;
  non2xx: number;
  errors: number;
}

async function load(
  base: string,
  name: string,
  path: string,
  headers: Record<string, string> = {},
): Promise<LoadResult> {
  const options = {
    url: base + path,
    connections: CONNECTIONS,
    headers: { 'accept-encoding': 'gzip', ...headers },
  };
  await autocannon({ ...options, duration: 2 });
  const r = await autocannon({ ...options, duration: DURATION });
  return {
    name,
    path,
    p50: r.latency.p50,
    p99: r.latency.p99,
    rps: Math.round(r.requests.average),
    bytes: r.requests.total ? Math.round(r.throughput.total / r.requests.total) : 0,
    non2xx: r.non2xx,
    errors: r.errors,
  };
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'bench-server-'));
  const startedLoad = loadavg();
  const writeStart = performance.now();
  const bytes = await templateBytes(dataset);
  const workbookMs = performance.now() - writeStart;
  const report: Record<string, unknown> = {
    date: new Date().toISOString(),
    machine: { cpus: cpus().length, node: process.version, loadavgAtStart: startedLoad },
    dataset: {
      regions: dataset.meta.regions.length,
      indicators: dataset.meta.indicators.length,
      years: dataset.meta.years.length,
      cells,
    },
    workbook: { bytes: bytes.length, writeMs: Math.round(workbookMs) },
    engines: {},
  };
  const eTag = async (base: string, path: string) =>
    (await fetch(base + path)).headers.get('etag') ?? '';
  for (const [i, engine] of engines.entries()) {
    console.log(`— ${engine}: import ×3`);
    const timing = await timeImports(engine, dir, bytes);
    const port = 18_300 + i;
    const child = await startService(engine, dir, port);
    const base = `http://127.0.0.1:${port}`;
    try {
      console.log(`— ${engine}: load`);
      const results: LoadResult[] = [];
      const etag = await eTag(base, '/api/v1/observations?indicator=ind-0');
      for (const [name, path, headers] of [
        ['meta', '/api/v1/meta', {}],
        ['one indicator, all regions', '/api/v1/observations?indicator=ind-0', {}],
        ['one indicator, one district', '/api/v1/observations?indicator=ind-0&region=d3', {}],
        [
          'district, all indicators, 3 years',
          '/api/v1/observations?region=d3&from=2020&to=2022',
          {},
        ],
        ['revalidation (304)', '/api/v1/observations?indicator=ind-0', { 'if-none-match': etag }],
      ] as const)
        results.push(await load(base, name, path, headers));
      (report.engines as Record<string, unknown>)[engine] = {
        import: {
          medianMs: Math.round(median(timing.importMs)),
          minMs: Math.round(Math.min(...timing.importMs)),
          maxMs: Math.round(Math.max(...timing.importMs)),
          reimportUnchangedMs: Math.round(timing.reimportMs),
        },
        load: results,
      };
    } finally {
      child.kill('SIGTERM');
    }
  }
  report.loadavgAtEnd = loadavg();
  mkdirSync('bench-results', { recursive: true });
  writeFileSync('bench-results/server-latest.json', `${JSON.stringify(report, null, 2)}\n`);
  writeFileSync('bench-results/server-latest.md', markdown(report));
  console.log(markdown(report));
  rmSync(dir, { recursive: true, force: true });
}

function markdown(report: Record<string, unknown>): string {
  const r = report as {
    date: string;
    machine: { cpus: number; node: string; loadavgAtStart: number[] };
    loadavgAtEnd: number[];
    dataset: { regions: number; indicators: number; years: number; cells: number };
    workbook: { bytes: number; writeMs: number };
    engines: Record<
      string,
      {
        import: { medianMs: number; minMs: number; maxMs: number; reimportUnchangedMs: number };
        load: LoadResult[];
      }
    >;
  };
  const lines = [
    `# Data service benchmark (${r.date.slice(0, 16)}Z)`,
    '',
    `Dataset: ${r.dataset.regions} regions, ${r.dataset.indicators} indicators, ${r.dataset.years} years = ${r.dataset.cells} cells; workbook ${(r.workbook.bytes / 1024).toFixed(0)} KB.`,
    `Machine: ${r.machine.cpus} cores, Node ${r.machine.node}; load average ${r.machine.loadavgAtStart.map((x) => x.toFixed(1)).join('/')} at start, ${r.loadavgAtEnd.map((x) => x.toFixed(1)).join('/')} at end. Load: autocannon, ${CONNECTIONS} connections, ${DURATION} s per row, gzip accepted.`,
    '',
    '| engine | import (median of 3, min–max) | re-import, unchanged |',
    '| --- | --- | --- |',
    ...Object.entries(r.engines).map(
      ([e, v]) =>
        `| ${e} | ${v.import.medianMs} ms (${v.import.minMs}–${v.import.maxMs}) | ${v.import.reimportUnchangedMs} ms |`,
    ),
    '',
    '| engine | request | p50 | p99 | req/s | bytes/response (gzip) | non-2xx |',
    '| --- | --- | --- | --- | --- | --- | --- |',
  ];
  for (const [e, v] of Object.entries(r.engines))
    for (const l of v.load)
      lines.push(
        `| ${e} | ${l.name} \`${l.path.replace('/api/v1', '')}\` | ${l.p50} ms | ${l.p99} ms | ${l.rps} | ${l.bytes} | ${l.non2xx} |`,
      );
  return `${lines.join('\n')}\n`;
}

// BENCH_SCENARIO=flood: the overload scenario (bench/server-flood.ts) instead.
// BENCH_SCENARIO=flood-report: only rewrite bench-results/server-flood.md from its .json.
(process.env.BENCH_SCENARIO === 'flood'
  ? import('./server-flood').then((m) => m.runFlood())
  : process.env.BENCH_SCENARIO === 'flood-report'
    ? import('./server-flood').then((m) => {
        m.writeFloodMarkdown();
      })
    : main()
)
  .then(() => process.exit(0))
  .catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
