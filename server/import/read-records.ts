/**
 * The record sheets: 数据 (one row per indicator × region, one column per year), 目标值 (the
 * same shape, holding targets) and 排名. Also used for the 数据 layout as CSV.
 */
import type { WireObservation, WireRanking, WireStatus, WireText } from '@contract/wire-types';
import {
  MAX_TEXT,
  MAX_YEAR,
  MIN_YEAR,
  STATUS_WORDS,
  allWords,
  choiceOf,
} from '@contract/workbook/layout';
import type { OBSERVATIONS_SHEET, RANKINGS_SHEET, TARGETS_SHEET } from '@contract/workbook/layout';
import { isBlank } from './grid';
import { ID_KIND, YEAR_SUBJECT, messages } from './messages';
import type { KnownIds, Rowed, Validity } from './read-meta';
import { checkRef } from './read-meta';
import type { Fault, RowReader, Sheet, YearRange } from './sheet';

type KeyOf<S> = S extends { columns: readonly { key: infer K }[] } ? K : never;
type ObsKey = KeyOf<typeof OBSERVATIONS_SHEET>;
type TargetKey = KeyOf<typeof TARGETS_SHEET>;
type RankKey = KeyOf<typeof RANKINGS_SHEET>;

export interface References {
  indicators: KnownIds;
  regions: KnownIds;
  assessments: KnownIds;
  years: YearRange | null;
  /** (1.1) Regions that exist only in some years; absent = every year. */
  validity?: ReadonlyMap<string, Validity> | null;
}

/** What one 数据 row produced, for the targets sheet to attach to. */
export interface CellRowInfo {
  row: number;
  /** Years with something in them (a value cell, valid or not, or a note): a target may go there. */
  occupied: Set<number>;
  /** The row's observations by year (only when the row was read without problems). */
  byYear: Map<number, WireObservation>;
}

export interface ObservationsResult {
  observations: Rowed<WireObservation>[];
  /**
   * `indicator\0region` → the row that holds it; null when the sheet could not be read at all
   * (missing, or a required column missing): its own problem says so, and targets are then not
   * matched against it (which would report every target row as having no row).
   */
  rows: Map<string, CellRowInfo> | null;
}

const cellKey = (indicator: string, region: string) => `${indicator}\u0000${region}`;

/** A year written in a note prefix or a provisional list: 4 digits, optionally followed by 年. */
const YEAR_TOKEN = /^(\d{4})\s*年?$/;

function checkYear(
  year: number,
  years: YearRange | null,
  subject: (typeof YEAR_SUBJECT)[keyof typeof YEAR_SUBJECT],
): Fault | null {
  const outside = years ? !years.set.has(year) : year < MIN_YEAR || year > MAX_YEAR;
  if (!outside) return null;
  const [first, last] = years ? [years.first, years.last] : [MIN_YEAR, MAX_YEAR];
  return {
    code: 'year-out-of-range',
    message: messages.yearOutOfRange(subject, year, first, last),
  };
}

/**
 * `2019: 数据暂缺` notes, several separated by line breaks, or by ；/; when the next note starts
 * with its year (so a note's own text may contain a semicolon).
 */
/** `2019：保密` entries of a year-keyed text column, one per line or `；`-separated. */
function yearEntries(text: string): string[] {
  return text
    .split(/\r?\n|\r|[;；]\s*(?=\d{4}\s*年?\s*[:：])/)
    .map((p) => p.trim())
    .filter((p) => p !== '');
}

const YEAR_ENTRY = /^(\d{4})\s*年?\s*[:：]\s*([\s\S]*)$/;

/**
 * (1.1) The 缺失类型 (Missing status) column: `2019：保密`, one entry per year, saying why that
 * year's empty cell is empty (STATUS_WORDS).
 */
function readStatuses(r: RowReader<ObsKey>, years: YearRange | null): Map<number, WireStatus> {
  const out = new Map<number, WireStatus>();
  const text = r.text('status');
  if (text === null) return out;
  for (const part of yearEntries(text)) {
    const m = YEAR_ENTRY.exec(part);
    if (!m) {
      r.fail('status', { code: 'bad-status', message: messages.statusWithoutYear(part) });
      continue;
    }
    const year = Number(m[1]);
    const word = (m[2] ?? '').trim();
    const status = choiceOf(STATUS_WORDS, word);
    const bad = checkYear(year, years, YEAR_SUBJECT.status);
    if (bad) r.fail('status', bad);
    else if (status === null)
      r.fail('status', {
        code: 'bad-status',
        message: messages.unknownStatus(word, allWords(STATUS_WORDS)),
      });
    else if (out.has(year))
      r.fail('status', { code: 'duplicate-status', message: messages.duplicateStatus(year) });
    else out.set(year, status);
  }
  return out;
}

function readNotes(
  r: RowReader<ObsKey>,
  key: ObsKey,
  years: YearRange | null,
): Map<number, string> {
  const out = new Map<number, string>();
  const text = r.text(key);
  if (text === null) return out;
  for (const part of yearEntries(text)) {
    const m = YEAR_ENTRY.exec(part);
    if (!m) {
      r.fail(key, { code: 'bad-note', message: messages.noteWithoutYear(part) });
      continue;
    }
    const year = Number(m[1]);
    const body = (m[2] ?? '').trim();
    const bad = checkYear(year, years, YEAR_SUBJECT.note);
    if (bad) r.fail(key, bad);
    else if (body === '')
      r.fail(key, { code: 'bad-note', message: messages.noteWithoutText(year) });
    else if (out.has(year))
      r.fail(key, { code: 'duplicate-note', message: messages.duplicateNote(year) });
    else if (body.length > MAX_TEXT)
      r.fail(key, { code: 'text-too-long', message: messages.textTooLong(body.length, MAX_TEXT) });
    else out.set(year, body);
  }
  return out;
}

function readProvisional(r: RowReader<ObsKey>, years: YearRange | null): number[] {
  const text = r.text('provisional');
  if (text === null) return [];
  const out = new Set<number>();
  for (const token of text.split(/[,，、;；\s]+/).filter((t) => t !== '')) {
    const m = YEAR_TOKEN.exec(token);
    if (!m) {
      r.fail('provisional', { code: 'bad-provisional', message: messages.badProvisional(token) });
      continue;
    }
    const year = Number(m[1]);
    const bad = checkYear(year, years, YEAR_SUBJECT.provisional);
    if (bad) r.fail('provisional', bad);
    else out.add(year);
  }
  return [...out];
}

/** The indicator and region ids of a 数据/目标值 row, checked against the meta sheets. */
function cellIds<K extends ObsKey | TargetKey>(
  r: RowReader<K>,
  refs: References,
): { indicator: string | null; region: string | null; known: boolean } {
  const indicator = r.id('indicator' as K, true);
  const region = r.id('region' as K, true);
  const knownIndicator = checkRef(
    r,
    'indicator' as K,
    indicator,
    refs.indicators,
    ID_KIND.indicator,
  );
  const knownRegion = checkRef(r, 'region' as K, region, refs.regions, ID_KIND.region);
  return { indicator, region, known: knownIndicator && knownRegion };
}

export function readObservations(
  sheet: Sheet<ObsKey> | null,
  refs: References,
): ObservationsResult {
  if (!sheet?.usable) return { observations: [], rows: null };
  const result = {
    observations: [] as Rowed<WireObservation>[],
    rows: new Map<string, CellRowInfo>(),
  };
  const yearCols = [...sheet.yearCols.entries()].sort((a, b) => a[0] - b[0]);
  for (const row of sheet.dataRows()) {
    const r = sheet.reader(row);
    const { indicator, region } = cellIds(r, refs);
    let info: CellRowInfo | null = null;
    if (indicator !== null && region !== null) {
      const key = cellKey(indicator, region);
      const first = result.rows.get(key);
      if (first) {
        r.fail('indicator', {
          code: 'duplicate-cell',
          message: messages.duplicateCell(indicator, region, first.row),
        });
      } else {
        info = { row: row.number, occupied: new Set(), byYear: new Map() };
        result.rows.set(key, info);
      }
    }
    const values = new Map<number, number>();
    const occupied = new Set<number>();
    for (const [year, col] of yearCols) {
      if (isBlank(row.cells[col])) continue;
      occupied.add(year);
      const v = r.number(col);
      if (v !== null) values.set(year, v);
    }
    const notesZh = readNotes(r, 'noteZh', refs.years);
    const notesEn = readNotes(r, 'noteEn', refs.years);
    for (const y of [...notesZh.keys(), ...notesEn.keys()]) occupied.add(y);
    const statuses = readStatuses(r, refs.years);
    for (const year of statuses.keys()) {
      const value = values.get(year);
      if (value !== undefined)
        r.fail('status', {
          code: 'status-with-value',
          message: messages.statusWithValue(year, value),
        });
      occupied.add(year);
    }
    // (1.1) A region that exists only in some years has no data outside them.
    const span = region === null ? undefined : refs.validity?.get(region);
    if (span && region !== null)
      for (const year of [...occupied].sort((a, b) => a - b)) {
        if ((span.from ?? year) <= year && year <= (span.to ?? year)) continue;
        const col = sheet.yearCols.get(year);
        const at =
          col !== undefined && !isBlank(row.cells[col])
            ? col
            : statuses.has(year)
              ? 'status'
              : notesZh.has(year)
                ? 'noteZh'
                : 'noteEn';
        r.fail(at, {
          code: 'outside-validity',
          message: messages.outsideValidity(region, year, span.from, span.to),
        });
      }
    const provisional = readProvisional(r, refs.years);
    for (const year of provisional) {
      if (!occupied.has(year)) {
        r.fail('provisional', {
          code: 'provisional-without-value',
          message: messages.provisionalWithoutValue(year),
        });
      }
    }
    if (info) for (const y of occupied) info.occupied.add(y);
    if (!r.ok || indicator === null || region === null) continue;

    const provisionalSet = new Set(provisional);
    const years = [...occupied].sort((a, b) => a - b);
    for (const year of years) {
      const o: WireObservation = { indicator, region, year, value: values.get(year) ?? null };
      const status = statuses.get(year);
      if (status !== undefined && o.value === null) o.status = status;
      if (provisionalSet.has(year)) o.provisional = true;
      const zh = notesZh.get(year);
      const en = notesEn.get(year);
      if (zh !== undefined || en !== undefined) {
        const note: WireText = { zh: zh ?? '', en: en ?? '' };
        o.note = note;
      }
      info?.byYear.set(year, o);
      result.observations.push({ value: o, row: row.number });
    }
  }
  return result;
}

/**
 * 目标值: sets `target` on the observations read from 数据 (mutating them). When 数据 could not
 * be read (`cells` null) the targets' own cells are still checked, but not matched to its rows.
 */
export function readTargets(
  sheet: Sheet<TargetKey> | null,
  refs: References,
  cells: ReadonlyMap<string, CellRowInfo> | null,
) {
  if (!sheet?.usable) return;
  const seen = new Map<string, number>();
  const yearCols = [...sheet.yearCols.entries()].sort((a, b) => a[0] - b[0]);
  for (const row of sheet.dataRows()) {
    const r = sheet.reader(row);
    const { indicator, region, known } = cellIds(r, refs);
    let info: CellRowInfo | undefined;
    if (indicator !== null && region !== null) {
      const key = cellKey(indicator, region);
      const first = seen.get(key);
      if (first !== undefined) {
        r.fail('indicator', {
          code: 'duplicate-cell',
          message: messages.duplicateCell(indicator, region, first),
        });
        continue;
      }
      seen.set(key, row.number);
      info = cells?.get(key);
      if (!info && known && cells) {
        r.fail('indicator', {
          code: 'target-without-row',
          message: messages.targetWithoutRow(indicator, region),
        });
      }
    }
    for (const [year, col] of yearCols) {
      const target = r.number(col);
      if (target === null || !info) continue;
      if (!info.occupied.has(year)) {
        r.fail(col, {
          code: 'target-without-value',
          message: messages.targetWithoutValue(year),
        });
        continue;
      }
      const o = info.byYear.get(year);
      if (o) o.target = target;
    }
  }
}

export function readRankings(sheet: Sheet<RankKey> | null, refs: References): Rowed<WireRanking>[] {
  const out: Rowed<WireRanking>[] = [];
  if (!sheet?.usable) return out;
  const seen = new Map<string, number>();
  for (const row of sheet.dataRows()) {
    const r = sheet.reader(row);
    const assessment = r.id('assessment', true);
    checkRef(r, 'assessment', assessment, refs.assessments, ID_KIND.assessment);
    const year = r.integer('year', true, MIN_YEAR, MAX_YEAR);
    if (year !== null) {
      const bad = checkYear(year, refs.years, YEAR_SUBJECT.year);
      if (bad) r.fail('year', bad);
    }
    const region = r.id('region', true);
    checkRef(r, 'region', region, refs.regions, ID_KIND.region);
    const rank = r.integer('rank', true, 1, null);
    const of = r.integer('of', true, 1, null);
    const score = r.number('score');
    if (rank !== null && of !== null && rank > of) {
      r.fail('rank', { code: 'rank-exceeds-of', message: messages.rankExceedsOf(rank, of) });
    }
    if (assessment !== null && year !== null && region !== null) {
      const key = `${assessment}\u0000${year}\u0000${region}`;
      const first = seen.get(key);
      if (first !== undefined) {
        r.fail('assessment', {
          code: 'duplicate-cell',
          message: messages.duplicateRanking(assessment, year, region, first),
        });
      } else seen.set(key, row.number);
    }
    if (!r.ok || assessment === null || year === null || region === null) continue;
    if (rank === null || of === null) continue;
    const ranking: WireRanking = { assessment, year, region, rank, of };
    if (score !== null) ranking.score = score;
    out.push({ value: ranking, row: row.number });
  }
  return out;
}
