/**
 * CSV of exactly what a chart shows (its `records`), for Excel, WPS and LibreOffice.
 *
 * This module pulls in papaparse, so callers load it with `await import('./csv')` and it stays
 * out of the first load.
 */
import Papa from 'papaparse';
import type { ChartSpec, ExportRecord } from '@/features/charts/chart-spec';
import type { Lang } from '@/lib/i18n';
import { translator } from '@/lib/i18n';
import { FORMULA_START } from './formula';
import type { ExportTable, TableCell } from './export-table';
import { hasStatus, recordHeaders } from './record-columns';

/** Excel and WPS need the byte order mark to read the file as UTF-8 rather than GBK/ANSI. */
const BOM = '\uFEFF';

/**
 * Neutralises a TEXT cell against formula injection (labels come from data servers we do not
 * control): a leading `'` makes spreadsheets show the cell as text.
 *
 * We do this ourselves instead of papaparse's `escapeFormulae: true`. In papaparse 5.7.1 that
 * option tests `/^[=+\-@\t\r].*$/`: number primitives are skipped (good, -3 stays -3) and tab/CR
 * are covered, but `.` does not match line breaks and there is no `s` flag, so `$` fails for
 * any value containing "\n" or "\r" after its first character. `=HYPERLINK(…)\nclick` or
 * `"\r\n=1"` would go out unescaped. Anchoring only the first character fixes that.
 */
export function neutraliseText(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

type Cell = string | number;

function valueCell(r: ExportRecord): Cell {
  if (r.masked != null) return neutraliseText(r.masked);
  if (r.value == null || !Number.isFinite(r.value)) return '';
  // Numbers go out as JS writes them (1.27, 29680000, -3): no separators, never escaped.
  return r.value;
}

function row(r: ExportRecord, lang: Lang, withStatus: boolean): Cell[] {
  return [
    neutraliseText(r.indicator),
    neutraliseText(r.unit),
    neutraliseText(r.region),
    r.year,
    valueCell(r),
    ...(withStatus ? [neutraliseText(r.status ?? '')] : []),
    r.provisional ? translator(lang)('export.yes') : '',
    neutraliseText(r.note),
  ];
}

export const DEMO_COLUMN = '演示数据 / Demo data';

/**
 * UTF-8 CSV with BOM and CRLF line ends: one header row, then one row per record. Demo data
 * carries one more column saying so on every row, so a pasted excerpt cannot lose the mark.
 */
export function chartCsv(spec: ChartSpec): string {
  const demo = (cells: Cell[]): Cell[] => (spec.demo ? [...cells, DEMO_COLUMN] : cells);
  const withStatus = hasStatus(spec.records);
  const rows: Cell[][] = [
    demo(recordHeaders(spec.lang, '', withStatus)),
    ...spec.records.map((r) => demo(row(r, spec.lang, withStatus))),
  ];
  // Rows as arrays, header included: with `{ fields, data: [] }` papaparse 5.7.1 wraps the
  // empty data into one empty row and writes a stray blank line after the header.
  // escapeFormulae stays off: cells are already neutralised (see neutraliseText).
  const body = Papa.unparse(rows, { newline: '\r\n', quotes: false, escapeFormulae: false });
  return BOM + body;
}

function tableCell(c: TableCell): Cell {
  if (c === null) return '';
  if (typeof c === 'string') return neutraliseText(c);
  return Number.isFinite(c.value) ? c.value : '';
}

/** A whole table (the completion table) as CSV, with the same BOM, CRLF and demo column. */
export function tableCsv(table: ExportTable, demo: boolean): string {
  const withDemo = (cells: Cell[]): Cell[] => (demo ? [...cells, DEMO_COLUMN] : cells);
  const rows: Cell[][] = [
    withDemo(table.headers.map(neutraliseText)),
    ...table.rows.map((r) => withDemo(r.map(tableCell))),
  ];
  return BOM + Papa.unparse(rows, { newline: '\r\n', quotes: false, escapeFormulae: false });
}
