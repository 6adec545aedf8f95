/**
 * Reads a filled-in import template (.xlsx) into a WireDataset, or the 数据 layout as CSV into
 * observations. The whole file is validated first and every problem is reported with its sheet,
 * row, column and reason in Chinese and English; data is returned only when there is none.
 * As a last gate the dashboard's own boundary validation (parseMeta, parseObservations,
 * parseRankings) runs on the result, so what is stored is exactly what the dashboard accepts.
 *
 * Node only (the template writer in contract/workbook runs in the browser too).
 */
import Papa from 'papaparse';
import type { Workbook, Worksheet } from 'exceljs';
import { ApiError } from '@contract/errors';
import { parseMeta } from '@contract/parse-meta';
import { parseObservations, parseRankings } from '@contract/parse-records';
import type { Meta, QualityIssue } from '@contract/types';
import type { WireDataset, WireMeta, WireObservation, WireRanking } from '@contract/wire-types';
import { loadExcelJS } from '@contract/workbook/excel';
import {
  ASSESSMENTS_SHEET,
  CAMPAIGNS_SHEET,
  DATASET_SHEET,
  INDICATORS_SHEET,
  INSTRUCTIONS_SHEET,
  OBSERVATIONS_SHEET,
  PROGRAMMES_SHEET,
  RANKINGS_SHEET,
  REGIONS_SHEET,
  SHEETS,
  TARGETS_SHEET,
  matchesLabel,
  sheetLabel,
} from '@contract/workbook/layout';
import type { SheetDef, SheetKey } from '@contract/workbook/layout';
import type { Grid } from './grid';
import { gridFromRecords, gridFromWorksheet } from './grid';
import { messages } from './messages';
import type { Problem } from './problem';
import { Problems } from './problem';
import type { Rowed } from './read-meta';
import {
  readAssessments,
  readCampaigns,
  readDataset,
  readIndicators,
  readProgrammes,
  readRegions,
  validityOf,
} from './read-meta';
import { readObservations, readRankings, readTargets } from './read-records';
import type { References } from './read-records';
import { Sheet } from './sheet';
import type { SheetOptions, YearRange } from './sheet';

export type { Problem } from './problem';

export interface WorkbookData {
  /** meta.dataAsOf comes from the dataset sheet (YYYY-MM-DD); meta.apiVersion is 1. */
  dataset: WireDataset;
}

export const CSV_SHEET = 'CSV';

// ---------------------------------------------------------------------------------------------
// Problem order and formatting

const SHEET_ORDER = new Map<string, number>([
  ['', -1],
  ...SHEETS.map((s, i): [string, number] => [sheetLabel(s), i]),
  [CSV_SHEET, SHEETS.length],
]);

function columnNumber(letters: string | null): number {
  if (letters === null) return 0;
  let n = 0;
  for (const ch of letters) {
    if (ch < 'A' || ch > 'Z') break;
    n = n * 26 + (ch.charCodeAt(0) - 64);
  }
  return n;
}

/** By sheet (template order), row, column; otherwise in the order found. */
function sorted(problems: readonly Problem[]): Problem[] {
  return problems
    .map((p, i) => ({ p, i }))
    .sort(
      (a, b) =>
        (SHEET_ORDER.get(a.p.sheet) ?? 99) - (SHEET_ORDER.get(b.p.sheet) ?? 99) ||
        (a.p.row ?? 0) - (b.p.row ?? 0) ||
        columnNumber(a.p.column) - columnNumber(b.p.column) ||
        a.i - b.i,
    )
    .map((x) => x.p);
}

/**
 * One line: `数据 (Observations) 第12行 C列：…` / `Observations sheet, row 12, column C: …`.
 */
export function formatProblem(p: Problem, lang: 'zh' | 'en'): string {
  const def = SHEETS.find((s) => sheetLabel(s) === p.sheet);
  if (lang === 'zh') {
    const where = [
      p.sheet,
      p.row === null ? '' : `第${p.row}行`,
      p.column === null ? '' : `${p.column}列`,
    ]
      .filter((x) => x !== '')
      .join(' ');
    return where === '' ? p.message.zh : `${where}：${p.message.zh}`;
  }
  const sheet = def ? `${def.en} sheet` : p.sheet;
  const where = [
    sheet,
    p.row === null ? '' : `row ${p.row}`,
    p.column === null ? '' : `${p.column.includes(':') ? 'columns' : 'column'} ${p.column}`,
  ]
    .filter((x) => x !== '')
    .join(', ');
  return where === '' ? p.message.en : `${where}: ${p.message.en}`;
}

// ---------------------------------------------------------------------------------------------
// The contract gate

/** Where each record came from (its row), to place the dashboard's findings. */
export interface Origins {
  meta: Partial<
    Record<'regions' | 'campaigns' | 'programmes' | 'indicators' | 'assessments', number[]>
  >;
  observations: number[];
  rankings: number[];
  observationsSheet: string;
}

const META_LISTS = {
  regions: REGIONS_SHEET,
  campaigns: CAMPAIGNS_SHEET,
  programmes: PROGRAMMES_SHEET,
  indicators: INDICATORS_SHEET,
  assessments: ASSESSMENTS_SHEET,
} as const;

function contractProblem(issue: QualityIssue, origins: Origins): Problem {
  let sheet = sheetLabel(DATASET_SHEET);
  let row: number | null = null;
  if (issue.endpoint === 'observations') {
    sheet = origins.observationsSheet;
    row = issue.index === null ? null : (origins.observations[issue.index] ?? null);
  } else if (issue.endpoint === 'rankings') {
    sheet = sheetLabel(RANKINGS_SHEET);
    row = issue.index === null ? null : (origins.rankings[issue.index] ?? null);
  } else {
    const list = Object.keys(META_LISTS).find((k) => issue.record.startsWith(`${k}: `)) as
      keyof typeof META_LISTS | undefined;
    if (list) {
      sheet = sheetLabel(META_LISTS[list]);
      row = issue.index === null ? null : (origins.meta[list]?.[issue.index] ?? null);
    }
  }
  const message = messages.contract(issue.record, issue.field, issue.reason, issue.detail);
  return { code: 'contract', sheet, row, column: null, message };
}

function shapeProblem(e: unknown, sheet: string): Problem {
  const detail = e instanceof ApiError || e instanceof Error ? e.message : String(e);
  return {
    code: 'contract',
    sheet,
    row: null,
    column: null,
    message: messages.contractShape(detail),
  };
}

/**
 * The dashboard's own checks on the assembled data; [] when it accepts every record. Exported
 * for tests: the importer's checks are meant to catch everything first, so this should not fire.
 */
export function contractGate(
  meta: WireMeta,
  observations: readonly WireObservation[] | null,
  rankings: readonly WireRanking[] | null,
  origins: Origins,
  checkMeta = true,
): Problem[] {
  let parsed: Meta;
  const issues: QualityIssue[] = [];
  try {
    const m = parseMeta(meta);
    parsed = m.data;
    if (checkMeta) issues.push(...m.issues);
  } catch (e) {
    return [shapeProblem(e, sheetLabel(DATASET_SHEET))];
  }
  try {
    if (observations) issues.push(...parseObservations({ observations }, parsed).issues);
  } catch (e) {
    return [shapeProblem(e, origins.observationsSheet)];
  }
  try {
    if (rankings) issues.push(...parseRankings({ rankings }, parsed).issues);
  } catch (e) {
    return [shapeProblem(e, sheetLabel(RANKINGS_SHEET))];
  }
  return issues.map((i) => contractProblem(i, origins));
}

// ---------------------------------------------------------------------------------------------
// Workbook

function notAWorkbook(): { data: null; problems: Problem[] } {
  return {
    data: null,
    problems: [
      {
        code: 'not-a-workbook',
        sheet: '',
        row: null,
        column: null,
        message: messages.notAWorkbook(),
      },
    ],
  };
}

/** The worksheet for each template sheet, matched by name (full label, Chinese or English). */
function findSheets(worksheets: readonly Worksheet[], problems: Problems) {
  const found = new Map<SheetKey, Worksheet>();
  for (const ws of worksheets) {
    const def = SHEETS.find((s) => matchesLabel(ws.name, s));
    if (!def || def === INSTRUCTIONS_SHEET) continue;
    const first = found.get(def.key);
    if (first) {
      problems.add(
        'duplicate-sheet',
        sheetLabel(def),
        null,
        null,
        messages.duplicateSheet(def, first.name, ws.name),
      );
      continue;
    }
    found.set(def.key, ws);
  }
  for (const def of SHEETS) {
    if (def.required && !found.has(def.key))
      problems.add('missing-sheet', sheetLabel(def), null, null, messages.missingSheet(def));
  }
  return found;
}

const rowsOf = <T>(list: readonly Rowed<T>[]) => list.map((r) => r.row);
const valuesOf = <T>(list: readonly Rowed<T>[]) => list.map((r) => r.value);

export async function readWorkbook(
  bytes: Uint8Array,
): Promise<{ data: WorkbookData | null; problems: Problem[] }> {
  const ExcelJS = await loadExcelJS();
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(new Uint8Array(bytes).buffer);
  } catch {
    return notAWorkbook();
  }
  return readLoadedWorkbook(wb);
}

/** readWorkbook for a workbook already loaded (or built) with exceljs. */
export function readLoadedWorkbook(wb: Workbook): {
  data: WorkbookData | null;
  problems: Problem[];
} {
  if (wb.worksheets.length === 0) return notAWorkbook();

  const problems = new Problems();
  const found = findSheets(wb.worksheets, problems);
  const grids = new Map<SheetKey, Grid>();
  for (const [key, ws] of found) grids.set(key, gridFromWorksheet(ws));
  const open = <K extends string>(def: SheetDef<K>, options?: SheetOptions): Sheet<K> | null => {
    const grid = grids.get(def.key);
    return grid ? new Sheet(def, grid, problems, options) : null;
  };

  const info = readDataset(open(DATASET_SHEET));
  const regions = readRegions(open(REGIONS_SHEET));
  const campaigns = readCampaigns(open(CAMPAIGNS_SHEET));
  const programmes = readProgrammes(open(PROGRAMMES_SHEET));
  const indicators = readIndicators(open(INDICATORS_SHEET), programmes.known);
  const assessments = readAssessments(open(ASSESSMENTS_SHEET), regions.known);
  const refs: References = {
    indicators: indicators.known,
    regions: regions.known,
    assessments: assessments.known,
    years: info.years,
    validity: validityOf(regions.records),
  };
  const cellOptions: SheetOptions = { yearColumns: true, years: info.years };
  const observations = readObservations(open(OBSERVATIONS_SHEET, cellOptions), refs);
  readTargets(open(TARGETS_SHEET, cellOptions), refs, observations.rows);
  const rankings = readRankings(open(RANKINGS_SHEET), refs);

  const { title, source, dataAsOf, years } = info;
  if (problems.list.length > 0 || !title || !source || !dataAsOf || !years) {
    return { data: null, problems: sorted(problems.list) };
  }
  const meta: WireMeta = {
    apiVersion: 1,
    title,
    source,
    dataAsOf,
    years: [...years.set].sort((a, b) => a - b),
    regions: valuesOf(regions.records),
    campaigns: valuesOf(campaigns.records),
    programmes: valuesOf(programmes.records),
    indicators: valuesOf(indicators.records),
    assessments: valuesOf(assessments.records),
  };
  const dataset: WireDataset = {
    meta,
    observations: valuesOf(observations.observations),
    rankings: valuesOf(rankings),
  };
  const gate = contractGate(meta, dataset.observations, dataset.rankings, {
    meta: {
      regions: rowsOf(regions.records),
      campaigns: rowsOf(campaigns.records),
      programmes: rowsOf(programmes.records),
      indicators: rowsOf(indicators.records),
      assessments: rowsOf(assessments.records),
    },
    observations: rowsOf(observations.observations),
    rankings: rowsOf(rankings),
    observationsSheet: sheetLabel(OBSERVATIONS_SHEET),
  });
  if (gate.length > 0) return { data: null, problems: sorted(gate) };
  return { data: { dataset }, problems: [] };
}

// ---------------------------------------------------------------------------------------------
// CSV

/**
 * The 数据 sheet's layout as CSV (UTF-8, BOM allowed, comma-separated, same header labels),
 * checked against an existing meta: known ids and declared years. Problems name sheet `CSV`.
 */
export function readObservationsCsv(
  text: string,
  meta: WireMeta,
): { observations: WireObservation[] | null; problems: Problem[] } {
  const problems = new Problems();
  const parsed = Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), {
    delimiter: ',',
    skipEmptyLines: false,
  });
  const seenRows = new Set<number>();
  for (const e of parsed.errors) {
    const row = e.row === undefined ? null : e.row + 1;
    if (row !== null && seenRows.has(row)) continue;
    if (row !== null) seenRows.add(row);
    problems.add('csv-syntax', CSV_SHEET, row, null, messages.csvSyntax(e.message));
  }
  const records = parsed.data;
  const width = records[0]?.length ?? 0;
  records.forEach((fields, i) => {
    const extra = fields.slice(width).filter((f) => f.trim() !== '').length;
    if (i > 0 && extra > 0 && !seenRows.has(i + 1)) {
      problems.add(
        'extra-fields',
        CSV_SHEET,
        i + 1,
        null,
        messages.extraFields(fields.length, width),
      );
    }
  });

  const sortedYears = [...meta.years].sort((a, b) => a - b);
  const years: YearRange | null =
    sortedYears.length > 0
      ? {
          first: sortedYears[0] ?? 0,
          last: sortedYears[sortedYears.length - 1] ?? 0,
          set: new Set(sortedYears),
        }
      : null;
  const sheet = new Sheet(
    OBSERVATIONS_SHEET,
    gridFromRecords(records),
    problems,
    { yearColumns: true, years },
    CSV_SHEET,
  );
  const refs: References = {
    indicators: new Set(meta.indicators.map((i) => i.id)),
    regions: new Set(meta.regions.map((r) => r.id)),
    assessments: new Set(meta.assessments.map((a) => a.id)),
    years,
    validity: validityOf(meta.regions.map((value) => ({ value, row: 0 }))),
  };
  const result = readObservations(sheet, refs);
  if (problems.list.length > 0) return { observations: null, problems: sorted(problems.list) };
  const observations = valuesOf(result.observations);
  const gate = contractGate(
    meta,
    observations,
    null,
    {
      meta: {},
      observations: rowsOf(result.observations),
      rankings: [],
      observationsSheet: CSV_SHEET,
    },
    false,
  );
  if (gate.length > 0) return { observations: null, problems: sorted(gate) };
  return { observations, problems: [] };
}
