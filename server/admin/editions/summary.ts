/**
 * Editions as the data page lists them (the shared spec's EditionSummary), and the data an
 * edition stored: its snapshot, or — for the latest edition of a database from before
 * snapshots — the stored tables themselves.
 */
import type { Kysely } from 'kysely';
import type { WireDataset } from '@contract/wire-types';
import { inSnapshot, latestEdition, readDataset } from '../../db/read';
import type { Edition } from '../../db/read';
import type { Database } from '../../db/schema';
import { readSnapshot } from '../../db/snapshots';

export interface EditionSummary {
  id: number;
  importedAt: string;
  importedBy: string | null;
  fileName: string;
  sha256: string;
  asOf: string;
  counts: { regions: number; indicators: number; observations: number; rankings: number };
  cells: { added: number; changed: number; removed: number };
  /** False for editions stored before snapshots existed: they cannot be rolled back to. */
  restorable: boolean;
  rolledBackFrom: number | null;
}

export function toSummary(e: Edition, restorable: boolean): EditionSummary {
  return {
    id: e.id,
    importedAt: e.imported_at,
    importedBy: e.imported_by,
    fileName: e.file_name,
    sha256: e.checksum,
    asOf: e.as_of,
    counts: {
      regions: e.regions,
      indicators: e.indicators,
      observations: e.observations,
      rankings: e.rankings,
    },
    cells: { added: e.cells_added, changed: e.cells_changed, removed: e.cells_removed },
    restorable,
    rolledBackFrom: e.rolled_back_from,
  };
}

/** Every edition, newest first (or the one of that id). */
export async function editionSummaries(
  db: Kysely<Database>,
  id?: number,
): Promise<EditionSummary[]> {
  let q = db
    .selectFrom('editions as e')
    .leftJoin('edition_snapshots as s', 's.edition_id', 'e.id')
    .selectAll('e')
    .select('s.edition_id as snapshot')
    .orderBy('e.id', 'desc');
  if (id !== undefined) q = q.where('e.id', '=', id);
  const rows = await q.execute();
  return rows.map(({ snapshot, ...e }) => toSummary(e, snapshot !== null));
}

export async function editionSummary(
  db: Kysely<Database>,
  id: number,
): Promise<EditionSummary | null> {
  return (await editionSummaries(db, id))[0] ?? null;
}

export type EditionData =
  | { status: 'found'; edition: EditionSummary; dataset: WireDataset }
  | { status: 'no-edition' }
  | { status: 'no-snapshot'; edition: EditionSummary };

/**
 * The data edition `id` stored ('current': the latest edition). Without a snapshot, the latest
 * edition is still readable from the tables (in one snapshot with its edition row).
 */
export async function editionData(
  db: Kysely<Database>,
  id: number | 'current',
): Promise<EditionData> {
  const wanted = id === 'current' ? (await latestEdition(db))?.id : id;
  if (wanted === undefined) return { status: 'no-edition' };
  const edition = await editionSummary(db, wanted);
  if (!edition) return { status: 'no-edition' };
  const stored = await readSnapshot(db, wanted);
  if (stored) return { status: 'found', edition, dataset: stored };
  const current = await inSnapshot(db, async (s) => {
    const latest = await latestEdition(s);
    return latest?.id === wanted ? await readDataset(s) : null;
  });
  return current
    ? { status: 'found', edition, dataset: current }
    : { status: 'no-snapshot', edition };
}
