/**
 * A whole table (the completion table) as an XLSX workbook: one sheet with the table, numbers
 * as numbers with their published decimals, then the same notes sheet facts as a chart's
 * workbook. Loaded on demand with exceljs (see xlsx.ts).
 */
import ExcelJS from 'exceljs';
import { translator } from '@/lib/i18n';
import type { ExportTable, TableCell } from './export-table';
import {
  XLSX_MIME,
  columnWidth,
  markFormulaLikeText,
  numFmtFor,
  sheetName,
  withQuotePrefix,
} from './xlsx';
import type { WorkbookMeta } from './xlsx';

const RED = 'FFC00000';

function cellText(c: TableCell): string {
  if (c === null) return '';
  if (typeof c === 'string') return c;
  return c.value.toFixed(Math.min(10, Math.max(0, c.decimals)));
}

export async function tableXlsx(table: ExportTable, meta: WorkbookMeta): Promise<Blob> {
  const t = translator(meta.lang);
  const wb = new ExcelJS.Workbook();
  wb.title = meta.title;
  wb.created = new Date();
  const notesName = t('xlsx.notesSheet');
  const taken = new Set<string>([notesName.toLowerCase()]);
  const ws = wb.addWorksheet(sheetName(meta.title, taken), {
    views: [{ state: 'frozen', xSplit: 1, ySplit: 1 }],
    ...(meta.demo ? { headerFooter: { oddHeader: `&C${t('xlsx.demoHeader')}` } } : {}),
  });
  const header = ws.addRow(table.headers);
  header.font = { bold: true };
  header.eachCell((cell) => {
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFEEF2F7' } };
    cell.border = { bottom: { style: 'thin', color: { argb: 'FF8A94A6' } } };
    cell.alignment = { vertical: 'middle', wrapText: true };
  });
  for (const cells of table.rows) {
    const row = ws.addRow(cells.map((c) => (c === null || typeof c === 'string' ? c : null)));
    cells.forEach((c, i) => {
      if (c === null || typeof c === 'string' || !Number.isFinite(c.value)) return;
      const cell = row.getCell(i + 1);
      cell.value = c.value;
      cell.numFmt = numFmtFor(c.decimals);
    });
  }
  table.headers.forEach((h, i) => {
    ws.getColumn(i + 1).width = columnWidth(
      [h, ...table.rows.map((r) => cellText(r[i] ?? null))],
      8,
      40,
    );
  });
  if (table.rows.length > 0)
    ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: table.headers.length } };

  const notes = wb.addWorksheet(notesName);
  notes.getColumn(1).width = 16;
  notes.getColumn(2).width = 90;
  notes.getColumn(2).alignment = { wrapText: true, vertical: 'top' };
  if (meta.demo) {
    const row = notes.addRow([t('xlsx.demo')]);
    row.font = { bold: true, color: { argb: RED } };
    notes.mergeCells(row.number, 1, row.number, 2);
  }
  const labelled = (label: string, text: string) => {
    const row = notes.addRow([label, text || '—']);
    row.getCell(1).font = { bold: true };
  };
  labelled(t('report.fields.title'), meta.title);
  labelled(t('report.fields.filters'), meta.filters);
  labelled(t('report.fields.source'), meta.source ?? '');
  labelled(t('report.fields.dataAsOf'), meta.dataAsOf ?? '');
  labelled(t('report.fields.exportedAt'), meta.exportedAt);
  table.notes.forEach((note, i) => labelled(i === 0 ? t('xlsx.notes') : '', note));
  markFormulaLikeText(wb);
  const buffer = await wb.xlsx.writeBuffer();
  return new Blob([new Uint8Array(withQuotePrefix(new Uint8Array(buffer)))], { type: XLSX_MIME });
}
