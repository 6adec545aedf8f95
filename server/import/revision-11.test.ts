/**
 * The template's optional 1.1 columns: aggregation, validity years, the assessment's scope name,
 * better and score decimals, and the 缺失类型 (Missing status) column of the data sheet. A
 * workbook that uses them reads back as the 1.1 dataset it was written from; a workbook without
 * them (the 1.0 template) reads exactly as before; broken 1.1 cells are reported with sheet, row
 * and column, in Chinese and English.
 */
import type { Workbook, Worksheet } from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { demoDataset } from '@mocks/demo/dataset';
import { asVersion10 } from '@contract/version-10';
import type { WireDataset } from '@contract/wire-types';
import {
  ASSESSMENTS_SHEET,
  INDICATORS_SHEET,
  OBSERVATIONS_SHEET,
  REGIONS_SHEET,
  STATUS_WORDS,
  choiceOf,
  columnLetter,
  headerLabel,
  sheetLabel,
} from '@contract/workbook/layout';
import { templateBytes } from '@contract/workbook/write-template';
import { OUTSIDE_ASSESSMENT, withRevision11 } from '../test/dataset-11';
import { readLoadedWorkbook, readObservationsCsv, readWorkbook } from './read-workbook';
import type { Problem } from './read-workbook';
import { columnWith, loadWorkbook, normalise, rowWith, sheetOf, toBytes } from './test-support';

const d11 = withRevision11(demoDataset);
/** What the importer makes of the 1.1 workbook: the dataset, without what only a server adds. */
const want11: WireDataset = { ...d11, meta: { ...d11.meta } };
delete (want11.meta as { capabilities?: unknown }).capabilities;

/** The headers the 1.1 columns have, and the 1.0 template's headers (frozen here). */
const NEW_HEADERS = new Set(
  [
    ...REGIONS_SHEET.columns.filter((c) => c.key === 'validFrom' || c.key === 'validTo'),
    ...INDICATORS_SHEET.columns.filter((c) => c.key === 'aggregation'),
    ...ASSESSMENTS_SHEET.columns.filter((c) =>
      ['scopeNameZh', 'scopeNameEn', 'better', 'scoreDecimals'].includes(c.key),
    ),
    ...OBSERVATIONS_SHEET.columns.filter((c) => c.key === 'status'),
  ].map((c) => headerLabel(c.zh, c.en)),
);
const HEADERS_10: Record<string, string[]> = {
  [sheetLabel(REGIONS_SHEET)]: [
    '编号 (ID)',
    '级别 (Level)',
    '上级编号 (Parent ID)',
    '中文名称 (Name, Chinese)',
    '英文名称 (Name, English)',
  ],
  [sheetLabel(INDICATORS_SHEET)]: [
    '编号 (ID)',
    '中文名称 (Name, Chinese)',
    '英文名称 (Name, English)',
    '单位 (Unit)',
    '单位名称中文 (Unit label, Chinese)',
    '单位名称英文 (Unit label, English)',
    '小数位数 (Decimals)',
    '改善方向 (Better)',
    '所属工作项目 (Programme ID)',
    '重点指标 (Headline)',
    '说明中文 (Description, Chinese)',
    '说明英文 (Description, English)',
  ],
  [sheetLabel(ASSESSMENTS_SHEET)]: [
    '编号 (ID)',
    '中文名称 (Name, Chinese)',
    '英文名称 (Name, English)',
    '排名范围地区 (Scope region ID)',
  ],
};

const headers = (ws: Worksheet): string[] => {
  const out: string[] = [];
  ws.getRow(1).eachCell((cell) => {
    if (typeof cell.value === 'string' || typeof cell.value === 'number')
      out.push(String(cell.value));
  });
  return out;
};

/** The workbook as the 1.0 template wrote it: every 1.1 column taken out. */
function stripRevision11(wb: Workbook): void {
  for (const ws of wb.worksheets) {
    const found: number[] = [];
    ws.getRow(1).eachCell((cell, c) => {
      if (typeof cell.value === 'string' && NEW_HEADERS.has(cell.value)) found.push(c);
    });
    for (const c of found.reverse()) ws.spliceColumns(c, 1);
  }
}

function expectSame(got: WireDataset | undefined, want: WireDataset) {
  expect(got).toBeDefined();
  if (!got) return;
  const [a, b] = [normalise(got), normalise(want)];
  expect(a.meta).toEqual(b.meta);
  expect(a.observations).toEqual(b.observations);
  expect(a.rankings).toEqual(b.rankings);
}

let bytes11: Uint8Array;
beforeAll(async () => {
  bytes11 = await templateBytes(d11);
});

describe('1.1 workbook columns', () => {
  it('read back as the 1.1 dataset they were written from', async () => {
    const { data, problems } = await readWorkbook(bytes11);
    expect(problems).toEqual([]);
    expectSame(data?.dataset, want11);
    const meta = data?.dataset.meta;
    // The fields normalise() keeps as they are, checked by name so that none can go missing.
    expect(meta?.indicators.filter((i) => i.aggregation).length).toBe(
      d11.meta.indicators.filter((i) => i.aggregation).length,
    );
    expect(meta?.indicators.filter((i) => i.aggregation).length).toBeGreaterThan(0);
    expect(meta?.regions.filter((r) => r.validFrom ?? r.validTo).length).toBe(
      d11.meta.regions.filter((r) => r.validFrom ?? r.validTo).length,
    );
    expect(meta?.assessments.find((a) => a.id === OUTSIDE_ASSESSMENT)).toEqual({
      id: OUTSIDE_ASSESSMENT,
      name: { zh: '全国禁毒示范城市评比', en: 'National model-city ranking' },
      scope: null,
      scopeName: { zh: '全国', en: 'China' },
      better: 'lower',
      scoreDecimals: 2,
    });
    const statuses = data?.dataset.observations.filter((o) => o.status) ?? [];
    expect(new Set(statuses.map((o) => o.status))).toEqual(
      new Set(['missing', 'withheld', 'not-applicable']),
    );
    expect(statuses.every((o) => o.value === null)).toBe(true);
  });

  it('map the status words of the template and their synonyms', () => {
    const words: [string, string][] = [
      ['暂缺', 'missing'],
      ['未报送', 'missing'],
      ['Not reported', 'missing'],
      ['保密', 'withheld'],
      ['不适用', 'not-applicable'],
      ['not applicable', 'not-applicable'],
    ];
    for (const [word, status] of words) expect(choiceOf(STATUS_WORDS, word)).toBe(status);
    expect(choiceOf(STATUS_WORDS, '数据暂缺')).toBeNull();
  });
});

describe('a workbook without the 1.1 columns (the 1.0 template)', () => {
  it('has the 1.0 headers and reads exactly as it did', async () => {
    const old = asVersion10(demoDataset);
    const wb = await loadWorkbook(await templateBytes(old));
    stripRevision11(wb);
    for (const [sheet, want] of Object.entries(HEADERS_10))
      expect(headers(wb.getWorksheet(sheet) as Worksheet)).toEqual(want);
    expect(headers(sheetOf(wb, OBSERVATIONS_SHEET)).slice(-3)).toEqual([
      '初步数据年份 (Provisional years)',
      '备注 (Notes, Chinese)',
      '备注英文 (Notes, English)',
    ]);
    const { data, problems } = await readWorkbook(await toBytes(wb));
    expect(problems).toEqual([]);
    expectSame(data?.dataset, old);
    // Nothing 1.1 appears out of nowhere.
    expect(data?.dataset.meta.indicators.some((i) => 'aggregation' in i)).toBe(false);
    expect(data?.dataset.meta.regions.some((r) => 'validFrom' in r || 'validTo' in r)).toBe(false);
    expect(data?.dataset.observations.some((o) => 'status' in o)).toBe(false);
    expect(
      data?.dataset.meta.assessments.every((a) => Object.keys(a).join() === 'id,name,scope'),
    ).toBe(true);
  });

  it('as downloaded empty, reports the same problems as the 1.1 template', async () => {
    const wb = await loadWorkbook(await templateBytes(null));
    stripRevision11(wb);
    const old = readLoadedWorkbook(wb);
    const now = await readWorkbook(await templateBytes(null));
    expect(old.data).toBeNull();
    expect(old.problems).toEqual(now.problems);
  });
});

describe('1.1 cells that break the rules', () => {
  const OBS = sheetLabel(OBSERVATIONS_SHEET);
  const REG = sheetLabel(REGIONS_SHEET);
  const ASM = sheetLabel(ASSESSMENTS_SHEET);
  const IND = sheetLabel(INDICATORS_SHEET);
  const years = d11.meta.years;
  const [y0 = 0, y1 = 0] = years;
  const late = d11.meta.regions.find((r) => r.validFrom !== undefined && r.validTo === undefined);
  const lateCell = d11.observations.find((o) => o.region === late?.id && o.value !== null);
  const valued = d11.observations.find((o) => o.value !== null && o.region !== late?.id);

  async function readBroken(change: (wb: Workbook) => void): Promise<Problem[]> {
    const wb = await loadWorkbook(bytes11);
    change(wb);
    const { data, problems } = readLoadedWorkbook(wb);
    expect(data).toBeNull();
    return problems;
  }
  const col = (ws: Worksheet, header: string) => columnWith(ws, header);
  const at = (p: Problem) => [p.code, p.sheet, p.row, p.column];

  it('refuse a status on a cell with a value, an unknown word, a year not declared', async () => {
    if (!valued) throw new Error('no valued cell');
    let row = 0;
    let status = 0;
    const problems = await readBroken((wb) => {
      const ws = sheetOf(wb, OBSERVATIONS_SHEET);
      row = rowWith(ws, valued.indicator, valued.region);
      status = col(ws, '缺失类型 (Missing status)');
      ws.getCell(row, status).value =
        `${valued.year}：保密\n2031：暂缺\n${y1}: 不知道\n${y1}年 保密`;
    });
    const letter = columnLetter(status);
    expect(problems.map(at)).toEqual([
      ['year-out-of-range', OBS, row, letter],
      ['bad-status', OBS, row, letter],
      ['bad-status', OBS, row, letter],
      ['status-with-value', OBS, row, letter],
    ]);
    expect(problems.find((p) => p.code === 'status-with-value')?.message).toEqual({
      zh: `${valued.year} 年标注了缺失类型，但该年份单元格有数值 ${String(valued.value)}；有数值时不能标注缺失类型`,
      en: `${valued.year} has a missing status but its cell holds the value ${String(valued.value)}; a cell with a value takes no missing status`,
    });
    expect(problems[1]?.message.en).toBe(
      `Unknown missing status "不知道"; use one of: ${Object.values(STATUS_WORDS).flat().join(', ')}`,
    );
    expect(problems[2]?.message.zh).toBe(`缺失类型“${y1}年 保密”缺少年份前缀；应写成“2019：保密”`);
  });

  it('refuse data for a region outside its validity years, in the column that holds it', async () => {
    if (!late || !lateCell) throw new Error('no late region');
    let row = 0;
    let first = 0;
    let status = 0;
    const problems = await readBroken((wb) => {
      const ws = sheetOf(wb, OBSERVATIONS_SHEET);
      row = rowWith(ws, lateCell.indicator, lateCell.region);
      first = col(ws, String(y0));
      status = col(ws, '缺失类型 (Missing status)');
      ws.getCell(row, first).value = 5;
      ws.getCell(row, status).value = `${y1}：不适用`;
    });
    expect(problems.map(at)).toEqual([
      ['outside-validity', OBS, row, columnLetter(first)],
      ['outside-validity', OBS, row, columnLetter(status)],
    ]);
    expect(problems[0]?.message).toEqual({
      zh: `地区“${late.id}”只存在于 ${String(late.validFrom)}–… 年（地区表的起始年份/终止年份），${y0} 年不能有数据`,
      en: `Region "${late.id}" exists only in ${String(late.validFrom)}–… (Valid from / Valid to on the Regions sheet); it can have no data for ${y0}`,
    });
  });

  it('refuse validity years the wrong way round or out of range', async () => {
    let row = 0;
    let from = 0;
    let to = 0;
    const problems = await readBroken((wb) => {
      const ws = sheetOf(wb, REGIONS_SHEET);
      row = rowWith(ws, d11.meta.regions[2]?.id ?? '');
      from = col(ws, '起始年份 (Valid from)');
      to = col(ws, '终止年份 (Valid to)');
      ws.getCell(row, from).value = 2020;
      ws.getCell(row, to).value = 2018;
      ws.getCell(row + 1, from).value = 1800;
    });
    expect(problems.map(at)).toEqual([
      ['bad-validity', REG, row, columnLetter(to)],
      ['out-of-range', REG, row + 1, columnLetter(from)],
    ]);
    expect(problems[0]?.message).toEqual({
      zh: '起始年份 2020 晚于终止年份 2018',
      en: 'Valid from 2020 is after valid to 2018',
    });
  });

  it('refuse an assessment with neither scope region nor scope name, and bad words', async () => {
    let row = 0;
    const cols = { scope: 0, better: 0, decimals: 0, aggregation: 0 };
    const problems = await readBroken((wb) => {
      const ws = sheetOf(wb, ASSESSMENTS_SHEET);
      row = rowWith(ws, OUTSIDE_ASSESSMENT);
      cols.scope = col(ws, '排名范围地区 (Scope region ID)');
      cols.better = col(ws, '得分方向 (Better score)');
      cols.decimals = col(ws, '得分小数位数 (Score decimals)');
      ws.getCell(row, col(ws, '排名范围名称 (Scope name, Chinese)')).value = null;
      ws.getCell(row, col(ws, '排名范围名称英文 (Scope name, English)')).value = null;
      ws.getCell(row, cols.better).value = '越大越好';
      ws.getCell(row, cols.decimals).value = 5;
      const ind = sheetOf(wb, INDICATORS_SHEET);
      cols.aggregation = col(ind, '汇总方式 (Aggregation)');
      ind.getCell(2, cols.aggregation).value = '求和';
    });
    expect(problems.map(at)).toEqual([
      ['invalid-choice', IND, 2, columnLetter(cols.aggregation)],
      ['missing-value', ASM, row, columnLetter(cols.scope)],
      ['invalid-choice', ASM, row, columnLetter(cols.better)],
      ['out-of-range', ASM, row, columnLetter(cols.decimals)],
    ]);
    expect(problems[0]?.message.zh).toBe(
      '汇总方式“求和”无法识别；可填：流量、flow、存量、stock、比率、rate、累计、cumulative',
    );
    expect(problems[1]?.message).toEqual({
      zh: '排名范围地区和排名范围名称至少填写一个（排名范围不在本数据中时，地区留空并填写名称，如“海南省”）',
      en: 'Enter the scope region ID or the scope name (when the ranking body is outside this data, leave the region empty and name it, e.g. "Hainan")',
    });
  });
});

describe('the Missing status column in a CSV', () => {
  it('is read as in the workbook', () => {
    const meta = withRevision11(demoDataset).meta;
    const cols = OBSERVATIONS_SHEET.columns.map((c) => headerLabel(c.zh, c.en));
    const [ind = '', region = ''] = [meta.indicators[0]?.id, meta.regions[1]?.id];
    const [y0 = 0, y1 = 0] = meta.years;
    const line = (fields: string[]) => fields.map((f) => `"${f}"`).join(',');
    const csv = [
      line([...cols.slice(0, 4), String(y0), String(y1), ...cols.slice(4)]),
      line([ind, region, '', '', '', '12', '', '', '', `${y0}：保密`]),
    ].join('\n');
    const { observations, problems } = readObservationsCsv(csv, meta);
    expect(problems).toEqual([]);
    expect(observations).toEqual([
      { indicator: ind, region, year: y0, value: null, status: 'withheld' },
      { indicator: ind, region, year: y1, value: 12 },
    ]);
  });
});
