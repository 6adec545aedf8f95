/**
 * The browser import's costs, per scale: upload → preview (guard, the isolated reader, the
 * diff under the lock), confirm, compare, roll back, a workbook download; the snapshot's size;
 * the service's RSS peak and the heap the pending upload holds.
 *
 *   node --expose-gc --import tsx bench/admin-preview.ts [demo|province|large|country …]
 *
 * SQLite in a temporary file; PostgreSQL too when TEST_DATABASE_URL is set (own schema).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Hono } from 'hono';
import pg from 'pg';
import { demoDataset } from '../mocks/demo/dataset';
import { templateBytes } from '../contract/workbook/write-template';
import type { WireDataset } from '../contract/wire-types';
import { createEditionRoutes } from '../server/admin/editions/routes';
import { connect } from '../server/db/connect';
import type { Connection } from '../server/db/connect';
import { diffDatasets } from '../server/db/diff';
import { writeEdition } from '../server/db/write';
import { syntheticDataset } from './synthetic';

const SCALES: Record<string, () => WireDataset> = {
  demo: () => demoDataset,
  province: () => syntheticDataset({ districts: 20, townships: 10, indicators: 25, years: 7 }),
  // The largest the import limits let through comfortably: 30,775 rows, ≈ 430,000 cells.
  large: () => syntheticDataset({ districts: 30, townships: 40, indicators: 25, years: 7 }),
  // bench/run.ts's country: over the 500,000-cell limit, refused by the guard.
  country: () => syntheticDataset({ districts: 30, townships: 99, indicators: 25, years: 7 }),
};

const gc = (globalThis as { gc?: () => void }).gc ?? (() => undefined);
const mb = (n: number) =>
  n < 1024 * 1024 ? `${(n / 1024).toFixed(0)} KB` : `${(n / 1024 / 1024).toFixed(1)} MB`;

async function timed<T>(what: () => Promise<T>): Promise<{ ms: number; peak: number; value: T }> {
  let peak = process.memoryUsage.rss();
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage.rss())), 20);
  const start = performance.now();
  try {
    const value = await what();
    return {
      ms: performance.now() - start,
      peak: Math.max(peak, process.memoryUsage.rss()),
      value,
    };
  } finally {
    clearInterval(timer);
  }
}

async function database(engine: string): Promise<Connection & { drop(): Promise<void> }> {
  if (engine === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'bench-admin-'));
    const c = await connect({ sqliteFile: join(dir, 'b.sqlite') });
    return {
      ...c,
      drop: async () => {
        await c.close();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  }
  const url = process.env.TEST_DATABASE_URL ?? '';
  const schema = `bench_admin_${process.pid}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`create schema ${schema}`);
  await admin.end();
  const c = await connect({ databaseUrl: url, schema, poolSize: 4 });
  return {
    ...c,
    drop: async () => {
      await c.close();
      const a = new pg.Client({ connectionString: url });
      await a.connect();
      await a.query(`drop schema ${schema} cascade`);
      await a.end();
    },
  };
}

async function run(scale: string, engine: string) {
  const base = SCALES[scale]?.();
  if (!base) throw new Error(`unknown scale ${scale}`);
  // The upload changes every tenth value of the stored edition.
  const next: WireDataset = {
    ...base,
    observations: base.observations.map((o, i) =>
      i % 10 === 0 && o.value !== null ? { ...o, value: o.value + 1 } : o,
    ),
  };
  const bytes = await templateBytes(next);
  const db = await database(engine);
  try {
    await writeEdition(db.db, base, diffDatasets(null, base), {
      fileName: 'base.xlsx',
      checksum: '0'.repeat(64),
    });
    const service = new Hono();
    service.route(
      '/a',
      createEditionRoutes(db.db, {
        requireWriter: async (c, next) => {
          c.set('adminUser', 'bench');
          await next();
        },
        audit: () => Promise.resolve(),
        previewWaitMs: 60_000,
        commitWaitMs: 60_000,
      }),
    );
    const call = async (path: string, init?: RequestInit) => {
      const res = await service.request(`/a${path}`, init);
      const body = res.headers.get('content-type')?.includes('json')
        ? ((await res.json()) as Record<string, unknown>)
        : { bytes: (await res.arrayBuffer()).byteLength };
      return { status: res.status, body };
    };
    gc();
    const heap0 = process.memoryUsage().heapUsed;
    // RSS is not given back at once after building the workbook above: the baseline says
    // where the service started from.
    const rss0 = process.memoryUsage.rss();
    const preview = await timed(() =>
      call('/uploads?file=up.xlsx', { method: 'POST', body: bytes as Uint8Array<ArrayBuffer> }),
    );
    gc();
    const held = process.memoryUsage().heapUsed - heap0;
    const answered = preview.value.body.status;
    const status = typeof answered === 'string' ? answered : String(preview.value.status);
    const line = [
      `${scale} on ${engine}: ${base.observations.length} values, workbook ${mb(bytes.length)}`,
      `RSS before ${mb(rss0)}; preview ${status} ${preview.ms.toFixed(0)} ms (RSS peak ${mb(preview.peak)}, pending upload holds ≈ ${mb(held)} heap)`,
    ];
    if (status === 'preview') {
      const id = (preview.value.body.upload as { id: string }).id;
      const json = JSON.stringify(preview.value.body);
      line.push(`preview answer ${mb(json.length)}`);
      const confirm = await timed(() => call(`/uploads/${id}/confirm`, { method: 'POST' }));
      line.push(
        `confirm ${confirm.value.status} ${confirm.ms.toFixed(0)} ms (RSS peak ${mb(confirm.peak)})`,
      );
      const snap = await db.db
        .selectFrom('edition_snapshots')
        .select((eb) => eb.fn.max('edition_id').as('id'))
        .executeTakeFirst();
      const size = await db.db
        .selectFrom('edition_snapshots')
        .select('data')
        .where('edition_id', '=', snap?.id ?? 0)
        .executeTakeFirst();
      line.push(`snapshot ${((size?.data.byteLength ?? 0) / 1024).toFixed(0)} KB`);
      const compare = await timed(() => call('/editions/compare?from=1&to=2'));
      line.push(`compare ${compare.value.status} ${compare.ms.toFixed(0)} ms`);
      const rollback = await timed(() => call('/editions/1/rollback', { method: 'POST' }));
      line.push(
        `rollback ${rollback.value.status} ${rollback.ms.toFixed(0)} ms (RSS peak ${mb(rollback.peak)})`,
      );
      const workbook = await timed(() => call('/editions/2/workbook'));
      line.push(
        `workbook ${workbook.value.status} ${workbook.ms.toFixed(0)} ms (RSS peak ${mb(workbook.peak)})`,
      );
    }
    console.log(line.join('\n  '));
  } finally {
    await db.drop();
  }
}

const scales = process.argv.slice(2).length ? process.argv.slice(2) : ['demo', 'province'];
const engines = process.env.TEST_DATABASE_URL ? ['sqlite', 'postgres'] : ['sqlite'];
for (const scale of scales) for (const engine of engines) await run(scale, engine);
