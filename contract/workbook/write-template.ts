/**
 * The import template: an empty workbook to fill in, or one filled with a dataset (what the
 * dashboard serves today), laid out as layout.ts says. Reading it back with server/import gives
 * the same dataset. Works in the browser and in Node; exceljs is loaded on demand.
 *
 * Text goes into cells as strings, never as formulas, so labels cannot inject formulas.
 */
import type { Workbook, Worksheet } from 'exceljs';
import type { WireDataset, WireObservation, WireText } from '../wire-types';
import { loadExcelJS } from './excel';
import { instructionRows } from './instructions';
import {
  AGGREGATION_WORDS,
  ASSESSMENTS_SHEET,
  BETTER_WORDS,
  CAMPAIGNS_SHEET,
  DATASET_FIELDS,
  DATASET_SHEET,
  HEADLINE_WORDS,
  INDICATORS_SHEET,
  INSTRUCTIONS_SHEET,
  LEVEL_WORDS,
  OBSERVATIONS_SHEET,
  PLACEHOLDER_YEARS,
  PROGRAMMES_SHEET,
  RANKINGS_SHEET,
  REGIONS_SHEET,
  SCORE_BETTER_WORDS,
  STATUS_WORDS,
  TARGETS_SHEET,
  UNIT_WORDS,
  allWords,
  columnOf,
  headerLabel,
  sheetLabel,
  wordFor,
} from './layout';
import type { ColumnDef, DatasetField, SheetDef } from './layout';

export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

type CellInput = string | number | Date | null;

const HEADER_FILL = 'FFEEF2F7';
const YEAR_WIDTH = 10;
/** Dropdowns reach this many rows below the last filled row (at least to DROPDOWN_MIN_ROWS). */
const DROPDOWN_SPARE_ROWS = 200;
const DROPDOWN_MIN_ROWS = 500;

interface Header {
  label: string;
  width: number;
}

const header = (c: ColumnDef): Header => ({ label: headerLabel(c.zh, c.en), width: c.width });
const yearHeader = (): Header => ({ label: '', width: YEAR_WIDTH });

function addSheet(
  wb: Workbook,
  def: SheetDef,
  headers: readonly Header[],
  years: readonly number[],
) {
  const ws = wb.addWorksheet(sheetLabel(def), {
    views: [{ state: 'frozen', xSplit: 0, ySplit: 1 }],
  });
  // Year columns are headed by the year as a number; every other header is text.
  let y = 0;
  const row = ws.addRow(headers.map((h) => (h.label === '' ? (years[y++] ?? null) : h.label)));
  row.font = { bold: true };
  row.alignment = { vertical: 'middle', wrapText: true };
  row.eachCell((cell) => {
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: HEADER_FILL } };
    cell.border = { bottom: { style: 'thin', color: { argb: 'FF8A94A6' } } };
  });
  headers.forEach((h, i) => {
    ws.getColumn(i + 1).width = h.width;
  });
  return ws;
}

function addRows(ws: Worksheet, rows: readonly (readonly CellInput[])[]) {
  for (const r of rows) ws.addRow([...r]);
}

/** A dropdown of accepted words on one column (a warning, not a block: other words may follow). */
function dropdown(ws: Worksheet, column: number, words: readonly string[], lastRow: number) {
  const list = `"${words.join(',')}"`;
  const to = Math.max(DROPDOWN_MIN_ROWS, lastRow + DROPDOWN_SPARE_ROWS);
  for (let r = 2; r <= to; r++) {
    ws.getCell(r, column).dataValidation = {
      type: 'list',
      allowBlank: true,
      formulae: [list],
      showErrorMessage: true,
      errorStyle: 'warning',
      errorTitle: '不是可选的值 Not a listed value',
      error: `可填 Use: ${words.join(', ')}`,
    };
  }
}

const zhOf = (t: WireText) => t.zh || t.en;
/** A text cell: empty strings become empty cells. */
const textCell = (s: string | undefined): string | null => (s ? s : null);

/**
 * One line per note: `2019：数据暂缺` in the Chinese column, `2019: Not reported` in the English
 * one (the importer reads either colon). Line breaks inside a note would split it, so they go.
 */
function noteLines(
  notes: readonly { year: number; text: string }[],
  lang: keyof WireText,
): string | null {
  const colon = lang === 'zh' ? '：' : ': ';
  const lines = notes
    .filter((n) => n.text.trim() !== '')
    .map((n) => `${n.year}${colon}${n.text.replace(/\s*[\r\n]+\s*/g, ' ').trim()}`);
  return lines.length > 0 ? lines.join('\n') : null;
}

interface CellRow {
  indicator: string;
  region: string;
  byYear: Map<number, WireObservation>;
}

/** (1.1) `2019：保密` per year whose empty cell has a status, one per line. */
function statusLines(observations: readonly WireObservation[]): string | null {
  const lines = observations.flatMap((o) =>
    o.value === null && o.status ? [`${o.year}：${wordFor(STATUS_WORDS, o.status)}`] : [],
  );
  return lines.length > 0 ? lines.join('\n') : null;
}

/**
 * Observations grouped into one row per indicator × region, in first-seen order. An observation
 * with neither a value, a note nor a status cannot be written (an empty cell means "no
 * observation").
 */
function cellRows(observations: readonly WireObservation[]): CellRow[] {
  const rows = new Map<string, CellRow>();
  for (const o of observations) {
    if (o.value === null && !(o.note && (o.note.zh || o.note.en)) && !o.status) continue;
    const key = `${o.indicator}\u0000${o.region}`;
    let row = rows.get(key);
    if (!row)
      rows.set(key, (row = { indicator: o.indicator, region: o.region, byYear: new Map() }));
    row.byYear.set(o.year, o);
  }
  return [...rows.values()];
}

function datasetValues(dataset: WireDataset | null): Record<DatasetField, [CellInput, CellInput]> {
  if (!dataset) {
    return {
      title: [null, null],
      source: [null, null],
      dataAsOf: [null, null],
      firstYear: [null, null],
      lastYear: [null, null],
    };
  }
  const { meta } = dataset;
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(meta.dataAsOf);
  const asOf = m ? new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))) : meta.dataAsOf;
  return {
    title: [textCell(meta.title.zh), textCell(meta.title.en)],
    source: [textCell(meta.source.zh), textCell(meta.source.en)],
    dataAsOf: [asOf || null, null],
    firstYear: [meta.years[0] ?? null, null],
    lastYear: [meta.years[meta.years.length - 1] ?? null, null],
  };
}

/**
 * The template workbook. `null` gives an empty template with placeholder year columns
 * 2016–2022; a dataset fills every sheet (year columns = meta.years, with a targets sheet when
 * any observation has a target).
 */
export async function buildTemplate(dataset: WireDataset | null): Promise<Workbook> {
  const ExcelJS = await loadExcelJS();
  const wb = new ExcelJS.Workbook();
  wb.title = dataset ? zhOf(dataset.meta.title) : '禁毒工作数据导入模板 Data import template';
  wb.created = new Date();
  const meta = dataset?.meta;
  const years = meta ? [...meta.years] : [...PLACEHOLDER_YEARS];

  // 填写说明
  const how = addSheet(wb, INSTRUCTIONS_SHEET, INSTRUCTIONS_SHEET.columns.map(header), []);
  addRows(
    how,
    instructionRows(!dataset).map((r) => [r.topic, r.zh, r.en]),
  );
  how.getColumn(1).alignment = { vertical: 'top', wrapText: true };
  how.getColumn(2).alignment = { vertical: 'top', wrapText: true };
  how.getColumn(3).alignment = { vertical: 'top', wrapText: true };

  // 数据集
  const ds = addSheet(wb, DATASET_SHEET, DATASET_SHEET.columns.map(header), []);
  const values = datasetValues(dataset);
  for (const f of DATASET_FIELDS) {
    const [zh, en] = values[f.key];
    const row = ds.addRow([headerLabel(f.zh, f.en), zh, en]);
    row.getCell(1).font = { bold: true };
    if (f.key === 'dataAsOf') row.getCell(2).numFmt = 'yyyy-mm-dd';
    row.getCell(2).alignment = { wrapText: true, vertical: 'top' };
    row.getCell(3).alignment = { wrapText: true, vertical: 'top' };
  }

  // 地区
  const regions = meta?.regions ?? [];
  const rg = addSheet(wb, REGIONS_SHEET, REGIONS_SHEET.columns.map(header), []);
  addRows(
    rg,
    regions.map((r) => [
      r.id,
      wordFor(LEVEL_WORDS, r.level),
      r.parent,
      textCell(r.name.zh),
      textCell(r.name.en),
      r.validFrom ?? null,
      r.validTo ?? null,
    ]),
  );
  dropdown(rg, 2, allWords(LEVEL_WORDS), regions.length + 1);

  // 大会战
  const cp = addSheet(wb, CAMPAIGNS_SHEET, CAMPAIGNS_SHEET.columns.map(header), []);
  addRows(
    cp,
    (meta?.campaigns ?? []).map((c) => [
      c.id,
      textCell(c.name.zh),
      textCell(c.name.en),
      c.startYear,
      c.endYear,
      c.baselineYear,
    ]),
  );

  // 工作项目
  const pg = addSheet(wb, PROGRAMMES_SHEET, PROGRAMMES_SHEET.columns.map(header), []);
  addRows(
    pg,
    (meta?.programmes ?? []).map((p) => [p.id, textCell(p.name.zh), textCell(p.name.en)]),
  );

  // 指标
  const indicators = meta?.indicators ?? [];
  const ind = addSheet(wb, INDICATORS_SHEET, INDICATORS_SHEET.columns.map(header), []);
  addRows(
    ind,
    indicators.map((i) => [
      i.id,
      textCell(i.name.zh),
      textCell(i.name.en),
      wordFor(UNIT_WORDS, i.unit),
      textCell(i.unitLabel?.zh),
      textCell(i.unitLabel?.en),
      i.decimals,
      wordFor(BETTER_WORDS, i.better),
      i.programme,
      wordFor(HEADLINE_WORDS, i.headline ? 'yes' : 'no'),
      textCell(i.description?.zh),
      textCell(i.description?.en),
      i.aggregation ? wordFor(AGGREGATION_WORDS, i.aggregation) : null,
    ]),
  );
  const indCol = (key: (typeof INDICATORS_SHEET.columns)[number]['key']) =>
    INDICATORS_SHEET.columns.indexOf(columnOf(INDICATORS_SHEET, key)) + 1;
  dropdown(ind, indCol('unit'), allWords(UNIT_WORDS), indicators.length + 1);
  dropdown(ind, indCol('better'), allWords(BETTER_WORDS), indicators.length + 1);
  dropdown(ind, indCol('headline'), ['是', '否', 'yes', 'no'], indicators.length + 1);
  dropdown(ind, indCol('aggregation'), allWords(AGGREGATION_WORDS), indicators.length + 1);
  ind.getColumn(indCol('descriptionZh')).alignment = { wrapText: true, vertical: 'top' };
  ind.getColumn(indCol('descriptionEn')).alignment = { wrapText: true, vertical: 'top' };

  // 考评
  const assessments = meta?.assessments ?? [];
  const as = addSheet(wb, ASSESSMENTS_SHEET, ASSESSMENTS_SHEET.columns.map(header), []);
  addRows(
    as,
    assessments.map((a) => [
      a.id,
      textCell(a.name.zh),
      textCell(a.name.en),
      a.scope,
      textCell(a.scopeName?.zh),
      textCell(a.scopeName?.en),
      a.better ? wordFor(SCORE_BETTER_WORDS, a.better) : null,
      a.scoreDecimals ?? null,
    ]),
  );
  dropdown(
    as,
    ASSESSMENTS_SHEET.columns.indexOf(columnOf(ASSESSMENTS_SHEET, 'better')) + 1,
    allWords(SCORE_BETTER_WORDS),
    assessments.length + 1,
  );

  // 数据 and 目标值
  const indicatorName = new Map(indicators.map((i) => [i.id, zhOf(i.name)]));
  const regionName = new Map(regions.map((r) => [r.id, zhOf(r.name)]));
  const rows = cellRows(dataset?.observations ?? []);
  const lead = (r: CellRow): CellInput[] => [
    r.indicator,
    r.region,
    indicatorName.get(r.indicator) ?? null,
    regionName.get(r.region) ?? null,
  ];
  const [leadCols, tailCols] = [
    OBSERVATIONS_SHEET.columns.slice(0, 4),
    OBSERVATIONS_SHEET.columns.slice(4),
  ];
  const obsHeaders = [...leadCols.map(header), ...years.map(yearHeader), ...tailCols.map(header)];
  const obs = addSheet(wb, OBSERVATIONS_SHEET, obsHeaders, years);
  for (const r of rows) {
    const cells = years.map((y) => r.byYear.get(y)?.value ?? null);
    const written = years.flatMap((y) => {
      const o = r.byYear.get(y);
      return o ? [o] : [];
    });
    const provisional = written.filter((o) => o.provisional === true).map((o) => o.year);
    const notes = (lang: keyof WireText) =>
      noteLines(
        written.map((o) => ({ year: o.year, text: o.note?.[lang] ?? '' })),
        lang,
      );
    obs.addRow([
      ...lead(r),
      ...cells,
      provisional.length > 0 ? provisional.join(', ') : null,
      notes('zh'),
      notes('en'),
      statusLines(written),
    ]);
  }
  const tailStart = leadCols.length + years.length + 1;
  for (let i = 0; i < tailCols.length; i++) {
    obs.getColumn(tailStart + i).alignment = { wrapText: true, vertical: 'top' };
  }

  const targetRows = rows.filter((r) => [...r.byYear.values()].some((o) => o.target != null));
  if (!dataset || targetRows.length > 0) {
    const tg = addSheet(
      wb,
      TARGETS_SHEET,
      [...TARGETS_SHEET.columns.map(header), ...years.map(yearHeader)],
      years,
    );
    addRows(
      tg,
      targetRows.map((r) => [...lead(r), ...years.map((y) => r.byYear.get(y)?.target ?? null)]),
    );
  }

  // 排名
  const rk = addSheet(wb, RANKINGS_SHEET, RANKINGS_SHEET.columns.map(header), []);
  addRows(
    rk,
    (dataset?.rankings ?? []).map((r) => [
      r.assessment,
      r.year,
      r.region,
      r.rank,
      r.of,
      r.score ?? null,
    ]),
  );

  return wb;
}

/** The template as .xlsx bytes. */
export async function templateBytes(dataset: WireDataset | null): Promise<Uint8Array> {
  const wb = await buildTemplate(dataset);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}
