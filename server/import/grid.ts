/**
 * A sheet reduced to what validation needs: row 1's headers and the data rows' cells, each read
 * into a small tagged value (Cell). Built from an exceljs worksheet or from CSV text, so the
 * validators do not care where the table came from.
 */
import type { CellValue, Worksheet } from 'exceljs';
import { columnLetter } from '@contract/workbook/layout';

export type Cell =
  | { kind: 'empty' }
  /** Part of a merged range other than its top-left cell (reported once as merged-cells). */
  | { kind: 'merged' }
  | { kind: 'number'; value: number; percent: boolean }
  | { kind: 'text'; text: string }
  | { kind: 'date'; date: Date }
  | { kind: 'bool'; value: boolean }
  | { kind: 'error'; error: string }
  /**
   * A formula. The importer takes values only: the result Excel saved with the file may be stale
   * (manual calculation, a file written by another tool) or may not be there at all, so a formula
   * cell is refused; its saved result (EMPTY when none) only serves to avoid follow-on problems.
   */
  | { kind: 'formula'; formula: string; result: Cell };

export const EMPTY: Cell = { kind: 'empty' };
const MERGED: Cell = { kind: 'merged' };

export interface GridRow {
  /** 1-based row number in the sheet (record number in a CSV). */
  number: number;
  /** cells[c] is column c (1-based); missing = empty. */
  cells: Cell[];
}

export interface Merge {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export interface Grid {
  headers: Cell[];
  rows: GridRow[];
  merges: Merge[];
}

export const isBlank = (c: Cell | undefined): boolean =>
  c === undefined || c.kind === 'empty' || c.kind === 'merged';

/** `B3:C4` */
export function mergeRange(m: Merge): string {
  return `${columnLetter(m.left)}${m.top}:${columnLetter(m.right)}${m.bottom}`;
}

/** `B:C`, or `B` for a merge within one column. */
export function mergeColumns(m: Merge): string {
  return m.left === m.right
    ? columnLetter(m.left)
    : `${columnLetter(m.left)}:${columnLetter(m.right)}`;
}

function textCell(text: string): Cell {
  const t = text.trim();
  return t === '' ? EMPTY : { kind: 'text', text: t };
}

/**
 * One exceljs value as a Cell; `percent` tells whether its number format shows a percentage,
 * `formula` is the cell's formula text (exceljs works it out for a shared formula).
 */
export function fromValue(value: CellValue, percent: boolean, formula = ''): Cell {
  if (value === null || value === undefined) return EMPTY;
  if (typeof value === 'number') return { kind: 'number', value, percent };
  if (typeof value === 'string') return textCell(value);
  if (typeof value === 'boolean') return { kind: 'bool', value };
  if (value instanceof Date) return { kind: 'date', date: value };
  if ('error' in value) return { kind: 'error', error: value.error };
  if ('richText' in value) return textCell(value.richText.map((r) => r.text).join(''));
  if ('formula' in value || 'sharedFormula' in value) {
    const result = value.result as CellValue; // null, too, in files written by other tools
    const text =
      formula || ('formula' in value && typeof value.formula === 'string' ? value.formula : '');
    return { kind: 'formula', formula: text, result: fromValue(result, percent) };
  }
  if ('hyperlink' in value) return textCell(value.text);
  return EMPTY;
}

/** A number format that displays a percentage (outside quoted literal text). */
function isPercentFormat(numFmt: string | undefined): boolean {
  return numFmt !== undefined && numFmt.replace(/"[^"]*"/g, '').includes('%');
}

/** Every non-empty cell of `ws` in rows ≥ 1, with merged ranges found by scanning the cells. */
export function gridFromWorksheet(ws: Worksheet): Grid {
  const merges = new Map<string, Merge>();
  const rows: GridRow[] = [];
  let headers: Cell[] = [];
  ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const cells: Cell[] = [];
    row.eachCell({ includeEmpty: false }, (cell, col) => {
      if (cell.isMerged) {
        // The top-left (master) cell may be empty and so never visited: start from its position.
        const master = cell.master;
        let m = merges.get(master.address);
        if (!m) {
          const [r, c] = [Number(master.row), Number(master.col)];
          m = { top: r, left: c, bottom: r, right: c };
          merges.set(master.address, m);
        }
        m.bottom = Math.max(m.bottom, rowNumber);
        m.right = Math.max(m.right, col);
        if (master !== cell) {
          cells[col] = MERGED;
          return;
        }
      }
      const value = cell.value;
      const isFormula =
        typeof value === 'object' &&
        value !== null &&
        ('formula' in value || 'sharedFormula' in value);
      cells[col] = fromValue(
        value,
        typeof value === 'number' || isFormula ? isPercentFormat(cell.numFmt) : false,
        isFormula ? cell.formula : '',
      );
    });
    if (rowNumber === 1) headers = cells;
    else rows.push({ number: rowNumber, cells });
  });
  const list = [...merges.values()].sort((a, b) => a.top - b.top || a.left - b.left);
  return { headers, rows, merges: list };
}

/** A CSV's records (header first) as a grid: every field is text. */
export function gridFromRecords(records: readonly (readonly string[])[]): Grid {
  const toCells = (fields: readonly string[]): Cell[] => {
    const cells: Cell[] = [];
    fields.forEach((f, i) => {
      cells[i + 1] = textCell(f);
    });
    return cells;
  };
  const [head, ...rest] = records;
  return {
    headers: head ? toCells(head) : [],
    rows: rest.map((fields, i) => ({ number: i + 2, cells: toCells(fields) })),
    merges: [],
  };
}
