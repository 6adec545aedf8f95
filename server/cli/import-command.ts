/**
 * What `npm run import` does, as a function the tests call: read and validate the whole file
 * (readImportFile), then, in one transaction holding the import lock, compare it with the
 * stored edition (planImport) and (unless it is a dry run or nothing changed) store it as a
 * new edition. Nothing is written when any problem is found; when another import holds the
 * lock longer than the wait, the outcome is 'busy' and nothing is written either.
 * The browser's import (server/admin/editions) is the same dry run, kept, then stored by
 * commitPreviewed only while the edition it was diffed against is still the latest.
 */
import { createHash } from 'node:crypto';
import { basename, extname } from 'node:path';
import type { Kysely } from 'kysely';
import type { WireDataset, WireObservation, WireRanking } from '@contract/wire-types';
import { inspectCsv } from '../import/guard/csv';
import { fileSizeProblems, inspectWorkbook } from '../import/guard/inspect';
import { readWorkbookIsolated } from '../import/isolated';
import { messages } from '../import/messages';
import type { Message } from '../import/problem';
import { formatProblem, readObservationsCsv, readWorkbook } from '../import/read-workbook';
import { isCalendarDate } from '../import/sheet';
import type { Problem } from '../import/read-workbook';
import { diffDatasets, isUnchanged } from '../db/diff';
import type { DatasetDiff } from '../db/diff';
import { latestEdition, readDataset } from '../db/read';
import type { Edition, ServedMeta } from '../db/read';
import type { Database } from '../db/schema';
import { ImportBusyError, withImportLock } from '../db/import-lock';
import { packSnapshot } from '../db/snapshots';
import { storeEdition } from '../db/write';
import type { EditionCells } from '../db/write';

export type Lang = 'zh' | 'en';

export interface ImportRequest {
  fileName: string;
  bytes: Uint8Array;
  dryRun: boolean;
  /** Overrides the workbook's data-as-of date (required sense for CSV: default today). */
  asOf?: string | undefined;
  /** For tests: the moment of the import. */
  now?: Date;
  /** How long to wait for another import to finish before giving up; default one minute. */
  lockWaitMs?: number | undefined;
  /** Called once when another import holds the lock and this one starts waiting for it. */
  onWait?: (() => void) | undefined;
  /**
   * Read the workbook in a child process with a memory limit and a timeout (the default), or,
   * for tests of what is read rather than how, in this process.
   */
  isolated?: boolean;
  /** Who imports (a data keeper signed in to the service); null/absent = the command line. */
  importedBy?: string | null;
}

export const DEFAULT_LOCK_WAIT_MS = 60_000;

export type ImportOutcome =
  | { status: 'invalid'; problems: Problem[] }
  | { status: 'busy'; waitMs: number }
  | { status: 'unchanged'; edition: Edition | null; diff: DatasetDiff }
  | {
      status: 'dry-run';
      diff: DatasetDiff;
      dataset: WireDataset;
      /** The edition the diff was taken against (null: none yet), and its meta (names). */
      base: Edition | null;
      baseMeta: ServedMeta | null;
      checksum: string;
    }
  | { status: 'imported'; editionId: number; diff: DatasetDiff; dataset: WireDataset };

/** A file read and checked as far as it can be without the stored data (before the lock). */
export interface ReadFile {
  fileName: string;
  /** SHA-256 of the file's bytes, hex. */
  checksum: string;
  asOf: string | undefined;
  now: Date;
  /** The workbook's dataset, or null for a CSV (read under the lock against the edition). */
  workbook: WireDataset | null;
  csvText: string;
}

/** What a file would make of the stored data: read under the import lock. */
export type ImportPlan =
  | { status: 'invalid'; problems: Problem[] }
  | {
      status: 'planned';
      base: Edition | null;
      current: WireDataset | null;
      next: WireDataset;
      diff: DatasetDiff;
    };

function fileProblem(code: string, message: Message): Problem {
  return { code, sheet: '', row: null, column: null, message };
}

function today(now: Date): string {
  const local = new Date(now.getTime() - now.getTimezoneOffset() * 60_000);
  return local.toISOString().slice(0, 10);
}

/**
 * Read and validate the whole file, before waiting for the lock: the date, the type, the
 * size, then a workbook is looked at inside its zip (the guard) and parsed in a child with
 * memory and time limits; a CSV is measured (rows, fields, their lengths) as it is read.
 */
export async function readImportFile(
  request: Omit<ImportRequest, 'dryRun' | 'lockWaitMs' | 'onWait' | 'importedBy'>,
): Promise<{ status: 'invalid'; problems: Problem[] } | { status: 'read'; file: ReadFile }> {
  const now = request.now ?? new Date();
  if (request.asOf !== undefined && !isCalendarDate(request.asOf))
    return {
      status: 'invalid',
      problems: [fileProblem('bad-as-of', messages.badAsOf(request.asOf))],
    };
  const extension = extname(request.fileName).toLowerCase();
  if (extension !== '.csv' && extension !== '.xlsx')
    return {
      status: 'invalid',
      problems: [fileProblem('unsupported-file', messages.unsupportedFile(extension))],
    };
  const tooLarge = fileSizeProblems(request.bytes.length);
  if (tooLarge.length > 0) return { status: 'invalid', problems: tooLarge };
  let workbook: WireDataset | null = null;
  // Only a CSV's ids need the current edition: it is checked against that under the lock.
  let csvText = '';
  if (extension === '.csv') {
    csvText = new TextDecoder('utf-8').decode(request.bytes);
    const refused = inspectCsv(csvText);
    if (refused.length > 0) return { status: 'invalid', problems: refused };
  }
  if (extension === '.xlsx') {
    const refused = inspectWorkbook(request.bytes);
    if (refused.length > 0) return { status: 'invalid', problems: refused };
    const read =
      request.isolated === false
        ? await readWorkbook(request.bytes)
        : await readWorkbookIsolated(request.bytes);
    if (!read.data) return { status: 'invalid', problems: read.problems };
    workbook = read.data.dataset;
    if (request.asOf !== undefined)
      workbook = { ...workbook, meta: { ...workbook.meta, dataAsOf: request.asOf } };
  }
  return {
    status: 'read',
    file: {
      fileName: basename(request.fileName),
      checksum: createHash('sha256').update(request.bytes).digest('hex'),
      asOf: request.asOf,
      now,
      workbook,
      csvText,
    },
  };
}

/**
 * Inside the transaction holding the import lock: the current edition, the dataset the file
 * makes of it (a CSV replaces the current edition's observations) and the diff between them.
 */
export async function planImport(trx: Kysely<Database>, file: ReadFile): Promise<ImportPlan> {
  const base = await latestEdition(trx);
  const current = await readDataset(trx);
  let next: WireDataset;
  if (file.workbook) next = file.workbook;
  else {
    if (!current)
      return {
        status: 'invalid',
        problems: [fileProblem('csv-needs-workbook', messages.csvNeedsWorkbook())],
      };
    const read = readObservationsCsv(file.csvText, current.meta);
    if (!read.observations) return { status: 'invalid', problems: read.problems };
    next = {
      meta: { ...current.meta, dataAsOf: file.asOf ?? today(file.now) },
      observations: read.observations,
      rankings: current.rankings,
    };
  }
  return { status: 'planned', base, current, next, diff: diffDatasets(current, next) };
}

export async function runImport(
  db: Kysely<Database>,
  request: ImportRequest,
): Promise<ImportOutcome> {
  const read = await readImportFile(request);
  if (read.status === 'invalid') return read;
  const { file } = read;
  const waitMs = request.lockWaitMs ?? DEFAULT_LOCK_WAIT_MS;
  try {
    // The current edition is read, diffed against and replaced in one transaction holding the
    // import lock: an import running in another process cannot slip in between and be lost.
    return await withImportLock(
      db,
      waitMs,
      async (trx): Promise<ImportOutcome> => {
        const plan = await planImport(trx, file);
        if (plan.status === 'invalid') return plan;
        const { diff, next } = plan;
        if (isUnchanged(diff)) return { status: 'unchanged', edition: plan.base, diff };
        if (request.dryRun)
          return {
            status: 'dry-run',
            diff,
            dataset: next,
            base: plan.base,
            baseMeta: plan.current?.meta ?? null,
            checksum: file.checksum,
          };
        const editionId = await storeEdition(trx, next, diff, {
          fileName: file.fileName,
          checksum: file.checksum,
          importedAt: file.now.toISOString(),
          importedBy: request.importedBy ?? null,
        });
        return { status: 'imported', editionId, diff, dataset: next };
      },
      request.onWait,
    );
  } catch (error) {
    if (error instanceof ImportBusyError) return { status: 'busy', waitMs };
    throw error;
  }
}

export interface CommitRequest {
  /** Exactly the dataset a dry run (preview) produced, and the edition it was diffed against. */
  dataset: WireDataset;
  baseEdition: number | null;
  cells: EditionCells;
  fileName: string;
  checksum: string;
  importedBy: string | null;
  now?: Date;
  lockWaitMs: number;
  /** A roll back: the edition whose data this is. */
  rolledBackFrom?: number | null;
}

export type CommitOutcome =
  | { status: 'imported'; editionId: number }
  | { status: 'edition-moved'; latest: number | null }
  | { status: 'busy'; waitMs: number };

/**
 * Store a previewed dataset: under the import lock, only if the latest edition is still the
 * one the preview was diffed against (so its diff, and what the keeper saw, still hold).
 */
export async function commitPreviewed(
  db: Kysely<Database>,
  request: CommitRequest,
): Promise<CommitOutcome> {
  // Packed before the lock: the wait of the next import does not include the gzip.
  const snapshot = await packSnapshot(request.dataset);
  try {
    return await withImportLock(db, request.lockWaitMs, async (trx): Promise<CommitOutcome> => {
      const latest = (await latestEdition(trx))?.id ?? null;
      if (latest !== request.baseEdition) return { status: 'edition-moved', latest };
      const editionId = await storeEdition(trx, request.dataset, request.cells, {
        fileName: request.fileName,
        checksum: request.checksum,
        importedAt: (request.now ?? new Date()).toISOString(),
        importedBy: request.importedBy,
        rolledBackFrom: request.rolledBackFrom ?? null,
        snapshot,
      });
      return { status: 'imported', editionId };
    });
  } catch (error) {
    if (error instanceof ImportBusyError) return { status: 'busy', waitMs: request.lockWaitMs };
    throw error;
  }
}

const cellName = (o: WireObservation) => `${o.indicator} / ${o.region} / ${o.year}`;
const rankName = (r: WireRanking) => `${r.assessment} / ${r.year} / ${r.region}`;
const shown = (v: number | null) => (v === null ? '—' : String(v));

/** The report printed for each outcome, in the user's language; `limit` caps listed cells. */
export function describeOutcome(outcome: ImportOutcome, lang: Lang, limit = 20): string[] {
  const zh = lang === 'zh';
  const lines: string[] = [];
  if (outcome.status === 'invalid') {
    lines.push(
      zh
        ? `发现 ${outcome.problems.length} 个问题，未写入任何数据：`
        : `Found ${outcome.problems.length} problem(s); nothing was written:`,
    );
    for (const p of outcome.problems) lines.push(`  ${formatProblem(p, lang)}`);
    return lines;
  }
  if (outcome.status === 'busy') {
    lines.push(messages.importBusy(Math.ceil(outcome.waitMs / 1000))[lang]);
    return lines;
  }
  if (outcome.status === 'unchanged') {
    const e = outcome.edition;
    lines.push(
      zh
        ? `没有变化：与当前第 ${e?.id ?? 0} 版数据（${e?.file_name ?? ''}，截至 ${e?.as_of ?? ''}）相同，未写入。`
        : `No changes: identical to the current edition ${e?.id ?? 0} (${e?.file_name ?? ''}, data as of ${e?.as_of ?? ''}); nothing written.`,
    );
    return lines;
  }
  const { diff } = outcome;
  const o = diff.observations;
  const r = diff.rankings;
  lines.push(
    zh
      ? `数据单元格：新增 ${o.added.length}，修改 ${o.changed.length}，删除 ${o.removed.length}；排名：新增 ${r.added.length}，修改 ${r.changed.length}，删除 ${r.removed.length}`
      : `Data cells: ${o.added.length} added, ${o.changed.length} changed, ${o.removed.length} removed; rankings: ${r.added.length} added, ${r.changed.length} changed, ${r.removed.length} removed`,
  );
  for (const [name, d] of Object.entries(diff.dimensions)) {
    const parts: string[] = [];
    if (d.added.length) parts.push(`+${d.added.join(', +')}`);
    if (d.changed.length) parts.push(`~${d.changed.join(', ~')}`);
    if (d.removed.length) parts.push(`-${d.removed.join(', -')}`);
    if (d.reordered) parts.push(zh ? '顺序调整' : 'reordered');
    if (parts.length) lines.push(`  ${name}: ${parts.join('; ')}`.slice(0, 400));
  }
  if (diff.meta.length)
    lines.push(
      zh
        ? `  数据集信息变化：${diff.meta.join('、')}`
        : `  Dataset fields changed: ${diff.meta.join(', ')}`,
    );
  const list = (items: string[]) => {
    for (const item of items.slice(0, limit)) lines.push(`  ${item}`);
    if (items.length > limit)
      lines.push(
        zh ? `  …另有 ${items.length - limit} 项` : `  … and ${items.length - limit} more`,
      );
  };
  list([
    ...o.added.map((c) => `+ ${cellName(c)}: ${shown(c.value)}`),
    ...o.changed.map(
      (c) => `~ ${cellName(c.after)}: ${shown(c.before.value)} → ${shown(c.after.value)}`,
    ),
    ...o.removed.map((c) => `- ${cellName(c)}: ${shown(c.value)}`),
    ...r.added.map((c) => `+ ${rankName(c)}: ${c.rank}/${c.of}`),
    ...r.changed.map(
      (c) =>
        `~ ${rankName(c.after)}: ${c.before.rank}/${c.before.of} → ${c.after.rank}/${c.after.of}`,
    ),
    ...r.removed.map((c) => `- ${rankName(c)}: ${c.rank}/${c.of}`),
  ]);
  if (outcome.status === 'dry-run')
    lines.push(
      zh ? '试运行（--dry-run）：未写入任何数据。' : 'Dry run (--dry-run): nothing was written.',
    );
  else
    lines.push(
      zh
        ? `已导入为第 ${outcome.editionId} 版，数据截至 ${outcome.dataset.meta.dataAsOf}。`
        : `Imported as edition ${outcome.editionId}, data as of ${outcome.dataset.meta.dataAsOf}.`,
    );
  return lines;
}

/** `npm run import -- --list`: one line per edition, oldest first. */
export function describeEditions(editions: readonly Edition[], lang: Lang): string[] {
  if (editions.length === 0)
    return [lang === 'zh' ? '尚未导入任何数据。' : 'Nothing has been imported yet.'];
  return editions.map((e) =>
    lang === 'zh'
      ? `第 ${e.id} 版  ${e.imported_at.slice(0, 19).replace('T', ' ')}  ${e.file_name}  数据截至 ${e.as_of}  ${e.observations} 个数据单元格、${e.rankings} 条排名（新增 ${e.cells_added}，修改 ${e.cells_changed}，删除 ${e.cells_removed}）  sha256 ${e.checksum.slice(0, 12)}`
      : `edition ${e.id}  ${e.imported_at.slice(0, 19).replace('T', ' ')}  ${e.file_name}  data as of ${e.as_of}  ${e.observations} cells, ${e.rankings} rankings (${e.cells_added} added, ${e.cells_changed} changed, ${e.cells_removed} removed)  sha256 ${e.checksum.slice(0, 12)}`,
  );
}
