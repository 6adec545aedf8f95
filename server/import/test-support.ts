/**
 * Shared by the importer's tests: the demo template built once per test file, a way to break a
 * copy of it, and lookups of rows and columns by content so tests do not hard-code positions.
 */
import type { Workbook, Worksheet } from 'exceljs';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { demoDataset } from '@mocks/demo/dataset';
import type {
  WireDataset,
  WireIndicator,
  WireObservation,
  WireRanking,
} from '@contract/wire-types';
import { loadExcelJS } from '@contract/workbook/excel';
import { columnLetter, sheetLabel } from '@contract/workbook/layout';
import type { SheetDef } from '@contract/workbook/layout';
import { templateBytes } from '@contract/workbook/write-template';
import { readLoadedWorkbook, readWorkbook } from './read-workbook';
import type { Problem } from './read-workbook';

let demo: Promise<Uint8Array> | null = null;

/** The demo dataset's template as bytes, built once. */
export function demoBytes(): Promise<Uint8Array> {
  return (demo ??= templateBytes(demoDataset));
}

export async function loadWorkbook(bytes: Uint8Array): Promise<Workbook> {
  const ExcelJS = await loadExcelJS();
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(new Uint8Array(bytes).buffer);
  return wb;
}

export async function toBytes(wb: Workbook): Promise<Uint8Array> {
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

/**
 * A fresh copy of the demo template (reloaded from its bytes), changed by `change`, then read by
 * the importer. `viaBytes` writes the changed workbook out and reads the file, as the CLI does;
 * otherwise the loaded workbook is read directly, which is faster and sees the same cells.
 */
export async function readChanged(
  change: (wb: Workbook) => void | Promise<void>,
  viaBytes = false,
) {
  const wb = await loadWorkbook(await demoBytes());
  await change(wb);
  return viaBytes ? readWorkbook(await toBytes(wb)) : readLoadedWorkbook(wb);
}

/**
 * `bytes` (an .xlsx) with `marker` replaced by `raw` in every XML part, as written: for text only
 * a file can carry, such as Excel's `_x0000_` escape, which exceljs reads as a NUL character.
 */
export function patchXml(bytes: Uint8Array, marker: string, raw: string): Uint8Array {
  const files = unzipSync(bytes);
  let hits = 0;
  for (const [path, data] of Object.entries(files)) {
    if (!path.endsWith('.xml')) continue;
    const xml = strFromU8(data);
    if (!xml.includes(marker)) continue;
    hits++;
    files[path] = strToU8(xml.replaceAll(marker, raw));
  }
  if (hits === 0) throw new Error(`no ${marker} in the workbook`);
  return zipSync(files);
}

export function sheetOf(wb: Workbook, def: SheetDef): Worksheet {
  const ws = wb.getWorksheet(sheetLabel(def));
  if (!ws) throw new Error(`no sheet ${sheetLabel(def)}`);
  return ws;
}

const text = (v: unknown): string =>
  typeof v === 'string' || typeof v === 'number' ? String(v) : '';

/** The row whose first cells are `keys` (e.g. indicator and region ids). */
export function rowWith(ws: Worksheet, ...keys: string[]): number {
  for (let r = 2; r <= ws.rowCount; r++) {
    const row = ws.getRow(r);
    if (keys.every((k, i) => text(row.getCell(i + 1).value) === k)) return r;
  }
  throw new Error(`no row ${keys.join(' · ')} on ${ws.name}`);
}

/** The column whose header is `header` (a label's text, or a year). */
export function columnWith(ws: Worksheet, header: string | number): number {
  const row = ws.getRow(1);
  for (let c = 1; c <= ws.columnCount; c++) {
    if (text(row.getCell(c).value) === String(header)) return c;
  }
  throw new Error(`no column ${String(header)} on ${ws.name}`);
}

/** The next free row number. */
export const nextRow = (ws: Worksheet) => ws.rowCount + 1;

/** Copy row `from` to a new row at the bottom. */
export function duplicateRow(ws: Worksheet, from: number): number {
  const values = ws.getRow(from).values;
  const to = nextRow(ws);
  ws.getRow(to).values = Array.isArray(values) ? values : [];
  return to;
}

/**
 * Comparable form of a dataset: absent optional fields are absent (never `false`, `null` or
 * `undefined`), observations and rankings are maps keyed by their identifying fields.
 */
export function normalise(d: WireDataset) {
  const indicator = (i: WireIndicator): WireIndicator => {
    const out: WireIndicator = {
      id: i.id,
      name: i.name,
      unit: i.unit,
      decimals: i.decimals,
      better: i.better,
      programme: i.programme,
    };
    if (i.unitLabel) out.unitLabel = i.unitLabel;
    if (i.headline) out.headline = true;
    if (i.description) out.description = i.description;
    if (i.aggregation) out.aggregation = i.aggregation;
    return out;
  };
  const observation = (o: WireObservation): WireObservation => {
    const out: WireObservation = {
      indicator: o.indicator,
      region: o.region,
      year: o.year,
      value: o.value,
    };
    if (o.target != null) out.target = o.target;
    if (o.provisional) out.provisional = true;
    if (o.note) out.note = o.note;
    if (o.status) out.status = o.status;
    return out;
  };
  const ranking = (r: WireRanking): WireRanking => {
    const out: WireRanking = { ...r };
    if (r.score == null) delete out.score;
    return out;
  };
  // What only a server adds (1.1): a workbook names neither.
  const meta = { ...d.meta, indicators: d.meta.indicators.map(indicator) };
  delete meta.capabilities;
  delete meta.dataVersion;
  return {
    meta,
    observations: new Map(
      d.observations.map((o) => [`${o.indicator}|${o.region}|${o.year}`, observation(o)]),
    ),
    rankings: new Map(d.rankings.map((r) => [`${r.assessment}|${r.region}|${r.year}`, ranking(r)])),
  };
}

/** A problem as a test expects it: sheet by definition or label, column by number or letters. */
export function problem(
  code: string,
  def: SheetDef | string,
  row: number | null,
  column: number | string | null,
  zh: string,
  en: string,
): Problem {
  return {
    code,
    sheet: typeof def === 'string' ? def : sheetLabel(def),
    row,
    column: typeof column === 'number' ? columnLetter(column) : column,
    message: { zh, en },
  };
}
