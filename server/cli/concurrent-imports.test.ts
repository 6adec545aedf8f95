/**
 * Imports that overlap, on every engine (issue 12.2): two `npm run import` processes started
 * while a third writer is mid-transaction — a workbook and a CSV of different content — must
 * both be recorded, one after the other, each diffed against the edition it replaced, and
 * nothing of the first may be lost. One that cannot get the lock in time says so, in words.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { demoDataset } from '@mocks/demo/dataset';
import { templateBytes } from '@contract/workbook/write-template';
import type { WireDataset } from '@contract/wire-types';
import type { Connection } from '../db/connect';
import { diffDatasets } from '../db/diff';
import type { DatasetDiff } from '../db/diff';
import { listEditions, readDataset } from '../db/read';
import { readObservationsCsv, readWorkbook } from '../import/read-workbook';
import { normalise } from '../import/test-support';
import { engines, freshDatabase } from '../test/databases';
import type { TestDatabase } from '../test/databases';
import { describeOutcome, runImport } from './import-command';

const TSX = 'node_modules/tsx/dist/cli.mjs';
const IND = demoDataset.meta.indicators[0]?.id ?? '';
const REGION = '460106';
const YEARS = demoDataset.meta.years;

/** An observations CSV of one row (IND × REGION), every year's value given by `value`. */
function csvOf(value: (year: number) => number): Uint8Array {
  const text = [
    ['指标编号 (Indicator ID)', '地区编号 (Region ID)', ...YEARS.map(String)].join(','),
    [IND, REGION, ...YEARS.map((y) => String(value(y)))].join(','),
  ].join('\r\n');
  return new TextEncoder().encode(`\uFEFF${text}`);
}

/** The demo data with another title and a few other values: a workbook of different content. */
const changedDemo: WireDataset = {
  ...demoDataset,
  meta: {
    ...demoDataset.meta,
    title: {
      zh: `${demoDataset.meta.title.zh}（修订）`,
      en: `${demoDataset.meta.title.en} (revised)`,
    },
  },
  observations: demoDataset.observations.map((o, i) =>
    i < 40 && o.value !== null && !(o.indicator === IND && o.region === REGION)
      ? { ...o, value: o.value + 1 }
      : o,
  ),
};

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

function runImportProcess(env: Record<string, string>, args: string[]) {
  const child = spawn(process.execPath, [TSX, 'server/cli/import.ts', ...args], {
    env: { ...process.env, LANG: 'C', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const run: Run = { code: null, stdout: '', stderr: '' };
  child.stdout.on('data', (chunk: Buffer) => (run.stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (run.stderr += chunk.toString()));
  const done = new Promise<Run>((resolve) =>
    child.once('close', (code) => {
      run.code = code;
      resolve(run);
    }),
  );
  return { run, done };
}

const cellCounts = (d: DatasetDiff) => ({
  cells_added: d.observations.added.length + d.rankings.added.length,
  cells_changed: d.observations.changed.length + d.rankings.changed.length,
  cells_removed: d.observations.removed.length + d.rankings.removed.length,
});

let dir = '';
let demoBytes: Uint8Array;
let changedBytes: Uint8Array;
let base: WireDataset;
let changed: WireDataset;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'concurrent-imports-'));
  demoBytes = await templateBytes(demoDataset);
  changedBytes = await templateBytes(changedDemo);
  writeFileSync(join(dir, 'changed.xlsx'), changedBytes);
  writeFileSync(
    join(dir, 'update.csv'),
    csvOf((y) => y - 2000),
  );
  const readBack = async (bytes: Uint8Array) => {
    const data = (await readWorkbook(bytes)).data;
    if (!data) throw new Error('test workbook does not validate');
    return data.dataset;
  };
  base = await readBack(demoBytes);
  changed = await readBack(changedBytes);
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe.each(engines)('overlapping imports on %s', (engine) => {
  let database: TestDatabase;
  beforeEach(async () => {
    database = await freshDatabase(engine);
    const first = await runImport(database.db, {
      fileName: 'demo.xlsx',
      bytes: demoBytes,
      dryRun: false,
    });
    expect(first.status).toBe('imported');
  });
  afterEach(async () => {
    await database.close();
  });

  /**
   * Holds the database's write lock the way a running import does, on a connection of its
   * own, until release() — so both processes are surely in flight at once: SQLite's one write
   * lock (BEGIN IMMEDIATE); on PostgreSQL an EXCLUSIVE lock on observations (reads go on,
   * writes wait), which the unfixed importer also waits for.
   */
  async function holdWrites(): Promise<{ release(): Promise<void>; blocked(): Promise<number> }> {
    const holder = await database.reopen();
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    let pid = 0;
    let ready!: () => void;
    const isReady = new Promise<void>((resolve) => (ready = resolve));
    const finished = holder.db.connection().execute(async (conn) => {
      if (engine === 'sqlite') await sql`begin immediate`.execute(conn);
      else {
        await sql`begin`.execute(conn);
        await sql`lock table observations in exclusive mode`.execute(conn);
        pid = (await sql<{ pid: number }>`select pg_backend_pid() as pid`.execute(conn)).rows[0]
          ?.pid as number;
      }
      ready();
      await released;
      await sql`commit`.execute(conn);
    });
    await isReady;
    return {
      async release() {
        release();
        await finished;
        await holder.close();
      },
      // PostgreSQL: how many of the child processes' sessions are waiting for a lock.
      async blocked() {
        if (engine === 'sqlite' || !pid) return 0;
        const name = new URL(database.env.DATABASE_URL ?? '').searchParams.get('application_name');
        const r = await sql<{ n: number }>`select count(*)::int as n from pg_stat_activity
          where application_name = ${name} and cardinality(pg_blocking_pids(pid)) > 0`.execute(
          database.db,
        );
        return r.rows[0]?.n ?? 0;
      },
    };
  }

  it('records a workbook and a CSV started together, in order, losing nothing', async () => {
    const hold = await holdWrites();
    const workbook = runImportProcess(database.env, [join(dir, 'changed.xlsx')]);
    const csv = runImportProcess(database.env, [join(dir, 'update.csv'), '--as-of', '2026-12-01']);
    // Release once both are waiting for the lock: each says so (PostgreSQL also shows it), or
    // one has already ended (the assertions below then say why). No time limit of its own:
    // however slowly the two processes start on a loaded machine, they are both in flight.
    await vi.waitFor(
      async () => {
        const waiting = [workbook.run, csv.run].filter((r) => /另一个导入正在进行/.test(r.stderr));
        if (waiting.length === 2 || workbook.run.code !== null || csv.run.code !== null) return;
        if ((await hold.blocked()) === 2) return;
        throw new Error('the two imports are not both waiting for the lock yet');
      },
      { timeout: 50_000, interval: 50 },
    );
    await hold.release();
    const [w, c] = await Promise.all([workbook.done, csv.done]);
    expect(w.stderr + c.stderr).not.toMatch(/database is locked|duplicate key|SQLITE_/);
    expect([w.code, c.code]).toEqual([0, 0]);
    expect(w.stdout).toMatch(/已导入为第 [23] 版/);
    expect(c.stdout).toMatch(/已导入为第 [23] 版/);

    const editions = await listEditions(database.db);
    expect(editions.map((e) => e.id)).toEqual([1, 2, 3]);
    const order = editions.map((e) => e.file_name);
    expect(order.slice(1).sort()).toEqual(['changed.xlsx', 'update.csv']);

    // What each edition should hold: the CSV replaces the observations of whatever it lands on.
    const withCsv = (on: WireDataset): WireDataset => {
      const read = readObservationsCsv(new TextDecoder().decode(csvOf((y) => y - 2000)), on.meta);
      if (!read.observations) throw new Error('test CSV does not validate');
      return {
        meta: { ...on.meta, dataAsOf: '2026-12-01' },
        observations: read.observations,
        rankings: on.rankings,
      };
    };
    const states: WireDataset[] = [base];
    for (const name of order.slice(1)) {
      const previous = states[states.length - 1] as WireDataset;
      states.push(name === 'update.csv' ? withCsv(previous) : changed);
    }
    const stored = await readDataset(database.db);
    expect(stored && normalise(stored)).toEqual(normalise(states[2] as WireDataset));
    // Each edition's counts are its diff against the edition it replaced, not an older one.
    for (const k of [1, 2])
      expect(editions[k]).toMatchObject(
        cellCounts(diffDatasets(states[k - 1] as WireDataset, states[k] as WireDataset)),
      );
  }, 60_000);

  it('says plainly that another import is running when the wait runs out; writes nothing', async () => {
    const { withImportLock } = await import('../db/import-lock');
    const holder: Connection = await database.reopen();
    try {
      const r = await withImportLock(holder.db, 1000, async () => {
        const csv = runImportProcess(database.env, [join(dir, 'update.csv'), '--wait', '1']);
        return csv.done;
      });
      expect(r.code).toBe(3);
      expect(r.stderr).toContain('另一个导入正在进行：等待其完成（最多 1 秒）…');
      expect(r.stdout).toContain('另一个导入正在进行（已等待 1 秒）：未写入任何数据。');
      expect(r.stdout + r.stderr).not.toMatch(
        /database is locked|lock timeout|SQLITE_|duplicate key/,
      );
      expect(describeOutcome({ status: 'busy', waitMs: 1000 }, 'en')).toEqual([
        'Another import is running (waited 1 s); nothing was written. Import this file again once it has finished.',
      ]);
    } finally {
      await holder.close();
    }
    expect((await listEditions(database.db)).map((e) => e.file_name)).toEqual(['demo.xlsx']);
    expect(normalise((await readDataset(database.db)) as WireDataset)).toEqual(normalise(base));
  }, 60_000);
});
