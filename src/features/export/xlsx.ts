/**
 * XLSX workbook of what the charts show: one data sheet per chart plus a notes sheet.
 *
 * This module pulls in exceljs (large), so callers load it with `await import('./xlsx')` and it
 * stays out of the first load. Text goes into cells as strings, never as formulas. A text cell
 * that starts like a formula (`=`, `+`, `-`, `@`, tab, CR — a title, a region name, a sheet
 * name, a note from the data server) also gets the quotePrefix style, which is what Excel
 * records when a user types `'=…`: the cell shows its text unchanged, and editing it (F2,
 * Enter) or copying it elsewhere keeps it text instead of turning it into a live formula. The
 * CSV export does the same with a leading apostrophe (./csv.ts).
 */
import ExcelJS from 'exceljs';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import type { ChartSpec, ExportRecord } from '@/features/charts/chart-spec';
import { translator } from '@/lib/i18n';
import { FORMULA_START } from './formula';
import { hasStatus, recordHeaders } from './record-columns';
import type { ReportMeta } from './report-model';

export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** What the notes sheet says about the export: the same facts as a report's cover. */
export type WorkbookMeta = ReportMeta;

const MISSING = '—';
const RED = 'FFC00000';
const MAX_SHEET_NAME = 31;

/** Excel number format for a record's decimals: '#,##0', '#,##0.0', '#,##0.00' … */
export function numFmtFor(decimals: number): string {
  const d = Number.isFinite(decimals) ? Math.min(10, Math.max(0, Math.trunc(decimals))) : 0;
  return d === 0 ? '#,##0' : `#,##0.${'0'.repeat(d)}`;
}

/** Cut to at most `max` UTF-16 units without splitting a surrogate pair. */
function cut(text: string, max: number): string {
  let out = '';
  for (const ch of text) {
    if (out.length + ch.length > max) break;
    out += ch;
  }
  return out;
}

/**
 * A sheet name Excel accepts: no []:*?/\ or control characters, no leading/trailing apostrophe,
 * at most 31 characters (an ellipsis marks a cut), unique ignoring case, never "History".
 */
export function sheetName(wanted: string, taken: Set<string>): string {
  let base = wanted
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u001f\u007f]/g, ' ')
    .replace(/[[\]:*?/\\]/g, '-')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^'+|'+$/g, '')
    .trim();
  if (!base || base.toLowerCase() === 'history') base = `Sheet ${taken.size + 1}`;
  const fit = (name: string, room: number) =>
    name.length <= room ? name : `${cut(name, room - 1).trimEnd()}…`;
  let name = fit(base, MAX_SHEET_NAME);
  for (let n = 2; taken.has(name.toLowerCase()); n++) {
    const suffix = ` (${n})`;
    name = fit(base, MAX_SHEET_NAME - suffix.length) + suffix;
  }
  taken.add(name.toLowerCase());
  return name;
}

/** Rough display width in Excel columns: CJK and full-width characters take two. */
function displayWidth(text: string): number {
  let w = 0;
  for (const ch of text) {
    const c = ch.codePointAt(0) ?? 0;
    w += c >= 0x2e80 ? 2 : 1;
  }
  return w;
}

export function columnWidth(texts: string[], min: number, max: number): number {
  const widest = texts.reduce((m, t) => Math.max(m, displayWidth(t)), 0);
  return Math.min(max, Math.max(min, widest + 2));
}

/** The unit shared by all records (or the spec's), for the value header. */
function valueUnit(spec: ChartSpec): string {
  const units = new Set(spec.records.map((r) => r.unit.trim()).filter((u) => u !== ''));
  if (units.size === 1) return [...units][0] ?? '';
  if (units.size === 0) return spec.unit?.label.trim() ?? '';
  return '';
}

function valueText(r: ExportRecord): string {
  if (r.masked != null) return r.masked;
  if (r.value == null || !Number.isFinite(r.value)) return '';
  // Approximates what numFmt shows, for column widths only.
  const fixed = r.value.toFixed(Math.min(10, Math.max(0, Math.trunc(r.decimals))));
  return fixed + ','.repeat(Math.floor(Math.abs(Math.trunc(r.value)).toString().length / 3));
}

function addDataSheet(wb: ExcelJS.Workbook, spec: ChartSpec, name: string, meta: WorkbookMeta) {
  const t = translator(meta.lang);
  const ws = wb.addWorksheet(name, {
    views: [{ state: 'frozen', xSplit: 0, ySplit: 1 }],
    ...(meta.demo ? { headerFooter: { oddHeader: `&C${t('xlsx.demoHeader')}` } } : {}),
  });
  const withStatus = hasStatus(spec.records);
  const headers = recordHeaders(meta.lang, valueUnit(spec), withStatus);
  // The status column (contract 1.1) sits after the value when any record has one.
  const extra = withStatus ? 1 : 0;
  const noteColumn = 7 + extra;

  const header = ws.addRow(headers);
  header.font = { bold: true };
  header.eachCell((cell) => {
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFEEF2F7' } };
    cell.border = { bottom: { style: 'thin', color: { argb: 'FF8A94A6' } } };
    cell.alignment = { vertical: 'middle' };
  });

  for (const r of spec.records) {
    const row = ws.addRow([
      r.indicator,
      r.unit,
      r.region,
      r.year,
      null,
      ...(withStatus ? [r.status || null] : []),
      r.provisional ? t('export.yes') : null,
      r.note || null,
    ]);
    row.getCell(4).numFmt = '0';
    const value = row.getCell(5);
    if (r.masked != null) {
      value.value = r.masked;
      value.alignment = { horizontal: 'right' };
    } else if (r.value != null && Number.isFinite(r.value)) {
      value.value = r.value;
      value.numFmt = numFmtFor(r.decimals);
    }
  }

  const recs = spec.records;
  const widths = [
    columnWidth([headers[0] ?? '', ...recs.map((r) => r.indicator)], 12, 40),
    columnWidth([headers[1] ?? '', ...recs.map((r) => r.unit)], 6, 16),
    columnWidth([headers[2] ?? '', ...recs.map((r) => r.region)], 10, 30),
    columnWidth([headers[3] ?? ''], 6, 8),
    columnWidth([headers[4] ?? '', ...recs.map(valueText)], 10, 24),
    ...(withStatus
      ? [columnWidth([headers[5] ?? '', ...recs.map((r) => r.status ?? '')], 8, 16)]
      : []),
    columnWidth([headers[5 + extra] ?? ''], 6, 14),
    columnWidth([headers[6 + extra] ?? '', ...recs.map((r) => r.note)], 16, 60),
  ];
  widths.forEach((width, i) => {
    ws.getColumn(i + 1).width = width;
  });
  ws.getColumn(noteColumn).alignment = { wrapText: true, vertical: 'top' };
  if (recs.length > 0)
    ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: noteColumn } };
}

export function addNotesSheet(
  wb: ExcelJS.Workbook,
  specs: ChartSpec[],
  names: string[],
  name: string,
  meta: WorkbookMeta,
) {
  const t = translator(meta.lang);
  const ws = wb.addWorksheet(name);
  ws.getColumn(1).width = 16;
  ws.getColumn(2).width = 90;
  ws.getColumn(2).alignment = { wrapText: true, vertical: 'top' };
  ws.getColumn(1).alignment = { vertical: 'top' };

  if (meta.demo) {
    const row = ws.addRow([t('xlsx.demo')]);
    row.font = { bold: true, color: { argb: RED } };
    ws.mergeCells(row.number, 1, row.number, 2);
  }
  const labelled = (label: string, text: string | null) => {
    const row = ws.addRow([label, text]);
    row.getCell(1).font = { bold: true };
    return row;
  };
  labelled(t('report.fields.title'), meta.title || MISSING);
  labelled(t('report.fields.filters'), meta.filters || MISSING);
  labelled(t('report.fields.source'), meta.source || MISSING);
  labelled(t('report.fields.dataAsOf'), meta.dataAsOf || MISSING);
  labelled(t('report.fields.exportedAt'), meta.exportedAt || MISSING);

  if (!specs.some((spec) => spec.notes.length > 0)) {
    labelled(t('xlsx.notes'), MISSING);
    return;
  }
  labelled(t('xlsx.notes'), null);
  specs.forEach((spec, i) => {
    spec.notes.forEach((note, j) => {
      // The sheet name ties each chart's notes to its data sheet.
      const row = ws.addRow([j === 0 ? (names[i] ?? spec.title) : null, note]);
      row.getCell(1).font = { italic: true };
    });
  });
}

/**
 * Text format ('@', built-in numFmtId 49) marks the cells that need quotePrefix: exceljs 4.4
 * cannot write that attribute, so `withQuotePrefix` adds it to those styles in styles.xml.
 * Nothing else in these workbooks uses the text format.
 */
const TEXT_FORMAT = '@';
const TEXT_FORMAT_ID = '49';

export function markFormulaLikeText(wb: ExcelJS.Workbook): void {
  wb.eachSheet((ws) => {
    ws.eachRow((row) => {
      row.eachCell((cell) => {
        if (typeof cell.value === 'string' && FORMULA_START.test(cell.value))
          cell.numFmt = TEXT_FORMAT;
      });
    });
  });
}

/** Add quotePrefix="1" to every cell style (cellXfs) with the text format. */
export function withQuotePrefix(xlsx: Uint8Array): Uint8Array {
  const files = unzipSync(xlsx);
  const stylesFile = files['xl/styles.xml'];
  if (!stylesFile) return xlsx;
  const styles = strFromU8(stylesFile);
  const patched = styles.replace(/<cellXfs\b[\s\S]*?<\/cellXfs>/, (block) =>
    block.replace(/<xf\b[^>]*>/g, (xf) =>
      xf.includes(` numFmtId="${TEXT_FORMAT_ID}"`) && !/\squotePrefix=/.test(xf)
        ? xf.replace(/^<xf\b/, '<xf quotePrefix="1"')
        : xf,
    ),
  );
  if (patched === styles) return xlsx;
  files['xl/styles.xml'] = strToU8(patched);
  return zipSync(files, { level: 6 });
}

/** One data sheet per chart, then the notes sheet ("说明 Notes" / "Notes"). */
export async function chartsWorkbook(specs: ChartSpec[], meta: WorkbookMeta): Promise<Blob> {
  const t = translator(meta.lang);
  const wb = new ExcelJS.Workbook();
  wb.title = meta.title;
  wb.created = new Date();

  const notesSheet = t('xlsx.notesSheet');
  const taken = new Set<string>([notesSheet.toLowerCase()]);
  const names = specs.map((spec, i) =>
    sheetName(t('xlsx.sheet', { n: i + 1, title: spec.title }), taken),
  );
  specs.forEach((spec, i) => {
    addDataSheet(wb, spec, names[i] ?? `Sheet ${i + 1}`, meta);
  });
  addNotesSheet(wb, specs, names, notesSheet, meta);
  markFormulaLikeText(wb);

  const buffer = await wb.xlsx.writeBuffer();
  return new Blob([new Uint8Array(withQuotePrefix(new Uint8Array(buffer)))], { type: XLSX_MIME });
}

/** The workbook for a single chart. */
export async function chartXlsx(spec: ChartSpec, meta: WorkbookMeta): Promise<Blob> {
  return chartsWorkbook([spec], meta);
}
