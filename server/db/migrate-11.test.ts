// @vitest-environment node
/**
 * Migration 003 (contract 1.1) on a database written before it: the rows stay as they were,
 * each region gets its depth from its stored path, the new columns are empty, and the data
 * reads back exactly as a 1.0 service served it.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect, sql } from 'kysely';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { demoDataset } from '@mocks/demo/dataset';
import { asVersion10 } from '@contract/version-10';
import type { WireDataset } from '@contract/wire-types';
import { migrateToLatest, migrateUpTo } from './migrations';
import { readDataset } from './read';
import { regionPaths } from './region-paths';
import type { Engine } from './schema';
import { engines, postgresUrl } from '../test/databases';

const old = asVersion10(demoDataset);

/** The dataset as the service before 1.1 stored it: only the columns migrations 001–002 made. */
async function writeOldShape(db: Kysely<unknown>, dataset: WireDataset): Promise<void> {
  const { meta } = dataset;
  const paths = regionPaths(meta.regions);
  const insert = async (table: string, rows: Record<string, unknown>[]) => {
    for (let i = 0; i < rows.length; i += 200)
      await db
        .insertInto(table as never)
        .values(rows.slice(i, i + 200))
        .execute();
  };
  await insert(
    'regions',
    meta.regions.map((r, seq) => ({
      id: r.id,
      seq,
      level: r.level,
      parent: r.parent,
      path: paths.get(r.id) ?? '',
      name_zh: r.name.zh,
      name_en: r.name.en,
    })),
  );
  await insert(
    'campaigns',
    meta.campaigns.map((c, seq) => ({
      id: c.id,
      seq,
      name_zh: c.name.zh,
      name_en: c.name.en,
      start_year: c.startYear,
      end_year: c.endYear,
      baseline_year: c.baselineYear,
    })),
  );
  await insert(
    'programmes',
    meta.programmes.map((p, seq) => ({ id: p.id, seq, name_zh: p.name.zh, name_en: p.name.en })),
  );
  await insert(
    'indicators',
    meta.indicators.map((i, seq) => ({
      id: i.id,
      seq,
      name_zh: i.name.zh,
      name_en: i.name.en,
      unit: i.unit,
      unit_label_zh: i.unitLabel?.zh ?? null,
      unit_label_en: i.unitLabel?.en ?? null,
      decimals: i.decimals,
      better: i.better,
      programme: i.programme,
      headline: i.headline ? 1 : 0,
      description_zh: i.description?.zh ?? null,
      description_en: i.description?.en ?? null,
    })),
  );
  await insert(
    'assessments',
    meta.assessments.map((a, seq) => ({
      id: a.id,
      seq,
      name_zh: a.name.zh,
      name_en: a.name.en,
      scope: a.scope,
    })),
  );
  await insert(
    'observations',
    dataset.observations.map((o, seq) => ({
      indicator: o.indicator,
      region: o.region,
      year: o.year,
      seq,
      value: o.value,
      target: o.target ?? null,
      provisional: o.provisional ? 1 : 0,
      note_zh: o.note?.zh ?? null,
      note_en: o.note?.en ?? null,
    })),
  );
  await insert(
    'rankings',
    dataset.rankings.map((r, seq) => ({
      assessment: r.assessment,
      year: r.year,
      region: r.region,
      seq,
      rank: r.rank,
      of: r.of,
      score: r.score ?? null,
    })),
  );
  await insert('editions', [
    {
      as_of: meta.dataAsOf,
      file_name: 'old.xlsx',
      checksum: 'b'.repeat(64),
      imported_at: '2026-01-01T00:00:00.000Z',
      title_zh: meta.title.zh,
      title_en: meta.title.en,
      source_zh: meta.source.zh,
      source_en: meta.source.en,
      first_year: meta.years[0],
      last_year: meta.years[meta.years.length - 1],
      regions: meta.regions.length,
      indicators: meta.indicators.length,
      observations: dataset.observations.length,
      rankings: dataset.rankings.length,
      cells_added: 0,
      cells_changed: 0,
      cells_removed: 0,
    },
  ]);
}

/** A database of the engine, without any migration run; close() removes it. */
async function bareDatabase(engine: Engine) {
  if (engine === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'dashboard-migrate-'));
    const db = new Kysely<unknown>({
      dialect: new SqliteDialect({ database: new SQLite(join(dir, 'old.sqlite')) }),
    });
    return {
      db,
      schema: undefined,
      close: async () => {
        await db.destroy();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  }
  if (!postgresUrl) throw new Error('no TEST_DATABASE_URL');
  const schema = `test_migrate_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
  const pool = new pg.Pool({
    connectionString: postgresUrl,
    max: 2,
    options: `-c search_path=${schema}`,
  });
  const db = new Kysely<unknown>({ dialect: new PostgresDialect({ pool }) });
  await sql.raw(`create schema ${schema}`).execute(db);
  return {
    db,
    schema,
    close: async () => {
      await sql.raw(`drop schema ${schema} cascade`).execute(db);
      await db.destroy();
    },
  };
}

describe.each(engines)('migrating a 1.0 database to 1.1 on %s', (engine) => {
  const opened: { close(): Promise<void> }[] = [];
  afterAll(async () => {
    for (const o of opened) await o.close();
  });

  it('keeps every row, works out each depth, and reads back what 1.0 served', async () => {
    const bare = await bareDatabase(engine);
    opened.push(bare);
    await migrateUpTo(bare.db, engine, '002-import-lock', bare.schema);
    await writeOldShape(bare.db, old);
    const ran = await migrateToLatest(bare.db, engine, bare.schema);
    // Later migrations (accounts, snapshots) run after it; their own tests check them.
    expect(ran[0]).toBe('003-revision-11');

    const db = bare.db as Kysely<import('./schema').Database>;
    const read = await readDataset(db);
    expect(read).toEqual(old);

    const depths = await db.selectFrom('regions').select(['id', 'depth']).execute();
    const byId = new Map(old.meta.regions.map((r) => [r.id, r]));
    const expected = (id: string): number => {
      const parent = byId.get(id)?.parent ?? null;
      return parent === null ? 0 : 1 + expected(parent);
    };
    expect(depths.length).toBe(old.meta.regions.length);
    for (const r of depths) expect(r.depth).toBe(expected(r.id));
    expect(new Set(depths.map((r) => r.depth))).toEqual(new Set([0, 1, 2, 3]));

    // Once migrated, a null scope can be stored.
    await db
      .insertInto('assessments')
      .values({ id: 'outside', seq: 99, name_zh: '外', name_en: 'Outside', scope: null })
      .execute();
    expect(await migrateToLatest(bare.db, engine, bare.schema)).toEqual([]);
  });
});
