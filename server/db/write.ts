/**
 * Replacing the stored dataset with an imported one, in one transaction: readers see the old
 * edition or the new one, never a mixture. An edition row records what was imported and when;
 * /meta's `dataAsOf` is the latest edition's date.
 */
import type { Kysely } from 'kysely';
import type { WireDataset } from '@contract/wire-types';
import type { DatasetDiff } from './diff';
import { withImportLock } from './import-lock';
import { SNAPSHOT_FORMAT, packSnapshot } from './snapshots';
import { pathDepth, regionPaths } from './region-paths';
import type { Database } from './schema';

export interface EditionInput {
  fileName: string;
  checksum: string;
  /** ISO timestamp of the import; defaults to now. */
  importedAt?: string;
  /** The data keeper who imported it (null or absent: the command line). */
  importedBy?: string | null;
  /** A roll back: the edition whose data this stores again. */
  rolledBackFrom?: number | null;
  /** The dataset's snapshot when the caller has it already (packSnapshot); made here if not. */
  snapshot?: Uint8Array;
}

/** What an edition row records of its diff: cells (observations and rankings) per kind. */
export interface EditionCells {
  added: number;
  changed: number;
  removed: number;
}

export function editionCells(diff: DatasetDiff): EditionCells {
  return {
    added: diff.observations.added.length + diff.rankings.added.length,
    changed: diff.observations.changed.length + diff.rankings.changed.length,
    removed: diff.observations.removed.length + diff.rankings.removed.length,
  };
}

/** Rows per INSERT: well under SQLite's 32,766 and PostgreSQL's 65,535 bound parameters. */
const CHUNK = 500;

async function insertChunked<T>(
  rows: readonly T[],
  insert: (chunk: T[]) => Promise<unknown>,
): Promise<void> {
  for (let i = 0; i < rows.length; i += CHUNK) await insert(rows.slice(i, i + CHUNK));
}

/** The dataset as the rows of each data table (replaceData writes them in this order). */
export function datasetRows(dataset: WireDataset) {
  const { meta } = dataset;
  const paths = regionPaths(meta.regions);
  return {
    regions: meta.regions.map((r, seq) => {
      const path = paths.get(r.id) ?? '';
      return {
        id: r.id,
        seq,
        level: r.level,
        parent: r.parent,
        path,
        depth: pathDepth(path),
        name_zh: r.name.zh,
        name_en: r.name.en,
        valid_from: r.validFrom ?? null,
        valid_to: r.validTo ?? null,
      };
    }),
    campaigns: meta.campaigns.map((c, seq) => ({
      id: c.id,
      seq,
      name_zh: c.name.zh,
      name_en: c.name.en,
      start_year: c.startYear,
      end_year: c.endYear,
      baseline_year: c.baselineYear,
    })),
    programmes: meta.programmes.map((p, seq) => ({
      id: p.id,
      seq,
      name_zh: p.name.zh,
      name_en: p.name.en,
    })),
    indicators: meta.indicators.map((i, seq) => ({
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
      aggregation: i.aggregation ?? null,
    })),
    assessments: meta.assessments.map((a, seq) => ({
      id: a.id,
      seq,
      name_zh: a.name.zh,
      name_en: a.name.en,
      scope: a.scope,
      scope_name_zh: a.scopeName?.zh ?? null,
      scope_name_en: a.scopeName?.en ?? null,
      better: a.better ?? null,
      score_decimals: a.scoreDecimals ?? null,
    })),
    observations: dataset.observations.map((o, seq) => ({
      indicator: o.indicator,
      region: o.region,
      year: o.year,
      seq,
      value: o.value,
      target: o.target ?? null,
      provisional: o.provisional ? 1 : 0,
      note_zh: o.note?.zh ?? null,
      note_en: o.note?.en ?? null,
      status: o.status ?? null,
    })),
    rankings: dataset.rankings.map((r, seq) => ({
      assessment: r.assessment,
      year: r.year,
      region: r.region,
      seq,
      rank: r.rank,
      of: r.of,
      score: r.score ?? null,
    })),
  };
}

/** Replace every data table's rows with the dataset's (storeEdition's first step). */
export async function replaceData(trx: Kysely<Database>, dataset: WireDataset): Promise<void> {
  for (const table of [
    'observations',
    'rankings',
    'assessments',
    'indicators',
    'programmes',
    'campaigns',
    'regions',
  ] as const)
    await trx.deleteFrom(table).execute();

  const rows = datasetRows(dataset);
  await insertChunked(rows.regions, (c) => trx.insertInto('regions').values(c).execute());
  await insertChunked(rows.campaigns, (c) => trx.insertInto('campaigns').values(c).execute());
  await insertChunked(rows.programmes, (c) => trx.insertInto('programmes').values(c).execute());
  await insertChunked(rows.indicators, (c) => trx.insertInto('indicators').values(c).execute());
  await insertChunked(rows.assessments, (c) => trx.insertInto('assessments').values(c).execute());
  await insertChunked(rows.observations, (c) => trx.insertInto('observations').values(c).execute());
  await insertChunked(rows.rankings, (c) => trx.insertInto('rankings').values(c).execute());
}

/**
 * Store the dataset as a new edition, with its snapshot, inside a transaction that holds the
 * import lock (withImportLock; the diff must have been computed against the edition it
 * replaces — in that same transaction, or against an edition id checked in it); returns the
 * edition's id.
 */
export async function storeEdition(
  trx: Kysely<Database>,
  dataset: WireDataset,
  diff: DatasetDiff | EditionCells,
  input: EditionInput,
): Promise<number> {
  const cells = 'observations' in diff ? editionCells(diff) : diff;
  const { meta } = dataset;
  const years = meta.years;
  const firstYear = years[0];
  const lastYear = years[years.length - 1];
  if (firstYear === undefined || lastYear === undefined)
    throw new Error('a dataset to store needs at least one year');
  await replaceData(trx, dataset);
  const row = await trx
    .insertInto('editions')
    .values({
      as_of: meta.dataAsOf,
      file_name: input.fileName,
      checksum: input.checksum,
      imported_at: input.importedAt ?? new Date().toISOString(),
      title_zh: meta.title.zh,
      title_en: meta.title.en,
      source_zh: meta.source.zh,
      source_en: meta.source.en,
      first_year: firstYear,
      last_year: lastYear,
      regions: meta.regions.length,
      indicators: meta.indicators.length,
      observations: dataset.observations.length,
      rankings: dataset.rankings.length,
      cells_added: cells.added,
      cells_changed: cells.changed,
      cells_removed: cells.removed,
      imported_by: input.importedBy ?? null,
      rolled_back_from: input.rolledBackFrom ?? null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const data = input.snapshot ?? (await packSnapshot(dataset));
  await trx
    .insertInto('edition_snapshots')
    .values({
      edition_id: row.id,
      format: SNAPSHOT_FORMAT,
      data: Buffer.isBuffer(data) ? data : Buffer.from(data.buffer, data.byteOffset, data.length),
    })
    .execute();
  return row.id;
}

/** Store the dataset as a new edition in a transaction of its own, under the import lock. */
export function writeEdition(
  db: Kysely<Database>,
  dataset: WireDataset,
  diff: DatasetDiff,
  input: EditionInput,
  waitMs = 60_000,
): Promise<number> {
  return withImportLock(db, waitMs, (trx) => storeEdition(trx, dataset, diff, input));
}
