// @vitest-environment node
/**
 * Migration 003 (contract 1.1) on a database written before it: the rows stay as they were,
 * each region gets its depth from its stored path, the new columns are empty, and the data
 * reads back exactly as a 1.0 service served it.
 */
import type { Kysely } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { demoDataset } from '@mocks/demo/dataset';
import { asVersion10 } from '@contract/version-10';
import type { WireDataset } from '@contract/wire-types';
import { migrateToLatest, migrateUpTo } from './migrations';
import { readDataset } from './read';
import { datasetRows } from './write';
import { bareDatabase, engines } from '../test/databases';

const old = asVersion10(demoDataset);

/** The dataset as the service before 1.1 stored it: only the columns migrations 001–002 made. */
async function writeOldShape(db: Kysely<unknown>, dataset: WireDataset): Promise<void> {
  const { meta } = dataset;
  const insert = async (table: string, rows: Record<string, unknown>[]) => {
    for (let i = 0; i < rows.length; i += 200)
      await db
        .insertInto(table as never)
        .values(rows.slice(i, i + 200))
        .execute();
  };
  // Today's rows without the columns migration 003 (contract 1.1) added.
  const rows = datasetRows(dataset);
  const without = (list: object[], ...columns: string[]) =>
    list.map((row) =>
      Object.fromEntries(Object.entries(row).filter(([column]) => !columns.includes(column))),
    );
  await insert('regions', without(rows.regions, 'depth', 'valid_from', 'valid_to'));
  await insert('campaigns', rows.campaigns);
  await insert('programmes', rows.programmes);
  await insert('indicators', without(rows.indicators, 'aggregation'));
  await insert(
    'assessments',
    without(rows.assessments, 'scope_name_zh', 'scope_name_en', 'better', 'score_decimals'),
  );
  await insert('observations', without(rows.observations, 'status'));
  await insert('rankings', rows.rankings);
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
