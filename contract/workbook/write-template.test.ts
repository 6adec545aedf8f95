import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { WireDataset } from '../wire-types';
import {
  CAMPAIGNS_SHEET,
  DATASET_SHEET,
  INDICATORS_SHEET,
  INSTRUCTIONS_SHEET,
  OBSERVATIONS_SHEET,
  RANKINGS_SHEET,
  REGIONS_SHEET,
  SHEETS,
  TARGETS_SHEET,
  sheetLabel,
} from './layout';
import type { SheetDef } from './layout';
import { buildTemplate, templateBytes } from './write-template';

const NOT_REPORTED = { zh: '数据暂缺', en: 'Not reported' };

/** A small dataset with every feature the template carries (features must not import mocks). */
const dataset: WireDataset = {
  meta: {
    apiVersion: 1,
    title: { zh: '测试数据', en: 'Test data' },
    source: { zh: '测试来源', en: '' },
    dataAsOf: '2023-01-15',
    years: [2020, 2021, 2022],
    regions: [
      { id: '460000', level: 'province', parent: null, name: { zh: '海南省', en: 'Hainan' } },
      { id: '460106', level: 'district', parent: '460000', name: { zh: '龙华区', en: 'Longhua' } },
      {
        id: '460106009',
        level: 'township',
        parent: '460106',
        name: { zh: '新坡镇', en: 'Xinpo Town' },
      },
    ],
    campaigns: [
      {
        id: 'round-2',
        name: { zh: '新一轮大会战', en: 'Round 2' },
        startYear: 2021,
        endYear: 2022,
        baselineYear: 2020,
      },
    ],
    programmes: [{ id: 'manage', name: { zh: '严管', en: 'Strict management' } }],
    indicators: [
      {
        id: 'new-users',
        name: { zh: '新发现吸毒人员', en: 'Newly identified drug users' },
        unit: 'count',
        unitLabel: { zh: '人', en: 'people' },
        decimals: 0,
        better: 'lower',
        programme: 'manage',
        headline: true,
      },
      {
        id: 'rehab-rate',
        name: { zh: '社区康复执行率', en: 'Rehabilitation rate' },
        unit: 'percent',
        decimals: 1,
        better: 'higher',
        programme: null,
        description: { zh: '执行率。', en: 'Execution rate.' },
      },
    ],
    assessments: [{ id: 'overall', name: { zh: '综合考评', en: 'Overall' }, scope: '460000' }],
  },
  observations: [
    { indicator: 'new-users', region: '460106009', year: 2020, value: 9 },
    { indicator: 'new-users', region: '460106009', year: 2021, value: null, note: NOT_REPORTED },
    { indicator: 'new-users', region: '460106009', year: 2022, value: 3, provisional: true },
    { indicator: 'rehab-rate', region: '460106', year: 2020, value: 97.5, target: 100 },
    { indicator: 'rehab-rate', region: '460106', year: 2022, value: 99.1, target: 100 },
    // Neither a value nor a note: an empty cell already says this, so it is not written.
    { indicator: 'rehab-rate', region: '460000', year: 2022, value: null },
  ],
  rankings: [
    { assessment: 'overall', year: 2021, region: '460106', rank: 1, of: 19, score: 96.5 },
    { assessment: 'overall', year: 2022, region: '460106', rank: 2, of: 19 },
  ],
};

async function reload(d: WireDataset | null): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(new Uint8Array(await templateBytes(d)).buffer);
  return wb;
}

function sheet(wb: ExcelJS.Workbook, def: SheetDef): ExcelJS.Worksheet {
  const ws = wb.getWorksheet(sheetLabel(def));
  if (!ws) throw new Error(`missing ${sheetLabel(def)}`);
  return ws;
}

const rowValues = (ws: ExcelJS.Worksheet, r: number): unknown[] => {
  const v = ws.getRow(r).values;
  return Array.isArray(v) ? v.slice(1) : [];
};

const rowsOf = (ws: ExcelJS.Worksheet) =>
  Array.from({ length: ws.actualRowCount }, (_, i) => rowValues(ws, i + 1));

describe('templateBytes(dataset)', () => {
  let wb: ExcelJS.Workbook;
  beforeAll(async () => {
    wb = await reload(dataset);
  });

  it('has every sheet in template order, with a bold frozen header row', () => {
    expect(wb.worksheets.map((ws) => ws.name)).toEqual(SHEETS.map(sheetLabel));
    for (const ws of wb.worksheets) {
      expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
      expect(ws.getRow(1).getCell(1).font.bold).toBe(true);
      expect(ws.getColumn(1).width).toBeGreaterThan(5);
    }
  });

  it('writes the dataset sheet, with the date as a date cell', () => {
    const ds = sheet(wb, DATASET_SHEET);
    expect(rowsOf(ds)).toEqual([
      ['项目 (Field)', '中文 (Chinese)', '英文 (English)'],
      ['标题 (Title)', '测试数据', 'Test data'],
      ['数据来源 (Source)', '测试来源'],
      ['数据截至日期 (Data as of)', new Date(Date.UTC(2023, 0, 15))],
      ['起始年份 (First year)', 2020],
      ['结束年份 (Last year)', 2022],
    ]);
  });

  it('writes meta sheets with Chinese choice words, and dropdowns for them', () => {
    const rg = sheet(wb, REGIONS_SHEET);
    expect(rowsOf(rg).slice(1)).toEqual([
      ['460000', '省', undefined, '海南省', 'Hainan'],
      ['460106', '区县', '460000', '龙华区', 'Longhua'],
      ['460106009', '乡镇', '460106', '新坡镇', 'Xinpo Town'],
    ]);
    expect(rg.getCell('B2').dataValidation).toMatchObject({ type: 'list' });
    expect(rg.getCell('B400').dataValidation).toMatchObject({ type: 'list' });
    expect(rowValues(sheet(wb, CAMPAIGNS_SHEET), 2)).toEqual([
      'round-2',
      '新一轮大会战',
      'Round 2',
      2021,
      2022,
      2020,
    ]);
    const ind = sheet(wb, INDICATORS_SHEET);
    expect(rowsOf(ind).slice(1)).toEqual([
      [
        'new-users',
        '新发现吸毒人员',
        'Newly identified drug users',
        '计数',
        '人',
        'people',
        0,
        '越低越好',
        'manage',
        '是',
      ],
      [
        'rehab-rate',
        '社区康复执行率',
        'Rehabilitation rate',
        '百分比',
        undefined,
        undefined,
        1,
        '越高越好',
        undefined,
        '否',
        '执行率。',
        'Execution rate.',
      ],
    ]);
    for (const cell of ['D2', 'H2', 'J2']) {
      expect(ind.getCell(cell).dataValidation).toMatchObject({ type: 'list' });
    }
  });

  it('writes one row per indicator × region, one column per year, with notes', () => {
    expect(rowsOf(sheet(wb, OBSERVATIONS_SHEET))).toEqual([
      [
        '指标编号 (Indicator ID)',
        '地区编号 (Region ID)',
        '指标名称（参考） (Indicator name, reference)',
        '地区名称（参考） (Region name, reference)',
        2020,
        2021,
        2022,
        '初步数据年份 (Provisional years)',
        '备注 (Notes, Chinese)',
        '备注英文 (Notes, English)',
        '缺失类型 (Missing status)',
      ],
      [
        'new-users',
        '460106009',
        '新发现吸毒人员',
        '新坡镇',
        9,
        undefined,
        3,
        '2022',
        '2021：数据暂缺',
        '2021: Not reported',
      ],
      ['rehab-rate', '460106', '社区康复执行率', '龙华区', 97.5, undefined, 99.1],
    ]);
  });

  it('writes targets and rankings', () => {
    expect(rowsOf(sheet(wb, TARGETS_SHEET)).slice(1)).toEqual([
      ['rehab-rate', '460106', '社区康复执行率', '龙华区', 100, undefined, 100],
    ]);
    expect(rowsOf(sheet(wb, RANKINGS_SHEET)).slice(1)).toEqual([
      ['overall', 2021, '460106', 1, 19, 96.5],
      ['overall', 2022, '460106', 2, 19],
    ]);
  });
});

describe('templateBytes(null): the empty template', () => {
  it('has headers, placeholder years, no data and the instructions', async () => {
    const wb = await reload(null);
    expect(wb.worksheets.map((ws) => ws.name)).toEqual(SHEETS.map(sheetLabel));
    const obs = sheet(wb, OBSERVATIONS_SHEET);
    expect(rowValues(obs, 1).slice(4, 11)).toEqual([2016, 2017, 2018, 2019, 2020, 2021, 2022]);
    expect(obs.actualRowCount).toBe(1);
    expect(rowValues(sheet(wb, TARGETS_SHEET), 1).slice(4)).toEqual([
      2016, 2017, 2018, 2019, 2020, 2021, 2022,
    ]);
    expect(rowValues(sheet(wb, DATASET_SHEET), 2)).toEqual(['标题 (Title)']);
    const text = rowsOf(sheet(wb, INSTRUCTIONS_SHEET))
      .map((r) => r.join(' '))
      .join('\n');
    expect(text).toContain('npm run import -- 文件.xlsx --dry-run');
    expect(text).toContain('npm run import -- FILE.xlsx --dry-run');
    expect(text).toContain('2016–2022 只是示例');
    expect(text).toContain('placeholders');
    expect(text).toContain('2019：数据暂缺');
  });

  it('is an xlsx file (a zip)', async () => {
    const bytes = await templateBytes(null);
    expect([...bytes.slice(0, 2)]).toEqual([0x50, 0x4b]);
  });
});

describe('buildTemplate', () => {
  it('leaves out the targets sheet when no observation has a target', async () => {
    const wb = await buildTemplate({
      ...dataset,
      observations: dataset.observations.map((o) => {
        const copy = { ...o };
        delete copy.target;
        return copy;
      }),
    });
    expect(wb.getWorksheet(sheetLabel(TARGETS_SHEET))).toBeUndefined();
  });
});
