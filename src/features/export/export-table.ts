/**
 * A table exported as it is (the completion table, say), rather than as chart records: text
 * cells are written as text, numbers as numbers with their published decimals, so Excel can
 * sort and sum them. The CSV and XLSX writers read this shape (csv.ts, table-xlsx.ts).
 */
export type TableCell = string | null | { value: number; decimals: number };

export interface ExportTable {
  headers: string[];
  rows: TableCell[][];
  /** Said once under the table (and on the notes sheet). */
  notes: string[];
}
