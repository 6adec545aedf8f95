import { describe, expect, it } from 'vitest';
import { demoDataset } from '@mocks/demo/dataset';
import type { WireDataset } from '@contract/wire-types';
import {
  CAMPAIGNS_SHEET,
  DATASET_SHEET,
  INDICATORS_SHEET,
  OBSERVATIONS_SHEET,
  RANKINGS_SHEET,
  REGIONS_SHEET,
  SHEETS,
  TARGETS_SHEET,
  sheetLabel,
} from '@contract/workbook/layout';
import { templateBytes } from '@contract/workbook/write-template';
import type { Problem } from './read-workbook';
import { contractGate, formatProblem, readLoadedWorkbook, readWorkbook } from './read-workbook';
import {
  columnWith,
  demoBytes,
  loadWorkbook,
  nextRow,
  normalise,
  readChanged,
  rowWith,
  sheetOf,
  toBytes,
} from './test-support';

const OBS = sheetLabel(OBSERVATIONS_SHEET);
const REG = sheetLabel(REGIONS_SHEET);
const RANK = sheetLabel(RANKINGS_SHEET);
const DS = sheetLabel(DATASET_SHEET);

function expectSame(got: WireDataset | undefined, want: WireDataset) {
  expect(got).toBeDefined();
  if (!got) return;
  const [a, b] = [normalise(got), normalise(want)];
  expect(a.meta).toEqual(b.meta);
  expect(a.observations.size).toBe(got.observations.length);
  expect(a.observations).toEqual(b.observations);
  expect(a.rankings.size).toBe(got.rankings.length);
  expect(a.rankings).toEqual(b.rankings);
}

describe('readWorkbook: round trip', () => {
  it('reads the demo template back as the demo dataset', async () => {
    const { data, problems } = await readWorkbook(await demoBytes());
    expect(problems).toEqual([]);
    expectSame(data?.dataset, demoDataset);
    // Same order of meta lists, apiVersion 1 and dataAsOf from the dataset sheet.
    expect(data?.dataset.meta.apiVersion).toBe(1);
    expect(data?.dataset.meta.dataAsOf).toBe('2023-01-15');
    expect(data?.dataset.meta.regions.map((r) => r.id)).toEqual(
      demoDataset.meta.regions.map((r) => r.id),
    );
  });

  it('finds sheets and columns by the Chinese or the English part of their labels', async () => {
    const { data, problems } = await readChanged((wb) => {
      wb.worksheets.forEach((ws, i) => {
        // Alternate: Chinese-only names on even sheets, English-only (odd case) on odd ones.
        const def = SHEETS.find((s) => sheetLabel(s) === ws.name);
        if (def) ws.name = i % 2 === 0 ? def.zh : def.en.toUpperCase();
        ws.getRow(1).eachCell((cell) => {
          const m = /^(.*) \((.*)\)$/.exec(typeof cell.value === 'string' ? cell.value : '');
          if (m) cell.value = i % 2 === 0 ? (m[1] ?? '') : ` ${(m[2] ?? '').toLowerCase()} `;
        });
      });
    });
    expect(problems).toEqual([]);
    expectSame(data?.dataset, demoDataset);
  });

  it('skips blank rows, accepts numbers as text', async () => {
    const { data, problems } = await readChanged((wb) => {
      const ws = sheetOf(wb, OBSERVATIONS_SHEET);
      const r = rowWith(ws, 'new-users', '460106');
      ws.spliceRows(r, 0, [], []); // two blank rows before it
      const y2016 = ws.getCell(r + 2, columnWith(ws, 2016));
      y2016.value = ` ${y2016.value as number} `;
      const ds = sheetOf(wb, DATASET_SHEET);
      ds.getCell(rowWith(ds, '数据截至日期 (Data as of)'), 2).value = '2023-01-15';
    }, true);
    expect(problems).toEqual([]);
    expectSame(data?.dataset, demoDataset);
  });

  it('validates a province-sized workbook (5,500 rows × 7 years) whole', async () => {
    // Built in memory from the demo template: exceljs's own parsing is linear and slow to set up
    // in a test. How long the validation takes is the bench's (bench/workbook.bench.ts).
    const wb = await loadWorkbook(await demoBytes());
    const rg = sheetOf(wb, REGIONS_SHEET);
    const obs = sheetOf(wb, OBSERVATIONS_SHEET);
    const townships = Array.from({ length: 270 }, (_, i) => `t${i}`);
    for (const [i, id] of townships.entries()) {
      rg.addRow([id, '乡镇', '460106', `镇${i}`, `Town ${i}`]);
    }
    const years = demoDataset.meta.years;
    for (const [i, ind] of demoDataset.meta.indicators.entries()) {
      for (const [j, id] of townships.entries()) {
        obs.addRow([ind.id, id, null, null, ...years.map((y) => ((i + 1) * (j + 1) * y) % 997)]);
      }
    }
    const { data, problems } = readLoadedWorkbook(wb);
    expect(problems).toEqual([]);
    expect(obs.actualRowCount).toBeGreaterThan(5_500);
    expect(data?.dataset.observations.length).toBe(
      demoDataset.observations.length + 20 * 270 * years.length,
    );
  });
});

describe('readWorkbook: files that are not a filled template', () => {
  it('reports a file that is not an xlsx at all', async () => {
    const bytes = new TextEncoder().encode('indicator,region\nnew-users,460106\n');
    expect(await readWorkbook(bytes)).toEqual({
      data: null,
      problems: [
        {
          code: 'not-a-workbook',
          sheet: '',
          row: null,
          column: null,
          message: {
            zh: '文件不是有效的 Excel 工作簿（.xlsx）；旧版 .xls 文件请先在 Excel 中另存为 .xlsx',
            en: 'The file is not a valid Excel workbook (.xlsx); save an old .xls file as .xlsx in Excel first',
          },
        },
      ],
    });
  });

  it('says what is missing in the empty template as downloaded', async () => {
    const { data, problems } = await readWorkbook(await templateBytes(null));
    expect(data).toBeNull();
    expect(problems).toEqual([
      {
        code: 'dataset-sheet-empty',
        sheet: DS,
        row: null,
        column: null,
        message: {
          zh: '数据集工作表尚未填写：请填写标题、数据来源、数据截至日期、起始年份和结束年份',
          en: 'The Dataset sheet is not filled in: enter the title, source, data-as-of date, first year and last year',
        },
      },
      {
        code: 'no-rows',
        sheet: REG,
        row: null,
        column: null,
        message: {
          zh: '地区表没有数据行；至少需要一行',
          en: 'The Regions sheet has no rows; at least one is needed',
        },
      },
      {
        code: 'no-rows',
        sheet: sheetLabel(INDICATORS_SHEET),
        row: null,
        column: null,
        message: {
          zh: '指标表没有数据行；至少需要一行',
          en: 'The Indicators sheet has no rows; at least one is needed',
        },
      },
    ]);
  });

  it('reports missing sheets and missing required columns', async () => {
    const { problems } = await readChanged((wb) => {
      wb.removeWorksheet(sheetOf(wb, RANKINGS_SHEET).id);
      wb.removeWorksheet(sheetOf(wb, TARGETS_SHEET).id); // optional: not reported
      const ws = sheetOf(wb, REGIONS_SHEET);
      ws.getCell(1, columnWith(ws, '级别 (Level)')).value = '层级';
      wb.addWorksheet('Campaigns');
    });
    expect(problems).toEqual([
      {
        code: 'missing-column',
        sheet: REG,
        row: 1,
        column: null,
        message: {
          zh: '缺少必填列“级别 (Level)”',
          en: 'The required column "级别 (Level)" is missing',
        },
      },
      {
        code: 'duplicate-sheet',
        sheet: sheetLabel(CAMPAIGNS_SHEET),
        row: null,
        column: null,
        message: {
          zh: '有两个工作表都对应“大会战 (Campaigns)”：“大会战 (Campaigns)”和“Campaigns”',
          en: 'Two sheets both match "大会战 (Campaigns)": "大会战 (Campaigns)" and "Campaigns"',
        },
      },
      {
        code: 'missing-sheet',
        sheet: RANK,
        row: null,
        column: null,
        message: {
          zh: '缺少工作表“排名 (Rankings)”',
          en: 'The sheet "排名 (Rankings)" is missing',
        },
      },
    ]);
  });
});

describe('readWorkbook: several problems', () => {
  it('reports every problem in the file, in sheet, row and column order', async () => {
    const rows: Record<string, number> = {};
    const { data, problems } = await readChanged((wb) => {
      const rk = sheetOf(wb, RANKINGS_SHEET);
      rk.getCell(2, columnWith(rk, '名次 (Rank)')).value = 25;
      const obs = sheetOf(wb, OBSERVATIONS_SHEET);
      rows.a = rowWith(obs, 'drug-cases', '460105');
      rows.b = rowWith(obs, 'new-users', '460106');
      obs.getCell(rows.a, columnWith(obs, 2020)).value = 'N/A';
      obs.getCell(rows.b, columnWith(obs, 2018)).value = '约100';
      obs.getCell(rows.b, 1).value = 'new users';
      const rg = sheetOf(wb, REGIONS_SHEET);
      rows.c = rowWith(rg, '460106011');
      rg.getCell(rows.c, columnWith(rg, '上级编号 (Parent ID)')).value = '460109';
      const ds = sheetOf(wb, DATASET_SHEET);
      ds.getCell(rowWith(ds, '起始年份 (First year)'), 2).value = '2016年';
    }, true);
    expect(data).toBeNull();
    expect(problems.map((p) => [p.code, p.sheet, p.row, p.column])).toEqual([
      ['text-in-number-cell', DS, 5, 'B'],
      ['parent-missing', REG, rows.c, 'C'],
      ['invalid-id', OBS, rows.b, 'A'],
      ['text-in-number-cell', OBS, rows.b, 'G'],
      ['text-in-number-cell', OBS, rows.a, 'I'],
      ['rank-exceeds-of', RANK, 2, 'D'],
    ]);
    // With the first year unreadable the year range is unknown, so year columns are not checked.
    expect(problems[0]?.message.zh).toBe('数值单元格中是文字“2016年”，应为数字');
  });
});

describe('formatProblem', () => {
  const p: Problem = {
    code: 'text-in-number-cell',
    sheet: OBS,
    row: 12,
    column: 'C',
    message: {
      zh: '数值单元格中是文字“约100”，应为数字',
      en: 'Text "约100" in a number cell; a number is expected',
    },
  };

  it('writes one line with sheet, row and column', () => {
    expect(formatProblem(p, 'zh')).toBe(
      '数据 (Observations) 第12行 C列：数值单元格中是文字“约100”，应为数字',
    );
    expect(formatProblem(p, 'en')).toBe(
      'Observations sheet, row 12, column C: Text "约100" in a number cell; a number is expected',
    );
  });

  it('leaves out what is unknown and names merged column ranges', () => {
    expect(formatProblem({ ...p, row: null, column: null }, 'zh')).toBe(
      '数据 (Observations)：数值单元格中是文字“约100”，应为数字',
    );
    expect(formatProblem({ ...p, column: 'B:C' }, 'en')).toBe(
      'Observations sheet, row 12, columns B:C: Text "约100" in a number cell; a number is expected',
    );
    expect(formatProblem({ ...p, sheet: 'CSV' }, 'en')).toBe(
      'CSV, row 12, column C: Text "约100" in a number cell; a number is expected',
    );
    expect(formatProblem({ ...p, sheet: '', row: null, column: null }, 'zh')).toBe(
      '数值单元格中是文字“约100”，应为数字',
    );
  });
});

describe('loadWorkbook helper', () => {
  it('writes back what it loaded', async () => {
    const wb = await loadWorkbook(await demoBytes());
    const again = await loadWorkbook(await toBytes(wb));
    const ws = sheetOf(again, OBSERVATIONS_SHEET);
    expect(nextRow(ws)).toBe(sheetOf(wb, OBSERVATIONS_SHEET).rowCount + 1);
  });
});

describe('contract gate', () => {
  it("turns the dashboard's own findings into problems on the right sheet and row", () => {
    const meta = {
      ...demoDataset.meta,
      regions: [
        ...demoDataset.meta.regions,
        { id: 'x', level: 'township' as const, parent: 'nowhere', name: { zh: '某镇', en: 'X' } },
      ],
    };
    const problems = contractGate(
      meta,
      [{ indicator: 'new-users', region: '460106', year: 2030, value: 1 }],
      [{ assessment: 'city-overall', year: 2019, region: '460106', rank: 5, of: 4 }],
      {
        meta: { regions: meta.regions.map((_, i) => i + 2) },
        observations: [7],
        rankings: [9],
        observationsSheet: OBS,
      },
    );
    expect(problems).toEqual([
      {
        code: 'contract',
        sheet: REG,
        row: meta.regions.length + 1,
        column: null,
        message: {
          zh: '未通过看板的数据校验：regions: x 的 parent（未知编号）："nowhere"',
          en: 'Rejected by the dashboard\'s validation: regions: x, parent (unknown ID): "nowhere"',
        },
      },
      {
        code: 'contract',
        sheet: OBS,
        row: 7,
        column: null,
        message: {
          zh: '未通过看板的数据校验：new-users · 460106 · 2030 的 year（年份不在声明的年份中）：2030',
          en: "Rejected by the dashboard's validation: new-users · 460106 · 2030, year (year not declared): 2030",
        },
      },
      {
        code: 'contract',
        sheet: RANK,
        row: 9,
        column: null,
        message: {
          zh: '未通过看板的数据校验：city-overall · 460106 · 2019 的 rank（名次大于参评数）：5 > 4',
          en: "Rejected by the dashboard's validation: city-overall · 460106 · 2019, rank (rank greater than out of): 5 > 4",
        },
      },
    ]);
  });

  it('accepts the demo dataset', () => {
    const { meta, observations, rankings } = demoDataset;
    expect(
      contractGate(meta, observations, rankings, {
        meta: {},
        observations: [],
        rankings: [],
        observationsSheet: OBS,
      }),
    ).toEqual([]);
  });
});
