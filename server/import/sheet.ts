/**
 * One sheet under validation: its columns found by header, and a per-row reader that turns
 * cells into typed values or records a problem for the cell (and marks the row bad).
 */
import { idRuleBreak, textRuleBreak } from '@contract/ids';
import type { WireText } from '@contract/wire-types';
import {
  MAX_ID,
  MAX_TEXT,
  MAX_YEAR,
  MIN_YEAR,
  choiceOf,
  columnLetter,
  labelKey,
  labelKeys,
  parseYearHeader,
  sheetLabel,
} from '@contract/workbook/layout';
import type { ColumnDef, Label, SheetDef } from '@contract/workbook/layout';
import type { Cell, Grid, GridRow } from './grid';
import { isBlank, mergeColumns, mergeRange } from './grid';
import { YEAR_SUBJECT, messages } from './messages';
import type { Message, Problems } from './problem';

/** A problem found in one cell, before it is placed. */
export interface Fault {
  code: string;
  message: Message;
}

type Read<T> = T | null | Fault;

export const isFault = (x: unknown): x is Fault =>
  typeof x === 'object' && x !== null && 'code' in x && 'message' in x;

/** A number cell holds a number, or text that is exactly a plain decimal number. */
const PLAIN_DECIMAL = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)$/;

export function isoDate(d: Date): string {
  const p = (n: number, w: number) => String(n).padStart(w, '0');
  return `${p(d.getUTCFullYear(), 4)}-${p(d.getUTCMonth() + 1, 2)}-${p(d.getUTCDate(), 2)}`;
}

/**
 * `YYYY-MM-DD` naming a day that exists (no 2026-02-30, no month 13), in the contract's years
 * (MIN_YEAR–MAX_YEAR): a data-as-of date from the dataset sheet or from `--as-of`.
 */
export function isCalendarDate(text: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (y < MIN_YEAR || y > MAX_YEAR) return false;
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}

/** A formula cell: refused, telling the clerk to paste values only. */
export function formulaFault(c: { formula: string }): Fault {
  return { code: 'formula', message: messages.formula(c.formula) };
}

/** The number a cell holds, null when empty, or why it is not a number. */
export function readNumber(c: Cell | undefined): Read<number> {
  if (c === undefined) return null;
  switch (c.kind) {
    case 'empty':
    case 'merged':
      return null;
    case 'number':
      if (!Number.isFinite(c.value)) return { code: 'not-finite', message: messages.notFinite() };
      if (c.percent) return { code: 'percent-format', message: messages.percentFormat(c.value) };
      return c.value;
    case 'text': {
      // Full-width digits (typed with a Chinese input method) count as digits.
      const plain = c.text.normalize('NFKC').trim();
      if (!PLAIN_DECIMAL.test(plain))
        return { code: 'text-in-number-cell', message: messages.textInNumberCell(c.text) };
      const n = Number(plain);
      return Number.isFinite(n) ? n : { code: 'not-finite', message: messages.notFinite() };
    }
    case 'date':
      return { code: 'date-in-number-cell', message: messages.dateInNumberCell(isoDate(c.date)) };
    case 'bool':
      return {
        code: 'text-in-number-cell',
        message: messages.textInNumberCell(c.value ? 'TRUE' : 'FALSE'),
      };
    case 'error':
      return { code: 'error-value', message: messages.errorValue(c.error) };
    case 'formula':
      return formulaFault(c);
  }
}

/** The text a cell holds (numbers as written by String), null when empty. */
export function readText(c: Cell | undefined): Read<string> {
  if (c === undefined) return null;
  switch (c.kind) {
    case 'empty':
    case 'merged':
      return null;
    case 'text':
      return c.text;
    case 'number':
      return String(c.value);
    case 'date':
      return isoDate(c.date);
    case 'bool':
      return c.value ? 'TRUE' : 'FALSE';
    case 'error':
      return { code: 'error-value', message: messages.errorValue(c.error) };
    case 'formula':
      return formulaFault(c);
  }
}

/**
 * A label cell's text (a header, a dataset field name), for matching. A formula is matched by
 * its saved result, so that refusing it (which the caller does) is the only problem it causes.
 */
export function labelText(c: Cell | undefined): string {
  const t = readText(c?.kind === 'formula' ? c.result : c);
  return typeof t === 'string' ? t : '';
}

export interface YearRange {
  first: number;
  last: number;
  /** Declared years (first..last for a workbook; meta.years for a CSV). */
  set: ReadonlySet<number>;
}

export interface SheetOptions {
  /** Columns headed by a year are read as year columns (数据, 目标值). */
  yearColumns?: boolean;
  /** Declared years, to check year columns against; null when unknown (not reported then). */
  years?: YearRange | null;
}

export class Sheet<K extends string> {
  readonly label: string;
  /** Column number of each found column. */
  readonly cols = new Map<K, number>();
  /** Year → column number, for year columns that are usable (in range, not duplicated). */
  readonly yearCols = new Map<number, number>();
  /** All required columns are present, so rows can be read. */
  readonly usable: boolean;

  constructor(
    readonly def: SheetDef<K>,
    readonly grid: Grid,
    readonly problems: Problems,
    options: SheetOptions = {},
    label?: string,
  ) {
    this.label = label ?? sheetLabel(def);
    for (const m of grid.merges) {
      problems.add(
        'merged-cells',
        this.label,
        m.top,
        mergeColumns(m),
        messages.mergedCells(mergeRange(m)),
      );
    }
    const byKey = new Map<string, ColumnDef<K>>();
    for (const c of def.columns) for (const k of labelKeys(c)) byKey.set(k, c);
    const yearFirstCol = new Map<number, number>();
    grid.headers.forEach((cell, colNumber) => {
      const text = labelText(cell);
      if (text === '') return;
      const known = byKey.get(labelKey(text));
      // A formula heading a column that is read is refused (once); its result still names it.
      const isYear = options.yearColumns && /\d{4}/.test(text);
      if (cell.kind === 'formula' && (known || isYear))
        this.fault(1, colNumber, formulaFault(cell));
      if (known) {
        const first = this.cols.get(known.key);
        if (first === undefined) this.cols.set(known.key, colNumber);
        else
          this.fault(1, colNumber, {
            code: 'duplicate-column',
            message: messages.duplicateColumn(known, columnLetter(first)),
          });
        return;
      }
      if (!options.yearColumns) return;
      const value = cell.kind === 'formula' ? cell.result : cell;
      const year =
        value.kind === 'number' && Number.isInteger(value.value) && value.value >= 1000
          ? value.value
          : parseYearHeader(text);
      if (year === null) {
        if (/\d{4}/.test(text))
          this.fault(1, colNumber, {
            code: 'bad-column-header',
            message: messages.badColumnHeader(text),
          });
        return;
      }
      const first = yearFirstCol.get(year);
      if (first !== undefined) {
        this.fault(1, colNumber, {
          code: 'duplicate-year-column',
          message: messages.duplicateYearColumn(year, columnLetter(first)),
        });
        return;
      }
      yearFirstCol.set(year, colNumber);
      const range = options.years;
      if (range && !range.set.has(year)) {
        this.fault(1, colNumber, {
          code: 'year-out-of-range',
          message: messages.yearOutOfRange(YEAR_SUBJECT.column, year, range.first, range.last),
        });
        return;
      }
      this.yearCols.set(year, colNumber);
    });
    let usable = true;
    for (const c of def.columns) {
      if (c.required && !this.cols.has(c.key)) {
        usable = false;
        problems.add('missing-column', this.label, 1, null, messages.missingColumn(c));
      }
    }
    // Names may be given in either language, but one of the two columns must be there.
    const zhName = def.columns.find((c) => c.key === 'nameZh');
    const enName = def.columns.find((c) => c.key === 'nameEn');
    if (zhName && enName && !this.cols.has(zhName.key) && !this.cols.has(enName.key)) {
      usable = false;
      problems.add('missing-column', this.label, 1, null, messages.missingColumn(zhName));
    }
    if (
      options.yearColumns &&
      yearFirstCol.size === 0 &&
      grid.rows.some((r) => r.cells.some((c) => !isBlank(c)))
    ) {
      problems.add('no-year-columns', this.label, 1, null, messages.noYearColumns());
    }
    this.usable = usable;
  }

  column(key: K): ColumnDef<K> {
    const c = this.def.columns.find((x) => x.key === key);
    if (!c) throw new Error(`no column ${key}`);
    return c;
  }

  letter(key: K): string | null {
    const n = this.cols.get(key);
    return n === undefined ? null : columnLetter(n);
  }

  fault(row: number | null, col: number | string | null, f: Fault) {
    const letter = typeof col === 'number' ? columnLetter(col) : col;
    this.problems.add(f.code, this.label, row, letter, f.message);
  }

  /** Data rows that are not blank in the columns this sheet reads (including year columns). */
  dataRows(): GridRow[] {
    const read = [...this.cols.values(), ...this.yearCols.values()];
    return this.grid.rows.filter((r) => read.some((c) => !isBlank(r.cells[c])));
  }

  reader(row: GridRow): RowReader<K> {
    return new RowReader(this, row);
  }
}

/** Reads one row's cells; every problem is recorded and sets `ok` to false. */
export class RowReader<K extends string> {
  ok = true;

  constructor(
    readonly sheet: Sheet<K>,
    readonly row: GridRow,
  ) {}

  get rowNumber(): number {
    return this.row.number;
  }

  cell(key: K): Cell | undefined {
    const n = this.sheet.cols.get(key);
    return n === undefined ? undefined : this.row.cells[n];
  }

  /** Record a problem in column `key` (or a given column number / letters) of this row. */
  fail(at: K | number | null, f: Fault) {
    this.ok = false;
    const col = at === null || typeof at === 'number' ? at : this.sheet.letter(at);
    this.sheet.fault(this.row.number, col, f);
  }

  private checked<T>(key: K, r: Read<T>, required: boolean, label: Label): T | null {
    if (isFault(r)) {
      this.fail(key, r);
      return null;
    }
    if (r === null && required && this.cell(key)?.kind !== 'merged' && this.sheet.cols.has(key)) {
      this.fail(key, { code: 'missing-value', message: messages.missingValue(label) });
    }
    return r;
  }

  text(key: K, required = false, label: Label = this.sheet.column(key)): string | null {
    const t = this.checked(key, readText(this.cell(key)), required, label);
    if (t === null) return null;
    const f = textFault(t);
    if (f) {
      this.fail(key, f);
      return null;
    }
    return t;
  }

  /**
   * An id that keeps the id rules (contract/ids.ts). A formula is refused, but its saved result,
   * when it is a good id, is still returned, so that the rows referring to it are checked as
   * usual instead of each reporting an unknown id; the row itself is already marked bad.
   */
  id(key: K, required: boolean): string | null {
    const cell = this.cell(key);
    if (cell?.kind === 'formula') {
      this.fail(key, formulaFault(cell));
      const t = readText(cell.result);
      return typeof t === 'string' && idRuleBreak(t) === null ? t : null;
    }
    const t = this.checked(key, readText(cell), required, this.sheet.column(key));
    if (t === null) return null;
    const f = idFault(t);
    if (f) {
      this.fail(key, f);
      return null;
    }
    return t;
  }

  number(key: K | number, required = false, label?: Label): number | null {
    if (typeof key === 'number') {
      const r = readNumber(this.row.cells[key]);
      if (isFault(r)) {
        this.fail(key, r);
        return null;
      }
      return r;
    }
    return this.checked(key, readNumber(this.cell(key)), required, label ?? this.sheet.column(key));
  }

  /** A whole number from min to max (max null = no upper bound). */
  integer(
    key: K,
    required: boolean,
    min: number,
    max: number | null,
    label?: Label,
  ): number | null {
    const l = label ?? this.sheet.column(key);
    const n = this.number(key, required, l);
    if (n === null) return null;
    if (!Number.isInteger(n)) {
      this.fail(key, { code: 'not-integer', message: messages.notInteger(l, n) });
      return null;
    }
    if (n < min || (max !== null && n > max)) {
      this.fail(key, { code: 'out-of-range', message: messages.outOfRange(l, n, min, max) });
      return null;
    }
    return n;
  }

  choice<V extends string>(
    key: K,
    words: Readonly<Record<V, readonly string[]>>,
    required: boolean,
  ): V | null {
    const t = this.text(key, required);
    if (t === null) return null;
    const v = choiceOf(words, t);
    if (v === null) {
      this.fail(key, {
        code: 'invalid-choice',
        message: messages.invalidChoice(
          this.sheet.column(key),
          t,
          Object.values<readonly string[]>(words).flat(),
        ),
      });
    }
    return v;
  }

  /**
   * A {zh, en} pair from two columns; `what` names it in messages. Required: at least one of the
   * two must be filled. Returns null when both are empty (or on a problem).
   */
  pair(zhKey: K, enKey: K, what: Label, required: boolean): WireText | null {
    const before = this.sheet.problems.list.length;
    const zh = this.text(zhKey);
    const en = this.text(enKey);
    const readOk = this.sheet.problems.list.length === before;
    if (zh === null && en === null) {
      const merged = this.cell(zhKey)?.kind === 'merged' || this.cell(enKey)?.kind === 'merged';
      if (required && readOk && !merged) {
        const at = this.sheet.cols.has(zhKey) ? zhKey : enKey;
        this.fail(at, { code: 'missing-value', message: messages.missingName(what) });
      }
      return null;
    }
    return { zh: zh ?? '', en: en ?? '' };
  }
}

/** Why an id cannot be stored (contract/ids.ts), as a problem; null when it keeps the rules. */
export function idFault(id: string): Fault | null {
  const broken = idRuleBreak(id);
  if (broken === null) return null;
  switch (broken.rule) {
    case 'empty':
      return null; // an empty cell is read as no value, never as an empty id
    case 'too-long':
      return { code: 'invalid-id', message: messages.idTooLong(broken.length, MAX_ID) };
    case 'space':
      return { code: 'invalid-id', message: messages.idWithSpace(id) };
    case 'comma':
      return { code: 'invalid-id', message: messages.idWithComma(id) };
    case 'invisible':
      return { code: 'invalid-id', message: messages.idWithInvisible(id, broken.char) };
  }
}

/** Why a text (name, label, description, note) cannot be stored, as a problem; null when fine. */
export function textFault(text: string): Fault | null {
  const broken = textRuleBreak(text);
  if (broken === null) return null;
  switch (broken.rule) {
    case 'too-long':
      return { code: 'text-too-long', message: messages.textTooLong(broken.length, MAX_TEXT) };
    case 'control':
      return { code: 'invalid-text', message: messages.textWithControl(text, broken.char) };
    case 'bidi':
      return { code: 'invalid-text', message: messages.textWithBidi(text, broken.char) };
  }
}
