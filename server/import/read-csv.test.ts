import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { demoDataset } from '@mocks/demo/dataset';
import type { WireObservation } from '@contract/wire-types';
import { OBSERVATIONS_SHEET, headerLabel } from '@contract/workbook/layout';
import { readObservationsCsv } from './read-workbook';
import type { Problem } from './read-workbook';
import { normalise } from './test-support';

/**
 * The demo observations in the 数据 layout (header first), built here from the layout rather than
 * by the template writer, so the CSV reader is checked independently of it.
 */
function demoRecords(): string[][] {
  // The 1.0 layout (no 1.1 status column): CSV files written before 1.1 keep importing.
  const cols = OBSERVATIONS_SHEET.columns
    .filter((c) => c.key !== 'status')
    .map((c) => headerLabel(c.zh, c.en));
  const years = demoDataset.meta.years;
  const head = [...cols.slice(0, 4), ...years.map(String), ...cols.slice(4)];
  const rows = new Map<string, WireObservation[]>();
  for (const o of demoDataset.observations) {
    const key = `${o.indicator}|${o.region}`;
    rows.set(key, [...(rows.get(key) ?? []), o]);
  }
  const notes = (list: WireObservation[], lang: 'zh' | 'en') =>
    list
      .filter((o) => o.note?.[lang])
      .map((o) => `${o.year}: ${o.note?.[lang] ?? ''}`)
      .join('\n');
  const body = [...rows.values()].map((list) => [
    list[0]?.indicator ?? '',
    list[0]?.region ?? '',
    '',
    '',
    ...years.map((y) => {
      const v = list.find((o) => o.year === y)?.value;
      return v == null ? '' : String(v);
    }),
    list
      .filter((o) => o.provisional)
      .map((o) => o.year)
      .join(', '),
    notes(list, 'zh'),
    notes(list, 'en'),
  ]);
  return [head, ...body];
}

const records = demoRecords();

const csv = (rows: string[][]) => Papa.unparse(rows, { newline: '\r\n' });
const header = () => records[0] ?? [];
const rowIndex = (indicator: string, region: string) =>
  records.findIndex((r) => r[0] === indicator && r[1] === region);

/** What the CSV above carries: no targets, and (1.0 layout) no missing status. */
function withoutTargets(list: readonly WireObservation[]) {
  return list.map((o) => {
    const copy = { ...o };
    delete copy.target;
    delete copy.status;
    return copy;
  });
}

const csvProblem = (
  code: string,
  row: number | null,
  column: string | null,
  zh: string,
  en: string,
): Problem => ({ code, sheet: 'CSV', row, column, message: { zh, en } });

describe('readObservationsCsv', () => {
  it('reads the 数据 layout as CSV (BOM, CRLF) back as the demo observations', () => {
    const { observations, problems } = readObservationsCsv(
      `\uFEFF${csv(records)}\r\n`,
      demoDataset.meta,
    );
    expect(problems).toEqual([]);
    const got = normalise({ ...demoDataset, observations: observations ?? [] }).observations;
    const want = normalise({
      ...demoDataset,
      observations: withoutTargets(demoDataset.observations),
    }).observations;
    expect(observations?.length).toBe(demoDataset.observations.length);
    expect(got).toEqual(want);
  });

  it('accepts Chinese-only headers and skips blank lines', () => {
    const head = header().map((h) => h.replace(/ \(.*\)$/, ''));
    const rows = [head, ...records.slice(1, 4), [], ['', '', ''], ...records.slice(4)];
    const { observations, problems } = readObservationsCsv(csv(rows), demoDataset.meta);
    expect(problems).toEqual([]);
    expect(observations?.length).toBe(demoDataset.observations.length);
  });

  it('checks ids, declared years, numbers and duplicate rows against the meta', () => {
    const rows = records.map((r) => [...r, '']);
    const h = rows[0];
    if (h) h[h.length - 1] = '2031';
    const a = rowIndex('new-users', '460106');
    const b = rowIndex('staff', '460108');
    const rowA = rows[a];
    const rowB = rows[b];
    if (rowA) rowA[4] = '约100';
    if (rowB) rowB[1] = 'meilan';
    rows.push([...(rows[a] ?? [])]);
    const { observations, problems } = readObservationsCsv(csv(rows), demoDataset.meta);
    expect(observations).toBeNull();
    expect(problems).toEqual([
      csvProblem(
        'year-out-of-range',
        1,
        'O',
        '年份列 2031 不在数据集声明的年份范围 2016–2022 内',
        'The year column 2031 is outside the declared years 2016–2022',
      ),
      csvProblem(
        'text-in-number-cell',
        a + 1,
        'E',
        '数值单元格中是文字“约100”，应为数字',
        'Text "约100" in a number cell; a number is expected',
      ),
      csvProblem(
        'unknown-id',
        b + 1,
        'B',
        '未知的地区编号“meilan”：地区表中没有该编号',
        'Unknown region ID "meilan": it is not on the Regions sheet',
      ),
      csvProblem(
        'duplicate-cell',
        rows.length,
        'A',
        `指标“new-users”与地区“460106”的组合重复（已在第${a + 1}行出现）`,
        `Indicator "new-users" with region "460106" is repeated (first on row ${a + 1})`,
      ),
      csvProblem(
        'text-in-number-cell',
        rows.length,
        'E',
        '数值单元格中是文字“约100”，应为数字',
        'Text "约100" in a number cell; a number is expected',
      ),
    ]);
  });

  it('holds ids and notes to the same rules as a workbook: no comma, NUL or bidi override', () => {
    const rows = records.map((r) => [...r]);
    const a = rowIndex('new-users', '460106');
    const b = rowIndex('staff', '460108');
    const c = rowIndex('drugs-seized', '460107');
    const notes = header().findIndex((h) => h.startsWith('备注 ('));
    const set = (i: number, col: number, value: string) => {
      const row = rows[i];
      if (row) row[col] = value;
    };
    set(a, 0, 'new,users');
    set(b, 1, '460108\u0000');
    set(c, notes, '2016: 数据暂缺\u0000');
    set(c, notes + 1, '2016: \u202Edetroper toN');
    const { observations, problems } = readObservationsCsv(csv(rows), demoDataset.meta);
    expect(observations).toBeNull();
    const letter = (i: number) => String.fromCharCode(65 + i);
    expect(problems).toEqual(
      [
        csvProblem(
          'invalid-id',
          a + 1,
          'A',
          '编号“new,users”含有逗号；编号不能包含逗号（网页接口用逗号分隔多个编号，这样的编号无法查询）',
          'The ID "new,users" contains a comma; IDs must not contain commas (the API separates IDs with commas, so such an ID could not be asked for)',
        ),
        csvProblem(
          'invalid-id',
          b + 1,
          'B',
          '编号“460108<U+0000>”含有不可见字符 U+0000（控制字符、零宽字符或文字方向字符）；请删除该字符或重新输入编号',
          'The ID "460108<U+0000>" contains the invisible character U+0000 (a control, zero-width or text-direction character); delete it or type the ID again',
        ),
        csvProblem(
          'invalid-text',
          c + 1,
          letter(notes),
          '文字“2016: 数据暂缺<U+0000>”含有控制字符 U+0000，无法保存；请删除该字符（换行和制表符可以保留）',
          'The text "2016: 数据暂缺<U+0000>" contains the control character U+0000, which cannot be stored; delete it (line breaks and tabs may stay)',
        ),
        csvProblem(
          'invalid-text',
          c + 1,
          letter(notes + 1),
          '文字“2016: <U+202E>detroper toN”含有文字方向控制字符 U+202E，会使显示顺序与实际内容不同；请删除该字符',
          'The text "2016: <U+202E>detroper toN" contains the text-direction control U+202E, which makes it display in a different order from what it says; delete it',
        ),
      ].sort((x, y) => (x.row ?? 0) - (y.row ?? 0)),
    );
  });

  it('reports a missing id column, extra fields and broken quoting', () => {
    const head = header().filter((h) => !h.startsWith('地区编号'));
    const body = records.slice(1, 3).map((r) => r.filter((_, i) => i !== 1));
    const text = `${csv([head, ...body])}\r\nnew-users,1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16\r\n"staff,460108,1`;
    const { observations, problems } = readObservationsCsv(text, demoDataset.meta);
    expect(observations).toBeNull();
    expect(problems).toEqual([
      csvProblem(
        'missing-column',
        1,
        null,
        '缺少必填列“地区编号 (Region ID)”',
        'The required column "地区编号 (Region ID)" is missing',
      ),
      csvProblem(
        'extra-fields',
        4,
        null,
        '这一行有 17 个字段，多于标题行的 13 个',
        "This row has 17 fields, more than the header's 13",
      ),
      csvProblem(
        'csv-syntax',
        5,
        null,
        'CSV 格式错误：Quoted field unterminated',
        'CSV syntax error: Quoted field unterminated',
      ),
    ]);
  });

  it('reports a CSV that is not this layout at all', () => {
    const { observations, problems } = readObservationsCsv('a;b;c\n1;2;3\n', demoDataset.meta);
    expect(observations).toBeNull();
    expect(problems.map((p) => [p.code, p.row, p.column])).toEqual([
      ['missing-column', 1, null],
      ['missing-column', 1, null],
      ['no-year-columns', 1, null],
    ]);
  });
});
