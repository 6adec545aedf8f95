/**
 * The guard in front of the workbook reader: before exceljs sees a file, check that it is a zip
 * of bounded size, with no macros, whose sheets stay within what the template can hold. Each
 * part is inflated as a stream with caps (never more than a few MB at a time) and scanned for
 * the things exceljs would expand into one object per cell: rows, cells, `<col>` ranges, merged
 * ranges, data validations, defined names, shared strings. The first limit crossed is returned
 * as a Problem naming the sheet; [] means the reader may go ahead.
 */
import { messages } from '../messages';
import type { Message, Problem } from '../problem';
import { LIMITS } from './limits';
import type { ImportLimits } from './limits';
import { COUNTED, PLACE, guardMessages } from './messages';
import type { Counted } from './messages';
import { ZipFormatError, inflate, readDirectory } from './zip';
import type { ZipEntry } from './zip';
import {
  TagScanner,
  TagTooLongError,
  area,
  attribute,
  cellRef,
  cellsIn,
  unescapeXml,
} from './xml-scan';

/** Thrown inside the scan to stop at the first limit crossed. */
class Refusal extends Error {
  constructor(readonly problem: Problem) {
    super(problem.code);
  }
}

const refuse = (
  code: string,
  message: Message,
  sheet = '',
  row: number | null = null,
  column: string | null = null,
): never => {
  throw new Refusal({ code, sheet, row, column, message });
};

/** The parts exceljs reads as worksheets (its own pattern, unanchored as it is there). */
const WORKSHEET = /xl\/worksheets\/sheet(\d+)[.]xml/;
const MACRO_PART = /(^|\/)vbaProject[^/]*\.bin$|^xl\/macrosheets\/|^xl\/activeX\//i;
const MACRO_TYPE = /macroEnabled|vbaProject|macrosheet|activeX/i;

interface Totals {
  inflated: number;
  sheets: number;
  rows: number;
  declaredColumns: number;
  cells: number;
  merges: number;
  mergedCells: number;
  validations: number;
  validatedCells: number;
}

class Inspection {
  private readonly totals: Totals = {
    inflated: 0,
    sheets: 0,
    rows: 0,
    declaredColumns: 0,
    cells: 0,
    merges: 0,
    mergedCells: 0,
    validations: 0,
    validatedCells: 0,
  };
  private readonly done = new Set<string>();

  constructor(
    private readonly bytes: Uint8Array,
    private readonly limits: ImportLimits,
  ) {}

  run(): void {
    const l = this.limits;
    if (this.bytes.length > l.fileBytes)
      refuse('file-too-large', guardMessages.fileTooLarge(this.bytes.length, l.fileBytes));
    let directory: ReturnType<typeof readDirectory>;
    try {
      directory = readDirectory(this.bytes);
    } catch {
      return refuse('not-a-workbook', messages.notAWorkbook());
    }
    const entries = directory.entries.filter((e) => !e.name.endsWith('/'));
    const count = Math.max(directory.declaredCount, directory.entries.length);
    if (count > l.entries) refuse('too-many-parts', guardMessages.tooManyParts(count, l.entries));
    for (const e of entries) {
      if (MACRO_PART.test(e.name)) refuse('macros', guardMessages.macros(e.name));
      if (e.encrypted) refuse('encrypted', guardMessages.encrypted(e.name));
    }
    // The small parts that name the sheets come first (inflated under the same caps), so that
    // every later problem can say which sheet it is on.
    const byName = new Map(entries.map((e) => [e.name, e]));
    const types = byName.get('[Content_Types].xml');
    if (types) this.contentTypes(types);
    const sheetNames = this.sheetNames(byName);
    const sheetOf = (e: ZipEntry) =>
      WORKSHEET.test(e.name) ? (sheetNames.get(e.name) ?? e.name) : '';
    let declared = 0;
    for (const e of entries) {
      if (e.declaredSize > l.entryBytes)
        refuse('part-too-large', guardMessages.partTooLarge(e.name, l.entryBytes), sheetOf(e));
      declared += e.declaredSize;
    }
    if (declared > l.totalBytes)
      refuse('workbook-too-large', guardMessages.workbookTooLarge(l.totalBytes));

    for (const e of entries) {
      if (this.done.has(e.name)) continue;
      if (WORKSHEET.test(e.name)) this.worksheet(e, sheetOf(e));
      else if (e.name === 'xl/sharedStrings.xml') this.sharedStrings(e);
      else this.inflate(e, () => undefined);
    }
  }

  /** Inflates a part under the caps, adding to the workbook's total. */
  private inflate(entry: ZipEntry, onChunk: (chunk: Uint8Array) => void, sheet = ''): void {
    const l = this.limits;
    this.done.add(entry.name);
    const left = l.totalBytes - this.totals.inflated;
    const caps = {
      maxBytes: Math.min(l.entryBytes, left),
      ratio: l.ratio,
      ratioFloorBytes: l.ratioFloorBytes,
    };
    let result: ReturnType<typeof inflate>;
    try {
      result = inflate(this.bytes, entry, caps, onChunk);
    } catch (error) {
      if (error instanceof ZipFormatError) return refuse('not-a-workbook', messages.notAWorkbook());
      throw error;
    }
    this.totals.inflated += result.bytes;
    const stop = result.stop;
    if (!stop) return;
    if (stop.kind === 'ratio')
      refuse('zip-bomb', guardMessages.zipBomb(entry.name, l.ratio), sheet);
    if (stop.kind === 'larger-than-declared')
      refuse('size-mismatch', guardMessages.sizeMismatch(entry.name), sheet);
    if (left < l.entryBytes)
      refuse('workbook-too-large', guardMessages.workbookTooLarge(l.totalBytes), sheet);
    refuse('part-too-large', guardMessages.partTooLarge(entry.name, l.entryBytes), sheet);
  }

  /** A whole (small) part as text. */
  private text(entry: ZipEntry): string {
    const chunks: Uint8Array[] = [];
    this.inflate(entry, (c) => chunks.push(c));
    const decoder = new TextDecoder('utf-8');
    return chunks.map((c, i) => decoder.decode(c, { stream: i < chunks.length - 1 })).join('');
  }

  /** Scans a part's start tags as it inflates. */
  private scan(
    entry: ZipEntry,
    names: readonly string[],
    onTag: (name: string, attrs: string) => void,
    sheet = '',
  ) {
    const scanner = new TagScanner(names, onTag, this.limits.tagBytes);
    try {
      this.inflate(entry, (c) => scanner.push(c), sheet);
      scanner.end();
    } catch (error) {
      if (error instanceof TagTooLongError)
        refuse('tag-too-long', guardMessages.tagTooLong(entry.name, this.limits.tagBytes), sheet);
      throw error;
    }
  }

  private contentTypes(entry: ZipEntry) {
    this.scan(entry, ['Default', 'Override'], (_, attrs) => {
      const type = attribute(attrs, 'ContentType') ?? '';
      if (MACRO_TYPE.test(type)) refuse('macros', guardMessages.macros(type));
    });
  }

  /** Worksheet part → the sheet's name, from workbook.xml and its relationships; checks names. */
  private sheetNames(byName: Map<string, ZipEntry>): Map<string, string> {
    const names = new Map<string, string>();
    const rels = byName.get('xl/_rels/workbook.xml.rels');
    const book = byName.get('xl/workbook.xml');
    const targets = new Map<string, string>();
    if (rels)
      this.scan(rels, ['Relationship'], (_, attrs) => {
        const id = attribute(attrs, 'Id');
        const target = attribute(attrs, 'Target');
        if (id && target)
          targets.set(id, target.startsWith('/') ? target.slice(1) : `xl/${target}`);
      });
    if (!book) return names;
    const xml = this.text(book);
    for (const m of xml.matchAll(/<(?:\w+:)?sheet\s((?:[^>"']|"[^"]*"|'[^']*')*)>/g)) {
      const attrs = m[1] ?? '';
      const id = attribute(attrs, 'r:id') ?? /\s\w+:id\s*=\s*"([^"]*)"/.exec(` ${attrs}`)?.[1];
      const name = attribute(attrs, 'name');
      const target = id ? targets.get(id) : undefined;
      if (name !== null && target) names.set(target, unescapeXml(name));
    }
    this.definedNames(xml);
    return names;
  }

  private definedNames(xml: string) {
    const l = this.limits;
    let count = 0;
    let cells = 0;
    for (const m of xml.matchAll(/<(?:\w+:)?definedName[\s>][^]*?<\/(?:\w+:)?definedName>/g)) {
      if (++count > l.definedNames) this.tooMany(COUNTED.definedNames, l.definedNames);
      // Only A1:B2 ranges (with rows) are expanded cell by cell by exceljs.
      for (const r of m[0].matchAll(/\$?[A-Za-z]{1,3}\$?\d+:\$?[A-Za-z]{1,3}\$?\d+/g)) {
        const a = area(r[0], l.rowNumber, l.columns);
        if (a) cells += cellsIn(a);
        if (cells > l.namedCells) this.tooMany(COUNTED.namedCells, l.namedCells);
      }
    }
  }

  private tooMany(what: Counted, limit: number, sheet = ''): never {
    return refuse('too-many', guardMessages.tooMany(what, limit), sheet);
  }

  private sharedStrings(entry: ZipEntry) {
    const l = this.limits;
    let count = 0;
    this.scan(entry, ['si', 'r'], () => {
      if (++count > l.sharedStrings) this.tooMany(COUNTED.sharedStrings, l.sharedStrings);
    });
  }

  private worksheet(entry: ZipEntry, sheet: string) {
    const l = this.limits;
    const t = this.totals;
    let rows = 0;
    let cols = 0;
    let widest = 0;
    let lastRow = 0;
    if (++t.sheets > l.sheets) this.tooMany(COUNTED.sheets, l.sheets);
    const beyond = (
      place: Message,
      ref: string,
      row: number | null = null,
      col: string | null = null,
    ) =>
      refuse(
        'beyond-sheet',
        guardMessages.beyondSheet(place, ref, l.rowNumber, l.columns),
        sheet,
        row,
        col,
      );
    const areaOf = (ref: string) => {
      const a = area(ref, l.rowNumber, l.columns);
      if (!a) return 0;
      if (a.bottom > l.rowNumber || a.right > l.columns) beyond(PLACE.dimension, ref);
      return cellsIn(a);
    };
    this.scan(
      entry,
      ['dimension', 'col', 'row', 'c', 'mergeCell', 'dataValidation'],
      (name, attrs) => {
        if (name === 'c') {
          if (++t.cells > l.cells)
            refuse('too-many-cells', guardMessages.tooManyCells(l.cells), sheet, lastRow || null);
          const ref = attribute(attrs, 'r');
          const at = ref === null ? null : cellRef(ref);
          if (at && ((at.col ?? 0) > l.columns || (at.row ?? 0) > l.rowNumber))
            beyond(PLACE.cell, ref ?? '', at.row, null);
        } else if (name === 'row') {
          const r = Number(attribute(attrs, 'r') ?? lastRow + 1);
          if (!Number.isInteger(r) || r < 1 || r > l.rowNumber) beyond(PLACE.row, String(r));
          lastRow = r;
          if (++rows > l.rowsPerSheet)
            refuse('too-many-rows', guardMessages.tooManyRows(l.rowsPerSheet), sheet, r);
          if (++t.rows > l.rows) this.tooMany(COUNTED.rows, l.rows, sheet);
        } else if (name === 'col') {
          const min = Number(attribute(attrs, 'min'));
          const max = Number(attribute(attrs, 'max'));
          if (!(
            Number.isInteger(min) &&
            Number.isInteger(max) &&
            min >= 1 &&
            min <= max &&
            max <= l.columns
          ))
            beyond(
              PLACE.columns,
              `${attribute(attrs, 'min') ?? ''}–${attribute(attrs, 'max') ?? ''}`,
              null,
              null,
            );
          if (++cols > l.colElements)
            refuse('too-many-cols', guardMessages.tooManyColElements(l.colElements), sheet);
          // exceljs makes one column object per column up to the sheet's widest <col>.
          if (max > widest) {
            t.declaredColumns += max - widest;
            widest = max;
            if (t.declaredColumns > l.declaredColumns)
              this.tooMany(COUNTED.declaredColumns, l.declaredColumns, sheet);
          }
        } else if (name === 'dimension') {
          const ref = attribute(attrs, 'ref') ?? '';
          const a = area(ref, l.rowNumber, l.columns);
          if (a && (a.bottom > l.rowNumber || a.right > l.columns)) beyond(PLACE.dimension, ref);
          if (a && a.bottom - a.top + 1 > l.rowsPerSheet)
            refuse('too-many-rows', guardMessages.dimensionTooLarge(ref, l.rowsPerSheet), sheet);
        } else if (name === 'mergeCell') {
          if (++t.merges > l.merges) this.tooMany(COUNTED.merges, l.merges, sheet);
          t.mergedCells += areaOf(attribute(attrs, 'ref') ?? '');
          if (t.mergedCells > l.mergedCells)
            this.tooMany(COUNTED.mergedCells, l.mergedCells, sheet);
        } else if (name === 'dataValidation') {
          if (++t.validations > l.validations)
            this.tooMany(COUNTED.validations, l.validations, sheet);
          for (const ref of (attribute(attrs, 'sqref') ?? '').split(/\s+/)) {
            t.validatedCells += areaOf(ref);
            if (t.validatedCells > l.validatedCells)
              this.tooMany(COUNTED.validatedCells, l.validatedCells, sheet);
          }
        }
      },
      sheet,
    );
  }
}

/** [] when the workbook may be parsed; otherwise the one problem that stopped it. */
export function inspectWorkbook(bytes: Uint8Array, limits: ImportLimits = LIMITS): Problem[] {
  try {
    new Inspection(bytes, limits).run();
    return [];
  } catch (error) {
    if (error instanceof Refusal) return [error.problem];
    throw error;
  }
}

/** The size cap alone, for a CSV (or before a file is read). */
export function fileSizeProblems(size: number, limits: ImportLimits = LIMITS): Problem[] {
  return size > limits.fileBytes
    ? [
        {
          code: 'file-too-large',
          sheet: '',
          row: null,
          column: null,
          message: guardMessages.fileTooLarge(size, limits.fileBytes),
        },
      ]
    : [];
}
