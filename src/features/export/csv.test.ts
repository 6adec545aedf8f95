import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import type { ChartSpec, ExportRecord } from '@/features/charts/chart-spec';
import type { Lang } from '@/lib/i18n';
import { chartCsv, DEMO_COLUMN, neutraliseText } from './csv';

function rec(over: Partial<ExportRecord> = {}): ExportRecord {
  return {
    indicator: '新发现吸毒人员',
    unit: '人',
    region: '龙华区',
    year: 2024,
    value: 29680000,
    masked: null,
    provisional: false,
    note: '',
    decimals: 0,
    ...over,
  };
}

function spec(records: ExportRecord[], lang: Lang = 'zh'): ChartSpec {
  return {
    id: 'c1',
    kind: 'line',
    lang,
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
    records,
  };
}

/** Parses the CSV back (without the BOM) into rows of cells. */
function parse(csv: string): string[][] {
  const result = Papa.parse<string[]>(csv.slice(1), { newline: '\r\n' });
  expect(result.errors).toEqual([]);
  return result.data;
}

function cell(csv: string, row: number, col: number): string | undefined {
  return parse(csv)[row]?.[col];
}

describe('chartCsv', () => {
  it('starts with a BOM and ends lines with CRLF', () => {
    const csv = chartCsv(spec([rec(), rec({ year: 2023 })]));
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect(csv.split('\r\n')).toHaveLength(3);
    expect(csv.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
  });

  it('writes the header row in the UI language', () => {
    expect(chartCsv(spec([], 'zh'))).toBe('\uFEFF指标,单位,地区,年份,数值,初步数据,备注');
    expect(chartCsv(spec([], 'en'))).toBe(
      '\uFEFFindicator,unit,region,year,value,provisional,note',
    );
  });

  it('writes one row per record with unformatted numbers', () => {
    const csv = chartCsv(spec([rec(), rec({ value: 1.27, unit: '‰', decimals: 2 })]));
    const lines = csv.slice(1).split('\r\n');
    expect(lines[1]).toBe('新发现吸毒人员,人,龙华区,2024,29680000,,');
    expect(lines[2]).toBe('新发现吸毒人员,‰,龙华区,2024,1.27,,');
  });

  it('leaves missing values empty and writes masked values as text', () => {
    const csv = chartCsv(spec([rec({ value: null }), rec({ value: 3, masked: '<5' })]));
    expect(cell(csv, 1, 4)).toBe('');
    expect(cell(csv, 2, 4)).toBe('<5');
  });

  it('marks provisional rows in the UI language', () => {
    const zh = chartCsv(spec([rec({ provisional: true }), rec()], 'zh'));
    expect(cell(zh, 1, 5)).toBe('是');
    expect(cell(zh, 2, 5)).toBe('');
    const en = chartCsv(spec([rec({ provisional: true })], 'en'));
    expect(cell(en, 1, 5)).toBe('yes');
  });

  it('neutralises formula-like labels with a leading apostrophe', () => {
    const csv = chartCsv(spec([rec({ region: '=HYPERLINK("http://x","click")' })]));
    expect(cell(csv, 1, 2)).toBe(`'=HYPERLINK("http://x","click")`);
  });

  it.each([
    ['+1', "'+1"],
    ['@x', "'@x"],
    ['-x', "'-x"],
    ['\t=1', "'\t=1"],
    ['\r=1', "'\r=1"],
    // papaparse's own escapeFormulae misses these: its regex fails on line breaks.
    ['=1+1\nclick', "'=1+1\nclick"],
    ['\r\n=1', "'\r\n=1"],
  ])('neutralises the text cell %j', (text, expected) => {
    const csv = chartCsv(
      spec([rec({ indicator: text, unit: text, note: text, value: null, masked: text })]),
    );
    const row = parse(csv)[1];
    expect(row).toEqual([expected, expected, '龙华区', '2024', expected, '', expected]);
  });

  it('never alters numbers, negative ones included', () => {
    const csv = chartCsv(spec([rec({ value: -3 }), rec({ value: -0.5, decimals: 1 })]));
    expect(cell(csv, 1, 4)).toBe('-3');
    expect(cell(csv, 2, 4)).toBe('-0.5');
    expect(csv).not.toContain("'-");
  });

  it('leaves ordinary text alone', () => {
    expect(neutraliseText('龙华区')).toBe('龙华区');
    expect(neutraliseText('a=b')).toBe('a=b');
    expect(neutraliseText('')).toBe('');
  });

  it('quotes commas, quotes and line breaks in labels', () => {
    const label = '观澜街道, "试点"\n第二行';
    const csv = chartCsv(spec([rec({ region: label, note: 'a,b' })]));
    expect(csv).toContain('"观澜街道, ""试点""\n第二行"');
    expect(csv).toContain(',"a,b"');
    expect(cell(csv, 1, 2)).toBe(label);
    expect(cell(csv, 1, 6)).toBe('a,b');
    expect(parse(csv)).toHaveLength(2);
  });
});

describe('demo marker in CSV', () => {
  it('adds a demo column to every row in demo mode only', () => {
    const base = spec([rec(), rec({ year: 2020 })]);
    const demoRows = parse(chartCsv({ ...base, demo: true }));
    expect(demoRows.length).toBe(3);
    expect(demoRows.every((r) => r[r.length - 1] === DEMO_COLUMN)).toBe(true);
    expect(parse(chartCsv({ ...base, demo: false })).some((r) => r.includes(DEMO_COLUMN))).toBe(
      false,
    );
  });
});
