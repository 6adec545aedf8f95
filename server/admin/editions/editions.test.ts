/**
 * Editions in the browser, on every engine: the list, any two compared, a roll back (an
 * earlier edition stored again as a new one; nothing deleted), an edition as a workbook, and a
 * database from before snapshots (migration 005) keeping its editions, not restorable.
 */
import { sql } from 'kysely';
import type { Kysely } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { demoDataset } from '@mocks/demo/dataset';
import { runImport } from '../../cli/import-command';
import { diffDatasets } from '../../db/diff';
import { migrateToLatest, migrateUpTo } from '../../db/migrations';
import { listEditions, readDataset } from '../../db/read';
import type { Database } from '../../db/schema';
import { readSnapshot } from '../../db/snapshots';
import { replaceData } from '../../db/write';
import { readWorkbook } from '../../import/read-workbook';
import { bareDatabase, engines, freshDatabase } from '../../test/databases';
import type { TestDatabase } from '../../test/databases';
import { CELL, cellValue, demoWorkbook, mount, withCell } from '../../test/edition-routes';
import type { DiffView } from './diff-view';
import type { EditionSummary } from './summary';

const json = async <T>(res: Response) => (await res.json()) as T;
type Compared = { from: EditionSummary; to: EditionSummary; diff: DiffView };
type ErrorBody = { error: { code: string; message: { zh: string; en: string } } };

async function importBytes(db: Kysely<Database>, bytes: Uint8Array, fileName: string) {
  const outcome = await runImport(db, { fileName, bytes, dryRun: false, isolated: false });
  if (outcome.status !== 'imported') throw new Error(`${fileName}: ${outcome.status}`);
  return outcome.editionId;
}

describe.each(engines)('editions on %s', (engine) => {
  let database: TestDatabase;
  beforeEach(async () => {
    database = await freshDatabase(engine);
    await importBytes(database.db, await demoWorkbook(), 'demo.xlsx');
    await importBytes(database.db, await withCell(12345), 'v2.xlsx');
  });
  afterEach(async () => {
    await database.close();
  });

  it('lists the editions newest first, and compares any two both ways', async () => {
    const api = mount(database.db);
    const { editions } = await json<{ editions: EditionSummary[] }>(await api.request('/editions'));
    expect(editions.map((e) => [e.id, e.fileName, e.importedBy, e.restorable])).toEqual([
      [2, 'v2.xlsx', null, true],
      [1, 'demo.xlsx', null, true],
    ]);
    expect(editions[1]?.counts).toEqual({
      regions: demoDataset.meta.regions.length,
      indicators: demoDataset.meta.indicators.length,
      observations: demoDataset.observations.length,
      rankings: demoDataset.rankings.length,
    });

    const forward = await json<Compared>(await api.request('/editions/compare?from=1&to=2'));
    expect([forward.from.id, forward.to.id]).toEqual([1, 2]);
    expect(forward.diff.totals.changed).toBe(1);
    expect(forward.diff.groups.map((g) => [g.indicator.id, g.region.id, g.cells])).toEqual([
      [
        CELL.indicator,
        CELL.region,
        [
          {
            year: CELL.year,
            kind: 'changed',
            before: { value: cellValue() },
            after: { value: 12345 },
          },
        ],
      ],
    ]);
    const back = await json<Compared>(await api.request('/editions/compare?from=2&to=1'));
    expect(back.diff.groups[0]?.cells[0]).toMatchObject({
      before: { value: 12345 },
      after: { value: cellValue() },
    });
    const unknown = await api.request('/editions/compare?from=1&to=9');
    expect(unknown.status).toBe(404);
    expect((await api.request('/editions/compare?from=1')).status).toBe(400);
  });

  it('rolls back by storing the earlier data again as a new edition; nothing is deleted', async () => {
    const api = mount(database.db);
    const first = await readSnapshot(database.db, 1);
    const res = await api.post('/editions/1/rollback');
    expect(res.status).toBe(200);
    const { edition } = await json<{ edition: EditionSummary }>(res);
    expect(edition).toMatchObject({
      id: 3,
      rolledBackFrom: 1,
      importedBy: 'tester',
      fileName: 'demo.xlsx',
      cells: { added: 0, changed: 1, removed: 0 },
      restorable: true,
    });
    const stored = await readDataset(database.db);
    if (!first || !stored) throw new Error('no data');
    // Same data as edition 1 (diffDatasets finds nothing); every edition still there.
    expect(diffDatasets(first, stored)).toEqual(diffDatasets(first, first));
    expect(
      stored.observations.find(
        (o) => o.indicator === CELL.indicator && o.region === CELL.region && o.year === CELL.year,
      )?.value,
    ).toBe(cellValue());
    expect((await listEditions(database.db)).map((e) => e.id)).toEqual([1, 2, 3]);
    expect(await readSnapshot(database.db, 2)).not.toBeNull();

    const again = await api.post('/editions/1/rollback');
    expect(again.status).toBe(409);
    expect((await json<ErrorBody>(again)).error.code).toBe('unchanged');
    expect((await api.post('/editions/7/rollback')).status).toBe(404);
    expect(api.audits.map((a) => [a.action, a.detail])).toEqual([
      ['rollback', { from: 1, status: 'imported', edition: 3 }],
    ]);
  });

  it('downloads an edition, and the current one, as a filled workbook', async () => {
    const api = mount(database.db);
    for (const [path, id, value] of [
      ['/editions/1/workbook', 1, cellValue()],
      ['/editions/current/workbook', 2, 12345],
    ] as const) {
      const res = await api.request(path);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-disposition')).toContain(
        `filename*=UTF-8''jindu-data-edition-${id}-${demoDataset.meta.dataAsOf}.xlsx`,
      );
      const read = await readWorkbook(new Uint8Array(await res.arrayBuffer()));
      const cell = read.data?.dataset.observations.find(
        (o) => o.indicator === CELL.indicator && o.region === CELL.region && o.year === CELL.year,
      );
      expect(cell?.value).toBe(value);
    }
    expect((await api.request('/editions/9/workbook')).status).toBe(404);
    expect((await api.request('/editions/x/workbook')).status).toBe(400);
  });
});

describe.each(engines)('migration 005 on %s', (engine) => {
  it('keeps the editions of a database from before snapshots: listed, not restorable', async () => {
    const bare = await bareDatabase<Database>(engine);
    try {
      const untyped = bare.db as unknown as Kysely<unknown>;
      await migrateUpTo(untyped, engine, '003-revision-11', bare.schema);
      // Stored as the service stored it then: the tables and one edition row, no snapshot.
      await replaceData(bare.db, demoDataset);
      await sql`insert into editions (as_of, file_name, checksum, imported_at, title_zh, title_en,
          source_zh, source_en, first_year, last_year, regions, indicators, observations,
          rankings, cells_added, cells_changed, cells_removed)
        values (${demoDataset.meta.dataAsOf}, 'old.xlsx', ${'a'.repeat(64)},
          '2026-01-01T00:00:00.000Z', 't', 't', 's', 's', 2016, 2024, 1, 1, 1, 0, 1, 0, 0)`.execute(
        bare.db,
      );
      const ran = await migrateToLatest(untyped, engine, bare.schema);
      expect(ran).toContain('005-edition-snapshots');

      const api = mount(bare.db);
      const listed = await json<{ editions: EditionSummary[] }>(await api.request('/editions'));
      expect(listed.editions).toEqual([
        expect.objectContaining({
          id: 1,
          fileName: 'old.xlsx',
          importedBy: null,
          restorable: false,
          rolledBackFrom: null,
        }),
      ]);
      // The current edition still downloads (from the tables) and is diffed against.
      expect((await api.request('/editions/current/workbook')).status).toBe(200);
      const preview = await json<{ status: string; upload: { id: string } }>(
        await api.upload(await withCell(12345)),
      );
      expect(preview.status).toBe('preview');
      const confirmed = await api.post(`/uploads/${preview.upload.id}/confirm`);
      expect((await json<{ edition: EditionSummary }>(confirmed)).edition).toMatchObject({
        id: 2,
        restorable: true,
        cells: { added: 0, changed: 1, removed: 0 },
      });
      // Edition 1 has no snapshot: no roll back to it, no comparing it.
      const rollback = await api.post('/editions/1/rollback');
      expect(rollback.status).toBe(409);
      expect((await json<ErrorBody>(rollback)).error.code).toBe('no-snapshot');
      expect((await api.request('/editions/compare?from=1&to=2')).status).toBe(409);
      expect((await listEditions(bare.db)).map((e) => e.id)).toEqual([1, 2]);
    } finally {
      await bare.close();
    }
  });
});

describe('a failure inside a route', () => {
  it('is logged and answered 500 with the JSON error body, not HTML', async () => {
    const database = await freshDatabase('sqlite');
    await database.close();
    const api = mount(database.db);
    const res = await api.request('/editions');
    expect(res.status).toBe(500);
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect((await json<ErrorBody>(res)).error.code).toBe('internal');
    expect(api.logs).toHaveLength(1);
    expect(api.logs[0]).toMatch(/^admin GET \/admin\/api\/editions failed/);
  });
});
