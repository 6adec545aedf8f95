/**
 * Each edition's data, kept whole (migration 005): the wire dataset as canonical JSON (sorted
 * keys, so equal data is equal text), gzipped — a province's 38,675 values take a few hundred
 * KB. Written by storeEdition in the edition's own transaction; read to compare two editions,
 * to store an earlier one again (roll back) and to download one as a workbook. Editions stored
 * before snapshots existed have none (`restorable: false`).
 */
import { promisify } from 'node:util';
import { gunzip, gzip } from 'node:zlib';
import type { Kysely } from 'kysely';
import type { WireDataset } from '@contract/wire-types';
import { canonical } from './diff';
import type { Database } from './schema';

export const SNAPSHOT_FORMAT = 'json-gzip';

const gzipAsync = promisify(gzip);
const gunzipAsync = promisify(gunzip);

/** The snapshot's bytes (zlib runs on the thread pool: the event loop stays free). */
export async function packSnapshot(dataset: WireDataset): Promise<Buffer> {
  return gzipAsync(Buffer.from(canonical(dataset), 'utf8'));
}

export async function unpackSnapshot(format: string, data: Uint8Array): Promise<WireDataset> {
  if (format !== SNAPSHOT_FORMAT) throw new Error(`unknown snapshot format ${format}`);
  const text = (await gunzipAsync(data)).toString('utf8');
  // Written by packSnapshot from a dataset that passed the importer's contract gate.
  return JSON.parse(text) as WireDataset;
}

/** The data edition `id` stored, or null when it has no snapshot (or does not exist). */
export async function readSnapshot(
  db: Kysely<Database>,
  editionId: number,
): Promise<WireDataset | null> {
  const row = await db
    .selectFrom('edition_snapshots')
    .select(['format', 'data'])
    .where('edition_id', '=', editionId)
    .executeTakeFirst();
  return row ? unpackSnapshot(row.format, row.data) : null;
}
