/**
 * How big an import file may be: every limit the importer enforces before (and while) a
 * workbook is parsed, in one place. docs/data-service.md ("Import limits") lists the same numbers
 * for IT staff; change both together.
 *
 * Why these numbers: the template holds 10 sheets of at most a few hundred columns (4 lead
 * columns, one per declared year 1900–2200, 3 trailing). A province workbook (221 regions × 25
 * indicators × 7 years = 38,675 values) is a 360 KB file of about 75,000 cells (ids, names and
 * notes included). exceljs needs roughly 1 KB of memory per cell: a workbook of 330,500 values
 * (about 450,000 cells) reads in under 500 MB, inside the reader's 768 MB heap, so 500,000 cells
 * (six and a half provinces) is the limit. Every other limit leaves a real workbook far inside
 * it and stops what exceljs would otherwise expand without bound (column ranges, merges,
 * validations and defined names become one object per cell; every part is inflated whole).
 * A CSV is the 数据 sheet alone: it has that sheet's row limit, and Excel's limits for a row's
 * columns and a cell's text (a 数据 record is a few hundred fields of a few characters; a
 * province's CSV, 5,525 records, is about 300 KB).
 */
export interface ImportLimits {
  /** The file itself (.xlsx or .csv), checked before it is read. */
  fileBytes: number;
  /** Parts (entries) in the .xlsx zip. */
  entries: number;
  /** Inflated size of one part, declared or actual (inflating stops here). */
  entryBytes: number;
  /** Inflated size of all parts together. */
  totalBytes: number;
  /** A part larger than `ratioFloorBytes` may inflate to at most this many times its size. */
  ratio: number;
  ratioFloorBytes: number;
  /** Worksheets in the workbook (the template has 10). */
  sheets: number;
  /** Rows on one sheet (`<row>` elements and the declared dimension), and in the workbook. */
  rowsPerSheet: number;
  rows: number;
  /** Cells in the whole workbook (`<c>` elements). */
  cells: number;
  /** Excel's own limits: a column or row beyond them is not a real workbook. */
  columns: number;
  rowNumber: number;
  /** `<col>` elements on one sheet; the columns they declare, summed over the sheets. */
  colElements: number;
  declaredColumns: number;
  /** Merged ranges in the workbook, and the cells they cover together. */
  merges: number;
  mergedCells: number;
  /** Data validation rules in the workbook, and the cells they cover together. */
  validations: number;
  validatedCells: number;
  /** Defined names, and the cells their ranges cover together. */
  definedNames: number;
  namedCells: number;
  /** Shared strings (`<si>`) plus their rich-text runs (`<r>`). */
  sharedStrings: number;
  /** One XML start tag (a tag longer than this is not a spreadsheet's). */
  tagBytes: number;
  /**
   * A CSV (the 数据 sheet's layout): records, the header included (as a sheet's rows); fields in
   * one record (Excel's columns); characters in one field (Excel's limit for a cell's text);
   * characters in one record, line breaks inside quoted fields included.
   */
  csvRows: number;
  csvFields: number;
  csvFieldChars: number;
  csvRecordChars: number;
  /** Regions in one parent chain, the top region included (the contract has four levels). */
  regionDepth: number;
  /** The isolated reader: old-space heap and wall time. */
  parseHeapMb: number;
  parseTimeoutMs: number;
}

const MiB = 1024 * 1024;

export const LIMITS: Readonly<ImportLimits> = {
  fileBytes: 20 * MiB,
  entries: 500,
  entryBytes: 64 * MiB,
  totalBytes: 200 * MiB,
  ratio: 200,
  ratioFloorBytes: 1 * MiB,
  sheets: 100,
  rowsPerSheet: 100_000,
  rows: 500_000,
  cells: 500_000,
  columns: 16_384,
  rowNumber: 1_048_576,
  colElements: 16_384,
  declaredColumns: 163_840,
  merges: 1_000,
  mergedCells: 10_000,
  validations: 1_000,
  validatedCells: 200_000,
  definedNames: 1_000,
  namedCells: 1_000_000,
  sharedStrings: 1_000_000,
  tagBytes: 1 * MiB,
  csvRows: 100_000,
  csvFields: 16_384,
  csvFieldChars: 32_767,
  csvRecordChars: 1 * MiB,
  regionDepth: 8,
  parseHeapMb: 768,
  parseTimeoutMs: 45_000,
};
