/**
 * Reading the stored dataset back in the contract's wire shapes. Optional wire fields are
 * omitted when empty, exactly as the contract writes them (no nulls where it has none).
 */
import { SqliteAdapter, sql } from 'kysely';
import type { Kysely, Selectable } from 'kysely';
import type {
  WireAggregation,
  WireAssessment,
  WireDataset,
  WireIndicator,
  WireMeta,
  WireObservation,
  WireRanking,
  WireRegion,
  WireRegionLevel,
  WireStatus,
  WireText,
  WireUnit,
  WireBetter,
} from '@contract/wire-types';
import type { ObservationQuery, RankingQuery } from '@contract/query';
import { codePointLength } from './region-paths';
import type { Database, EditionTable, ObservationTable, RankingTable } from './schema';

export type Edition = Selectable<EditionTable>;

/** Meta as served: `dataAsOf` is null only while nothing has been imported. */
export type ServedMeta = Omit<WireMeta, 'dataAsOf'> & { dataAsOf: string | null };

function text(zh: string, en: string): WireText {
  return { zh, en };
}

function optionalText(zh: string | null, en: string | null): WireText | undefined {
  if (zh === null && en === null) return undefined;
  return { zh: zh ?? '', en: en ?? '' };
}

export async function latestEdition(db: Kysely<Database>): Promise<Edition | null> {
  const row = await db
    .selectFrom('editions')
    .selectAll()
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row ?? null;
}

/**
 * Run several reads against one snapshot of the database, so that the edition they name (an
 * ETag) and the data they return come from the same import: one REPEATABLE READ, read-only
 * transaction on PostgreSQL; one read transaction (a WAL snapshot) on SQLite.
 */
export function inSnapshot<T>(
  db: Kysely<Database>,
  read: (snapshot: Kysely<Database>) => Promise<T>,
): Promise<T> {
  return db
    .transaction()
    .setIsolationLevel('repeatable read')
    .setAccessMode('read only')
    .execute(read);
}

export async function listEditions(db: Kysely<Database>): Promise<Edition[]> {
  return db.selectFrom('editions').selectAll().orderBy('id', 'asc').execute();
}

/** What /meta says before the first import: well-formed, with no dimensions at all. */
export function emptyMeta(): ServedMeta {
  return {
    apiVersion: 1,
    title: text('尚未导入数据', 'No data imported yet'),
    source: text(
      '此数据服务尚未导入任何数据：请按 README 用 npm run import 导入工作簿。',
      'This data service has no data yet: import a workbook with npm run import (see the README).',
    ),
    dataAsOf: null,
    years: [],
    regions: [],
    campaigns: [],
    programmes: [],
    indicators: [],
    assessments: [],
  };
}

export async function readMeta(db: Kysely<Database>): Promise<ServedMeta> {
  const edition = await latestEdition(db);
  if (!edition) return emptyMeta();
  const [regions, campaigns, programmes, indicators, assessments] = await Promise.all([
    db.selectFrom('regions').selectAll().orderBy('seq').execute(),
    db.selectFrom('campaigns').selectAll().orderBy('seq').execute(),
    db.selectFrom('programmes').selectAll().orderBy('seq').execute(),
    db.selectFrom('indicators').selectAll().orderBy('seq').execute(),
    db.selectFrom('assessments').selectAll().orderBy('seq').execute(),
  ]);
  const years: number[] = [];
  for (let y = edition.first_year; y <= edition.last_year; y++) years.push(y);
  return {
    apiVersion: 1,
    title: text(edition.title_zh, edition.title_en),
    source: text(edition.source_zh, edition.source_en),
    dataAsOf: edition.as_of,
    years,
    regions: regions.map((r) => {
      const region: WireRegion = {
        id: r.id,
        level: r.level as WireRegionLevel,
        parent: r.parent,
        name: text(r.name_zh, r.name_en),
      };
      if (r.valid_from !== null) region.validFrom = r.valid_from;
      if (r.valid_to !== null) region.validTo = r.valid_to;
      return region;
    }),
    campaigns: campaigns.map((c) => ({
      id: c.id,
      name: text(c.name_zh, c.name_en),
      startYear: c.start_year,
      endYear: c.end_year,
      baselineYear: c.baseline_year,
    })),
    programmes: programmes.map((p) => ({ id: p.id, name: text(p.name_zh, p.name_en) })),
    indicators: indicators.map((i) => {
      const indicator: WireIndicator = {
        id: i.id,
        name: text(i.name_zh, i.name_en),
        unit: i.unit as WireUnit,
        decimals: i.decimals,
        better: i.better as WireBetter,
        programme: i.programme,
      };
      const unitLabel = optionalText(i.unit_label_zh, i.unit_label_en);
      if (unitLabel) indicator.unitLabel = unitLabel;
      if (i.headline) indicator.headline = true;
      const description = optionalText(i.description_zh, i.description_en);
      if (description) indicator.description = description;
      if (i.aggregation !== null) indicator.aggregation = i.aggregation as WireAggregation;
      return indicator;
    }),
    assessments: assessments.map((a) => {
      const assessment: WireAssessment = {
        id: a.id,
        name: text(a.name_zh, a.name_en),
        scope: a.scope,
      };
      const scopeName = optionalText(a.scope_name_zh, a.scope_name_en);
      if (scopeName) assessment.scopeName = scopeName;
      if (a.better === 'higher' || a.better === 'lower') assessment.better = a.better;
      if (a.score_decimals !== null) assessment.scoreDecimals = a.score_decimals;
      return assessment;
    }),
  };
}

type ObservationRow = Pick<
  Selectable<ObservationTable>,
  | 'indicator'
  | 'region'
  | 'year'
  | 'value'
  | 'target'
  | 'provisional'
  | 'note_zh'
  | 'note_en'
  | 'status'
>;

export function toWireObservation(row: ObservationRow): WireObservation {
  const o: WireObservation = {
    indicator: row.indicator,
    region: row.region,
    year: row.year,
    value: row.value,
  };
  if (row.target !== null) o.target = row.target;
  if (row.provisional) o.provisional = true;
  const note = optionalText(row.note_zh, row.note_en);
  if (note) o.note = note;
  if (row.status !== null) o.status = row.status as WireStatus;
  return o;
}

export function toWireRanking(
  row: Pick<Selectable<RankingTable>, 'assessment' | 'year' | 'region' | 'rank' | 'of' | 'score'>,
): WireRanking {
  const r: WireRanking = {
    assessment: row.assessment,
    year: row.year,
    region: row.region,
    rank: row.rank,
    of: row.of,
  };
  if (row.score !== null) r.score = row.score;
  return r;
}

/** Root ids looked up per statement: well under either engine's bound-parameter limit. */
const ID_CHUNK = 500;

/**
 * The contract's /observations filters, in SQL. A listed region selects its subtree (a prefix
 * of regions.path) cut at `depth` levels below it (regions.depth); `level` keeps regions of
 * those levels; the union of the listed regions' selections is one IN (subquery), so each cell
 * comes once. Null when the filters select nothing without asking (an empty id list, only
 * unknown regions).
 */
async function observationsQuery(db: Kysely<Database>, query: ObservationQuery) {
  let q = db
    .selectFrom('observations as o')
    .select([
      'o.indicator',
      'o.region',
      'o.year',
      'o.value',
      'o.target',
      'o.provisional',
      'o.note_zh',
      'o.note_en',
      'o.status',
    ])
    .orderBy('o.seq');
  if (query.indicators !== null) {
    if (query.indicators.size === 0) return null;
    q = q.where('o.indicator', 'in', [...query.indicators]);
  }
  if (query.from !== null) q = q.where('o.year', '>=', query.from);
  if (query.to !== null) q = q.where('o.year', '<=', query.to);
  let roots: { id: string; path: string; depth: number }[] | null = null;
  if (query.regions !== null) {
    const ids = [...query.regions];
    roots = [];
    for (let i = 0; i < ids.length; i += ID_CHUNK)
      roots.push(
        ...(await db
          .selectFrom('regions')
          .select(['id', 'path', 'depth'])
          .where('id', 'in', ids.slice(i, i + ID_CHUNK))
          .execute()),
      );
    if (roots.length === 0) return null;
  }
  const levels = query.levels === null ? null : [...query.levels];
  if (levels !== null && levels.length === 0) return null;
  if (roots === null && levels === null) return q;
  const selected = roots;
  const depth = query.depth;
  // IN (subquery): the planner looks cells up by region through observations_region.
  return q.where('o.region', 'in', (eb) => {
    let regions = eb.selectFrom('regions as r').select('r.id');
    if (selected !== null)
      regions = regions.where((w) =>
        w.or(
          selected.map((root) =>
            w.and([
              w(sql<string>`substr(r.path, 1, ${codePointLength(root.path)})`, '=', root.path),
              ...(depth === null ? [] : [w('r.depth', '<=', root.depth + depth)]),
            ]),
          ),
        ),
      );
    if (levels !== null) regions = regions.where('r.level', 'in', levels);
    return regions;
  });
}

export async function readObservations(
  db: Kysely<Database>,
  query: ObservationQuery,
): Promise<WireObservation[]> {
  const q = await observationsQuery(db, query);
  if (!q) return [];
  const rows = await q.execute();
  return rows.map(toWireObservation);
}

/**
 * The same cells in batches of about `batch`, so that a caller can give the event loop back
 * between them. SQLite (synchronous) steps through the rows with a cursor, never holding all
 * of them. PostgreSQL, inside a transaction (the caller's snapshot), declares a cursor and
 * fetches a few batches at a time: all 420,000 cells of a country in one result were parsed by
 * the driver in one burst of ≈ 1.5 s that held up every other request (/meta's p99 went over a
 * second) and were all held in memory at once. Outside a transaction, one query as before.
 */
export async function* observationBatches(
  db: Kysely<Database>,
  query: ObservationQuery,
  batch: number,
): AsyncGenerator<WireObservation[]> {
  const q = await observationsQuery(db, query);
  if (!q) return;
  if (db.getExecutor().adapter instanceof SqliteAdapter) {
    let rows: WireObservation[] = [];
    for await (const row of q.stream()) {
      rows.push(toWireObservation(row));
      if (rows.length >= batch) {
        yield rows;
        rows = [];
      }
    }
    if (rows.length > 0) yield rows;
    return;
  }
  if (!db.isTransaction) {
    const rows = await q.execute();
    for (let i = 0; i < rows.length; i += batch)
      yield rows.slice(i, i + batch).map(toWireObservation);
    return;
  }
  const cursor = sql.id(`observations_${String(++cursors)}`);
  const size = Math.max(1, Math.trunc(batch)) * FETCH_BATCHES;
  const fetch = sql.raw(String(size));
  await sql`declare ${cursor} no scroll cursor for ${q}`.execute(db);
  try {
    for (;;) {
      const { rows } = await sql<ObservationRow>`fetch forward ${fetch} from ${cursor}`.execute(db);
      for (let i = 0; i < rows.length; i += batch)
        yield rows.slice(i, i + batch).map(toWireObservation);
      if (rows.length < size) return;
    }
  } finally {
    // The transaction's end closes it too; this frees it at once when the reader stops early.
    await sql`close ${cursor}`.execute(db).catch(() => undefined);
  }
}

/** Batches fetched from a PostgreSQL cursor in one round trip. */
const FETCH_BATCHES = 5;
let cursors = 0;

export async function readRankings(
  db: Kysely<Database>,
  query: RankingQuery,
): Promise<WireRanking[]> {
  let q = db
    .selectFrom('rankings')
    .select(['assessment', 'year', 'region', 'rank', 'of', 'score'])
    .orderBy('seq');
  if (query.assessments !== null) {
    if (query.assessments.size === 0) return [];
    q = q.where('assessment', 'in', [...query.assessments]);
  }
  if (query.from !== null) q = q.where('year', '>=', query.from);
  if (query.to !== null) q = q.where('year', '<=', query.to);
  if (query.regions !== null) {
    if (query.regions.size === 0) return [];
    q = q.where('region', 'in', [...query.regions]);
  }
  const rows = await q.execute();
  return rows.map(toWireRanking);
}

/** The whole stored dataset (for the importer's diff), or null before the first import. */
export async function readDataset(db: Kysely<Database>): Promise<WireDataset | null> {
  const meta = await readMeta(db);
  if (meta.dataAsOf === null) return null;
  const all = { from: null, to: null };
  const [observations, rankings] = await Promise.all([
    readObservations(db, { ...all, regions: null, indicators: null, depth: null, levels: null }),
    readRankings(db, { ...all, assessments: null, regions: null }),
  ]);
  return { meta: { ...meta, dataAsOf: meta.dataAsOf }, observations, rankings };
}
