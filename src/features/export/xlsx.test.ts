import ExcelJS from 'exceljs';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import type { ChartSpec, ExportRecord } from '@/features/charts/chart-spec';
import {
  XLSX_MIME,
  chartXlsx,
  chartsWorkbook,
  numFmtFor,
  sheetName,
  withQuotePrefix,
} from './xlsx';
import type { WorkbookMeta } from './xlsx';

function rec(over: Partial<ExportRecord> = {}): ExportRecord {
  return {
    indicator: '新发现吸毒人员',
    unit: '人',
    region: '龙华区',
    year: 2024,
    value: 2968,
    masked: null,
    provisional: false,
    note: '',
    decimals: 0,
    ...over,
  };
}

function spec(over: Partial<ChartSpec> & { records: ExportRecord[] }): ChartSpec {
  return {
    id: 'c1',
    kind: 'line',
    lang: 'zh',
    title: '新发现吸毒人员',
    scope: { path: [], towns: [], year: 2020, compare: null },
    subtitle: '',
    years: [2023, 2024],
    series: [],
    unit: { unit: 'count', decimals: 0, label: '人', better: 'lower' },
    yLabel: '新发现吸毒人员（人）',
    formatTick: String,
    formatValue: String,
    band: null,
    baseline: null,
    reversed: false,
    rankOf: null,
    captionLines: [],
    source: null,
    dataAsOf: null,
    notes: [],
    summary: '',
    demo: false,
    table: { rowHeader: '地区', columns: [], rows: [] },
    ...over,
  };
}

function meta(over: Partial<WorkbookMeta> = {}): WorkbookMeta {
  return {
    title: '禁毒工作数据看板 — 趋势',
    filters: '龙华区，2019–2024年',
    scope: { path: [], towns: [], year: 2024, compare: null },
    source: '深圳市禁毒办',
    dataAsOf: '2025-03-01',
    demo: false,
    lang: 'zh',
    exportedAt: '2025-03-02 10:00',
    ...over,
  };
}

const first = spec({
  title: '新发现吸毒人员（龙华区与各区对比，2019—2024年，按年）',
  notes: ['2024年为初步数据。', '观澜街道2021年数据缺失。'],
  records: [
    rec({ year: 2023, value: 2968 }),
    rec({ year: 2024, value: 1834, provisional: true, note: '初步' }),
    rec({ region: '观澜街道', year: 2021, value: null }),
    rec({ region: '观澜街道', year: 2022, value: 3, masked: '<5' }),
    rec({ region: '=HYPERLINK("http://x","click")', year: 2022, value: -3 }),
  ],
});
const second = spec({
  id: 'c2',
  title: '吸毒人员千人比',
  unit: { unit: 'permille', decimals: 2, label: '‰', better: 'lower' },
  notes: ['千人比 = 吸毒人员 / 常住人口 × 1000。'],
  records: [
    rec({ indicator: '千人比', unit: '‰', value: 1.27, decimals: 2 }),
    rec({ indicator: '千人比', unit: '‰', year: 2023, value: 1.5, decimals: 1 }),
  ],
});

async function load(blob: Blob): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(await blob.arrayBuffer());
  return wb;
}

function sheet(wb: ExcelJS.Workbook, index: number): ExcelJS.Worksheet {
  const ws = wb.worksheets[index];
  if (!ws) throw new Error(`no sheet ${index}`);
  return ws;
}

function column(ws: ExcelJS.Worksheet, col: number): unknown[] {
  const out: unknown[] = [];
  ws.eachRow({ includeEmpty: true }, (row) => out.push(row.getCell(col).value));
  return out;
}

describe('chartsWorkbook', () => {
  it('returns an xlsx blob with one sheet per chart and a notes sheet', async () => {
    const blob = await chartsWorkbook([first, second], meta());
    expect(blob.type).toBe(XLSX_MIME);
    const wb = await load(blob);
    const names = wb.worksheets.map((ws) => ws.name);
    expect(names).toEqual([
      '图1 新发现吸毒人员（龙华区与各区对比，2019—2024年…',
      '图2 吸毒人员千人比',
      '说明 Notes',
    ]);
    for (const name of names) expect(name.length).toBeLessThanOrEqual(31);
    expect(names[0]).toHaveLength(31);
  });

  it('writes a bold, frozen header in the UI language with the unit in the value header', async () => {
    const wb = await load(await chartsWorkbook([first, second], meta()));
    const ws = sheet(wb, 0);
    expect(ws.getRow(1).values).toEqual([
      undefined,
      '指标',
      '单位',
      '地区',
      '年份',
      '数值（人）',
      '初步数据',
      '备注',
    ]);
    expect(ws.getRow(1).getCell(1).font.bold).toBe(true);
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(sheet(wb, 1).getCell('E1').value).toBe('数值（‰）');
    expect(ws.getColumn(1).width).toBeGreaterThan(8);

    const en = await load(await chartsWorkbook([first], meta({ lang: 'en' })));
    expect(sheet(en, 0).getRow(1).values).toEqual([
      undefined,
      'indicator',
      'unit',
      'region',
      'year',
      'value (人)',
      'provisional',
      'note',
    ]);
    expect(en.worksheets.map((w) => w.name)).toEqual([
      'Fig. 1 新发现吸毒人员（龙华区与各区对比，2019—2…',
      'Notes',
    ]);
  });

  it('writes values as typed numbers with a format per decimals', async () => {
    const wb = await load(await chartsWorkbook([first, second], meta()));
    const ws = sheet(wb, 0);
    expect(column(ws, 5)).toEqual(['数值（人）', 2968, 1834, null, '<5', -3]);
    expect(column(ws, 4).slice(1)).toEqual([2023, 2024, 2021, 2022, 2022]);
    expect(ws.getCell('E2').numFmt).toBe('#,##0');
    expect(ws.getCell('F3').value).toBe('是');
    expect(ws.getCell('F2').value).toBeNull();
    expect(ws.getCell('G3').value).toBe('初步');
    // Text stays text: never a formula.
    expect(ws.getCell('C6').value).toBe('=HYPERLINK("http://x","click")');
    expect(ws.getCell('C6').type).toBe(ExcelJS.ValueType.String);

    const permille = sheet(wb, 1);
    expect(permille.getCell('E2').value).toBe(1.27);
    expect(permille.getCell('E2').numFmt).toBe('#,##0.00');
    expect(permille.getCell('E3').value).toBe(1.5);
    expect(permille.getCell('E3').numFmt).toBe('#,##0.0');
  });

  it('writes the notes sheet', async () => {
    const wb = await load(await chartsWorkbook([first, second], meta()));
    const notes = sheet(wb, 2);
    expect(column(notes, 1)).toEqual([
      '标题',
      '筛选条件',
      '来源',
      '数据截至',
      '导出时间',
      '说明',
      '图1 新发现吸毒人员（龙华区与各区对比，2019—2024年…',
      null,
      '图2 吸毒人员千人比',
    ]);
    expect(column(notes, 2)).toEqual([
      '禁毒工作数据看板 — 趋势',
      '龙华区，2019–2024年',
      '深圳市禁毒办',
      '2025-03-01',
      '2025-03-02 10:00',
      null,
      '2024年为初步数据。',
      '观澜街道2021年数据缺失。',
      '千人比 = 吸毒人员 / 常住人口 × 1000。',
    ]);
    expect(JSON.stringify(column(notes, 1))).not.toContain('演示');
  });

  it('puts a bold red demo row first only for demo data', async () => {
    const wb = await load(await chartsWorkbook([first], meta({ demo: true, source: null })));
    const notes = sheet(wb, 1);
    const a1 = notes.getCell('A1');
    expect(a1.value).toBe('演示数据 / Demo data：本文件数字为演示用模拟数据，不是正式统计。');
    expect(a1.font.bold).toBe(true);
    expect(a1.font.color?.argb).toBe('FFC00000');
    expect(notes.getCell('A2').value).toBe('标题');
    expect(notes.getCell('B4').value).toBe('—');
    expect(sheet(wb, 0).headerFooter.oddHeader).toContain('演示数据');
  });

  it('writes a single chart with chartXlsx', async () => {
    const wb = await load(await chartXlsx(second, meta()));
    expect(wb.worksheets.map((w) => w.name)).toEqual(['图1 吸毒人员千人比', '说明 Notes']);
  });
});

describe('numFmtFor', () => {
  it('has as many decimals as the record', () => {
    expect(numFmtFor(0)).toBe('#,##0');
    expect(numFmtFor(1)).toBe('#,##0.0');
    expect(numFmtFor(3)).toBe('#,##0.000');
    expect(numFmtFor(-1)).toBe('#,##0');
  });
});

describe('sheetName', () => {
  it('drops characters Excel rejects and keeps names unique within 31 characters', () => {
    const taken = new Set<string>();
    expect(sheetName("'a[b]:c*d?e/f\\g'", taken)).toBe('a-b--c-d-e-f-g');
    expect(sheetName('A-B--C-D-E-F-G', taken)).toBe('A-B--C-D-E-F-G (2)');
    expect(sheetName('History', taken)).toBe('Sheet 3');
    const long = 'x'.repeat(40);
    expect(sheetName(long, taken)).toBe(`${'x'.repeat(30)}…`);
    const again = sheetName(long, taken);
    expect(again).toBe(`${'x'.repeat(26)}… (2)`);
    expect(again.length).toBeLessThanOrEqual(31);
  });
});

/** Cells (A1 refs) of a sheet whose style has quotePrefix="1", read from the raw package. */
function quotePrefixed(xlsx: Uint8Array, sheetNumber: number): Set<string> {
  const files = unzipSync(xlsx);
  const styles = strFromU8(files['xl/styles.xml'] ?? new Uint8Array());
  const cellXfs = /<cellXfs\b[\s\S]*?<\/cellXfs>/.exec(styles)?.[0] ?? '';
  const prefixed = [...cellXfs.matchAll(/<xf\b[^>]*>/g)].map((m) => /\squotePrefix="1"/.test(m[0]));
  const xml = strFromU8(files[`xl/worksheets/sheet${sheetNumber}.xml`] ?? new Uint8Array());
  const out = new Set<string>();
  for (const m of xml.matchAll(/<c r="([A-Z]+\d+)"([^>]*)>/g)) {
    const s = /\ss="(\d+)"/.exec(m[2] ?? '')?.[1];
    if (s !== undefined && prefixed[Number(s)]) out.add(m[1] ?? '');
  }
  return out;
}

describe('formula-like text (quotePrefix, like the CSV leading apostrophe)', () => {
  const hostile = spec({
    title: '=HYPERLINK("http://x","title")',
    notes: ['=1+1', '千人比 = 吸毒人员 / 常住人口'],
    records: [
      rec({ region: '=HYPERLINK("http://x","click")', value: -3 }),
      rec({ indicator: '+cmd|" /C calc"!A0', unit: '-', region: '@SUM(A1)', year: 2023 }),
      rec({ region: '\t=1+2', note: '\r=3+4', year: 2022 }),
      rec({ region: '龙华区', note: 'a = b', year: 2021 }),
    ],
  });
  const hostileMeta = meta({
    title: '=cmd|" /C calc"!A0',
    filters: '-1+2',
    source: '@source',
    dataAsOf: '+2025',
  });

  it('marks every text cell that starts with = + - @ tab or CR, and no other cell', async () => {
    const blob = await chartsWorkbook([hostile], hostileMeta);
    const bytes = new Uint8Array(await blob.arrayBuffer());
    // Data sheet: region C2, C3, C4; indicator A3; unit B3; note G4 (header is row 1).
    expect(quotePrefixed(bytes, 1)).toEqual(new Set(['C2', 'A3', 'B3', 'C3', 'C4', 'G4']));
    // Notes sheet: title, filters, source, as-of date (B1–B4), the note "=1+1".
    const notes = quotePrefixed(bytes, 2);
    expect(notes).toEqual(new Set(['B1', 'B2', 'B3', 'B4', 'B7']));

    // The text itself is unchanged (no apostrophe added) and stays text, never a formula.
    const wb = await load(blob);
    const data = sheet(wb, 0);
    expect(data.getCell('C2').value).toBe('=HYPERLINK("http://x","click")');
    expect(data.getCell('A3').value).toBe('+cmd|" /C calc"!A0');
    expect(data.getCell('C4').value).toBe('\t=1+2');
    // XML readers normalise a CR to LF; the point is that it is text, and marked (G4 above).
    expect(data.getCell('G4').value).toMatch(/^[\r\n]=3\+4$/);
    expect(data.getCell('C2').type).toBe(ExcelJS.ValueType.String);
    // Numbers are numbers: -3 is a value, not text, and carries no quotePrefix.
    expect(data.getCell('E2').value).toBe(-3);
    expect(sheet(wb, 1).getCell('B1').value).toBe('=cmd|" /C calc"!A0');
    expect(sheet(wb, 1).getCell('B7').value).toBe('=1+1');
  });

  it('sheet names keep a formula-like title as text; their notes-sheet label is not formula-like', async () => {
    const taken = new Set<string>();
    expect(sheetName('=1+1', taken)).toBe('=1+1');
    const blob = await chartsWorkbook([hostile], meta({ lang: 'en' }));
    const wb = await load(blob);
    const names = wb.worksheets.map((ws) => ws.name);
    expect(names[0]).toMatch(/^Fig\. 1 =HYPERLINK/);
    // Notes sheet column A ties the notes to that sheet; its text is not formula-like.
    expect(quotePrefixed(new Uint8Array(await blob.arrayBuffer()), 2).has('A7')).toBe(false);
  });

  it('leaves a workbook without formula-like text untouched (no quotePrefix style)', async () => {
    const blob = await chartsWorkbook([second], meta());
    const files = unzipSync(new Uint8Array(await blob.arrayBuffer()));
    expect(strFromU8(files['xl/styles.xml'] ?? new Uint8Array())).not.toContain('quotePrefix');
  });

  it('withQuotePrefix adds the attribute only to text-format cell styles', () => {
    const styles =
      '<styleSheet><cellStyleXfs count="1"><xf numFmtId="49"/></cellStyleXfs>' +
      '<cellXfs count="3"><xf numFmtId="0" fontId="0"/><xf numFmtId="49" fontId="1">' +
      '<alignment wrapText="1"/></xf><xf numFmtId="3"/></cellXfs></styleSheet>';
    const zipped = zipSync({ 'xl/styles.xml': strToU8(styles) });
    const out = strFromU8(unzipSync(withQuotePrefix(zipped))['xl/styles.xml'] ?? new Uint8Array());
    expect(out).toBe(
      styles.replace(
        '<xf numFmtId="49" fontId="1">',
        '<xf quotePrefix="1" numFmtId="49" fontId="1">',
      ),
    );
  });
});
