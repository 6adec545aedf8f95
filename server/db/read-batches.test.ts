/**
 * observationBatches: the cells of an answer a batch at a time. On PostgreSQL, inside the
 * snapshot transaction, through a cursor fetched a few batches per round trip: one query for a
 * country's 420,000 cells was parsed in one burst of ≈ 1.5 s that held up every other request
 * (bench-results/server-flood.md). Round trips are counted, never timed.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { KyselyPlugin } from 'kysely';
import { syntheticDataset } from '../../bench/synthetic';
import { freshDatabase, engines } from '../test/databases';
import type { TestDatabase } from '../test/databases';
import { diffDatasets } from './diff';
import { inSnapshot, observationBatches, readObservations } from './read';
import { writeEdition } from './write';

const dataset = syntheticDataset({ districts: 2, townships: 10, indicators: 6, years: 8 });
const ALL = { indicators: null, regions: null, depth: null, levels: null, from: null, to: null };

describe.each(engines)('observation batches (%s)', (engine) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await freshDatabase(engine);
    await writeEdition(database.db, dataset, diffDatasets(null, dataset), {
      fileName: 'batches.xlsx',
      checksum: 'batches'.padEnd(64, '0'),
    });
  });
  afterAll(async () => {
    await database.close();
  });

  it('hand out every cell once, in workbook order, in batches', async () => {
    const statements: string[] = [];
    const counting: KyselyPlugin = {
      transformQuery({ node }) {
        statements.push(node.kind);
        return node;
      },
      transformResult: ({ result }) => Promise.resolve(result),
    };
    const db = database.db.withPlugin(counting);
    const batches = await inSnapshot(db, async (snapshot) => {
      const out: number[] = [];
      const cells = [];
      for await (const batch of observationBatches(snapshot, ALL, 100)) {
        out.push(batch.length);
        cells.push(...batch);
      }
      return { sizes: out, cells };
    });
    expect(dataset.observations.length).toBeGreaterThan(1000);
    expect(batches.cells).toEqual(await readObservations(database.db, ALL));
    expect(Math.max(...batches.sizes)).toBeLessThanOrEqual(100);
    if (engine === 'postgres') {
      // declare, one fetch per 500 cells (and the last, short one), close: never one result
      // holding them all.
      const fetches = Math.ceil((dataset.observations.length + 1) / 500);
      expect(statements.length).toBeGreaterThanOrEqual(fetches + 2);
    }
  });

  it('stop early without leaving the transaction unusable', async () => {
    const after = await inSnapshot(database.db, async (snapshot) => {
      for await (const batch of observationBatches(snapshot, ALL, 100)) {
        expect(batch).toHaveLength(100);
        break;
      }
      // The same transaction reads on.
      let count = 0;
      for await (const batch of observationBatches(snapshot, ALL, 1000)) count += batch.length;
      return count;
    });
    expect(after).toBe(dataset.observations.length);
  });
});
