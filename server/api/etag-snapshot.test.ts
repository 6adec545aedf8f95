// @vitest-environment node
/**
 * ETag and body from one snapshot, on every engine (issue 12.2): while CSV imports land one
 * after another (from a connection of their own), every response's ETag names the edition its
 * body came from — checked by a marker value each edition stores, and by /meta's dataAsOf.
 */
import type { KyselyPlugin } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { demoDataset } from '@mocks/demo/dataset';
import { templateBytes } from '@contract/workbook/write-template';
import { runImport } from '../cli/import-command';
import { engines, freshDatabase } from '../test/databases';
import type { TestDatabase } from '../test/databases';
import { createService } from './app';

const IND = demoDataset.meta.indicators[0]?.id ?? '';
const REGION = '460106';
const YEARS = demoDataset.meta.years;
const FIRST = YEARS[0] ?? 0;

/** An observations CSV of one row (IND × REGION), every year's value `value`. */
function csvOf(value: number): Uint8Array {
  const text = [
    ['指标编号 (Indicator ID)', '地区编号 (Region ID)', ...YEARS.map(String)].join(','),
    [IND, REGION, ...YEARS.map(() => String(value))].join(','),
  ].join('\r\n');
  return new TextEncoder().encode(`\uFEFF${text}`);
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe.each(engines)('ETag while imports land on %s', (engine) => {
  let database: TestDatabase;
  beforeEach(async () => {
    database = await freshDatabase(engine);
  });
  afterEach(async () => {
    await database.close();
  });

  it('serves an ETag that names the edition its body came from', async () => {
    const first = await runImport(database.db, {
      fileName: 'demo.xlsx',
      bytes: await templateBytes(demoDataset),
      dryRun: false,
    });
    if (first.status !== 'imported') throw new Error(first.status);
    // A slow database (a few ms after every query) widens the gap between a response's reads,
    // so one assembled from two editions would surely be caught.
    const slow: KyselyPlugin = {
      transformQuery: (args) => args.node,
      transformResult: async (args) => {
        await sleep(3);
        return args.result;
      },
    };
    const app = createService({ db: database.db.withPlugin(slow), log: () => undefined });
    const importer = await database.reopen();
    // Edition → the value it stores at IND × REGION × FIRST, and its dataAsOf.
    const marker = new Map<number, number | null>([
      [
        first.editionId,
        demoDataset.observations.find(
          (o) => o.indicator === IND && o.region === REGION && o.year === FIRST,
        )?.value ?? null,
      ],
    ]);
    const asOf = new Map<number, string>([[first.editionId, demoDataset.meta.dataAsOf]]);
    const seen: { etag: number; marker?: number | null; dataAsOf?: string }[] = [];
    let importing = true;
    const edition = (res: Response) => Number(/-e(\d+)-/.exec(res.headers.get('etag') ?? '')?.[1]);
    const client = async () => {
      while (importing) {
        const obs = await app.request(
          `/api/v1/observations?indicator=${IND}&region=${REGION}&from=${FIRST}&to=${FIRST}`,
        );
        const body = (await obs.json()) as { observations: { value: number | null }[] };
        seen.push({ etag: edition(obs), marker: body.observations[0]?.value ?? null });
        const meta = await app.request('/api/v1/meta');
        seen.push({
          etag: edition(meta),
          dataAsOf: ((await meta.json()) as { dataAsOf: string }).dataAsOf,
        });
      }
    };
    const clients = [client(), client(), client()];
    try {
      for (let k = 1; k <= 5; k++) {
        const outcome = await runImport(importer.db, {
          fileName: `marker-${k}.csv`,
          bytes: csvOf(1000 + k),
          dryRun: false,
          asOf: `2026-12-0${k}`,
        });
        if (outcome.status !== 'imported') throw new Error(`import ${k}: ${outcome.status}`);
        marker.set(outcome.editionId, 1000 + k);
        asOf.set(outcome.editionId, `2026-12-0${k}`);
        await sleep(20);
      }
    } finally {
      importing = false;
      await Promise.all(clients);
      await importer.close();
    }
    const wrong = seen.filter((s) =>
      s.dataAsOf === undefined ? marker.get(s.etag) !== s.marker : asOf.get(s.etag) !== s.dataAsOf,
    );
    expect(wrong).toEqual([]);
    // The requests did overlap the imports: they saw several editions.
    expect(new Set(seen.map((s) => s.etag)).size).toBeGreaterThan(2);
  }, 60_000);
});
