// @vitest-environment node
/**
 * One kind of mistake per test: the demo template with one thing broken, and the exact problem
 * list the importer must give (code, sheet, row, column and both messages).
 */
import { describe, expect, it } from 'vitest';
import {
  ASSESSMENTS_SHEET,
  CAMPAIGNS_SHEET,
  DATASET_SHEET,
  INDICATORS_SHEET,
  OBSERVATIONS_SHEET,
  RANKINGS_SHEET,
  REGIONS_SHEET,
  TARGETS_SHEET,
  columnLetter,
  sheetLabel,
} from '@contract/workbook/layout';
import type { SheetDef } from '@contract/workbook/layout';
import type { Problem } from './read-workbook';
import { columnWith, duplicateRow, nextRow, readChanged, rowWith, sheetOf } from './test-support';

const OBS = sheetLabel(OBSERVATIONS_SHEET);

function problem(
  code: string,
  def: SheetDef | string,
  row: number | null,
  column: number | string | null,
  zh: string,
  en: string,
): Problem {
  return {
    code,
    sheet: typeof def === 'string' ? def : sheetLabel(def),
    row,
    column: typeof column === 'number' ? columnLetter(column) : column,
    message: { zh, en },
  };
}

/** Break the demo template in one place; return the problems and where the change was. */
async function broken(change: Parameters<typeof readChanged>[0], viaBytes = false) {
  const result = await readChanged(change, viaBytes);
  expect(result.data).toBeNull();
  return result.problems;
}

describe('number cells (数据)', () => {
  it('rejects text that is not a plain number, accepts "152" and "1.27"', async () => {
    let row = 0;
    let col = 0;
    const problems = await broken((wb) => {
      const ws = sheetOf(wb, OBSERVATIONS_SHEET);
      row = rowWith(ws, 'new-users', '460106');
      col = columnWith(ws, 2019);
      ws.getCell(row, col).value = '约100';
      ws.getCell(row, col + 1).value = 'N/A';
      ws.getCell(row, col + 2).value = '12%';
      ws.getCell(row, col + 3).value = '—';
      ws.getCell(row, col - 1).value = '152';
      ws.getCell(row, col - 2).value = ' １.27 '; // full-width digit
    });
    expect(problems).toEqual([
      problem(
        'text-in-number-cell',
        OBS,
        row,
        col,
        '数值单元格中是文字“约100”，应为数字',
        'Text "约100" in a number cell; a number is expected',
      ),
      problem(
        'text-in-number-cell',
        OBS,
        row,
        col + 1,
        '数值单元格中是文字“N/A”，应为数字',
        'Text "N/A" in a number cell; a number is expected',
      ),
      problem(
        'text-in-number-cell',
        OBS,
        row,
        col + 2,
        '数值单元格中是文字“12%”，应为数字',
        'Text "12%" in a number cell; a number is expected',
      ),
      problem(
        'text-in-number-cell',
        OBS,
        row,
        col + 3,
        '数值单元格中是文字“—”，应为数字',
        'Text "—" in a number cell; a number is expected',
      ),
    ]);
  });

  it('rejects Excel error values, formulas (with or without a saved result) and dates', async () => {
    let row = 0;
    let col = 0;
    const problems = await broken((wb) => {
      const ws = sheetOf(wb, OBSERVATIONS_SHEET);
      row = rowWith(ws, 'drug-cases', '460107');
      col = columnWith(ws, 2020);
      ws.getCell(row, col).value = { error: '#DIV/0!' };
      ws.getCell(row, col + 1).value = { formula: 'H5/0', result: { error: '#DIV/0!' } };
      ws.getCell(row, col + 2).value = { formula: 'H5*2' }; // never calculated
      ws.getCell(row, col - 1).value = new Date(Date.UTC(2019, 4, 1));
    }, true);
    const msg = [
      '单元格是 Excel 错误值 #DIV/0!',
      'The cell holds the Excel error value #DIV/0!',
    ] as const;
    expect(problems).toEqual([
      problem(
        'date-in-number-cell',
        OBS,
        row,
        col - 1,
        '数值单元格中是日期 2019-05-01，应为数字',
        'A date (2019-05-01) in a number cell; a number is expected',
      ),
      problem('error-value', OBS, row, col, ...msg),
      ...['H5/0', 'H5*2'].map((formula, i) =>
        problem(
          'formula',
          OBS,
          row,
          col + 1 + i,
          `单元格中是公式 =${formula}；导入只接受数值，不采用公式保存的结果（可能已过时）。请复制这些单元格，用“选择性粘贴 → 数值”（粘贴为数值）粘贴回原处，保存后再导入`,
          `The cell holds a formula (=${formula}); the import takes values, not a formula's saved result (it may be out of date). Copy the cells and paste them back as values (Paste Special → Values), save, then import again`,
        ),
      ),
    ]);
  });

  it('rejects a percent-formatted cell, whose stored value is a hundredth of what it shows', async () => {
    let row = 0;
    let col = 0;
    const problems = await broken((wb) => {
      const ws = sheetOf(wb, OBSERVATIONS_SHEET);
      row = rowWith(ws, 'abstinent-3y-share', '460106');
      col = columnWith(ws, 2018);
      const cell = ws.getCell(row, col);
      cell.value = 0.125;
      cell.numFmt = '0.0%';
    }, true);
    expect(problems).toEqual([
      problem(
        'percent-format',
        OBS,
        row,
        col,
        '单元格设为百分比格式（实际存储 0.125）；请填写 12.5 并改为常规格式',
        'The cell is in percent format (it stores 0.125); enter 12.5 in a General-format cell',
      ),
    ]);
  });
});

describe('merged cells', () => {
  it('reports each merged range in any data sheet', async () => {
    const problems = await broken((wb) => {
      sheetOf(wb, OBSERVATIONS_SHEET).mergeCells('C3:D3');
      sheetOf(wb, REGIONS_SHEET).mergeCells('B4:B5');
    }, true);
    expect(problems).toEqual([
      problem(
        'merged-cells',
        REGIONS_SHEET,
        4,
        'B',
        '合并单元格 B4:B5；请取消合并，每个单元格单独填写',
        'Merged cells B4:B5; unmerge them and fill in each cell separately',
      ),
      problem(
        'merged-cells',
        OBSERVATIONS_SHEET,
        3,
        'C:D',
        '合并单元格 C3:D3；请取消合并，每个单元格单独填写',
        'Merged cells C3:D3; unmerge them and fill in each cell separately',
      ),
    ]);
  });
});

describe('ids', () => {
  it('reports an unknown indicator id', async () => {
    let row = 0;
    const problems = await broken((wb) => {
      const ws = sheetOf(wb, OBSERVATIONS_SHEET);
      row = rowWith(ws, 'new-users', '460106');
      ws.getCell(row, 1).value = 'new-user';
    });
    expect(problems).toEqual([
      problem(
        'unknown-id',
        OBS,
        row,
        'A',
        '未知的指标编号“new-user”：指标表中没有该编号',
        'Unknown indicator ID "new-user": it is not on the Indicators sheet',
      ),
    ]);
  });

  it('reports unknown region, programme, scope and assessment ids', async () => {
    const rows: number[] = [];
    const problems = await broken((wb) => {
      const obs = sheetOf(wb, OBSERVATIONS_SHEET);
      rows[0] = rowWith(obs, 'staff', '460108');
      obs.getCell(rows[0], 2).value = '460199';
      const ind = sheetOf(wb, INDICATORS_SHEET);
      rows[1] = rowWith(ind, 'staff');
      ind.getCell(rows[1], columnWith(ind, '所属工作项目 (Programme ID)')).value = 'educate-2';
      const as = sheetOf(wb, ASSESSMENTS_SHEET);
      as.getCell(4, columnWith(as, '排名范围地区 (Scope region ID)')).value = 'haikou';
      const rk = sheetOf(wb, RANKINGS_SHEET);
      rk.getCell(3, 1).value = 'province-all';
    });
    expect(problems).toEqual([
      problem(
        'unknown-id',
        INDICATORS_SHEET,
        rows[1] ?? 0,
        'I',
        '未知的工作项目编号“educate-2”：工作项目表中没有该编号',
        'Unknown programme ID "educate-2": it is not on the Programmes sheet',
      ),
      problem(
        'unknown-id',
        ASSESSMENTS_SHEET,
        4,
        'D',
        '未知的排名范围地区编号“haikou”：地区表中没有该编号',
        'Unknown scope region ID "haikou": it is not on the Regions sheet',
      ),
      problem(
        'unknown-id',
        OBS,
        rows[0] ?? 0,
        'B',
        '未知的地区编号“460199”：地区表中没有该编号',
        'Unknown region ID "460199": it is not on the Regions sheet',
      ),
      problem(
        'unknown-id',
        RANKINGS_SHEET,
        3,
        'A',
        '未知的考评编号“province-all”：考评表中没有该编号',
        'Unknown assessment ID "province-all": it is not on the Assessments sheet',
      ),
    ]);
  });

  it('reports duplicate ids, ids with spaces and over-long ids', async () => {
    let dup = 0;
    const problems = await broken((wb) => {
      const ws = sheetOf(wb, REGIONS_SHEET);
      dup = duplicateRow(ws, 5); // 460106 again
      const pg = sheetOf(wb, CAMPAIGNS_SHEET);
      pg.getCell(2, 1).value = 'round 1';
      const ind = sheetOf(wb, ASSESSMENTS_SHEET);
      ind.getCell(2, 1).value = 'x'.repeat(201);
    });
    expect(problems).toEqual([
      problem(
        'duplicate-id',
        REGIONS_SHEET,
        dup,
        'A',
        '编号“460106”重复（已在第5行出现）',
        'The ID "460106" is repeated (first on row 5)',
      ),
      problem(
        'invalid-id',
        CAMPAIGNS_SHEET,
        2,
        'A',
        '编号“round 1”含有空白字符；编号不能包含空格',
        'The ID "round 1" contains whitespace; IDs must not contain spaces',
      ),
      problem(
        'invalid-id',
        ASSESSMENTS_SHEET,
        2,
        'A',
        '编号长度为 201 个字符，超过上限 200',
        'The ID is 201 characters long; the limit is 200',
      ),
      // The assessment's rankings now name an id that no row defines.
      ...Array.from({ length: 28 }, (_, i) =>
        problem(
          'unknown-id',
          RANKINGS_SHEET,
          i + 2,
          'A',
          '未知的考评编号“province-overall”：考评表中没有该编号',
          'Unknown assessment ID "province-overall": it is not on the Assessments sheet',
        ),
      ),
    ]);
  });

  it('reports an empty required cell and a name missing in both languages', async () => {
    const problems = await broken((wb) => {
      const ws = sheetOf(wb, INDICATORS_SHEET);
      ws.getCell(3, columnWith(ws, '改善方向 (Better)')).value = null;
      ws.getCell(4, 2).value = null;
      ws.getCell(4, 3).value = '  ';
    });
    expect(problems).toEqual([
      problem(
        'missing-value',
        INDICATORS_SHEET,
        3,
        'H',
        '改善方向不能为空',
        'Better must not be empty',
      ),
      problem(
        'missing-value',
        INDICATORS_SHEET,
        4,
        'B',
        '名称的中文和英文至少填写一个',
        'Enter the name in Chinese or English (or both)',
      ),
    ]);
  });
});

describe('duplicate cells', () => {
  it('reports an indicator × region row given twice', async () => {
    let first = 0;
    let dup = 0;
    const problems = await broken((wb) => {
      const ws = sheetOf(wb, OBSERVATIONS_SHEET);
      first = rowWith(ws, 'new-users', '460106');
      dup = duplicateRow(ws, first);
    });
    expect(problems).toEqual([
      problem(
        'duplicate-cell',
        OBS,
        dup,
        'A',
        `指标“new-users”与地区“460106”的组合重复（已在第${first}行出现）`,
        `Indicator "new-users" with region "460106" is repeated (first on row ${first})`,
      ),
    ]);
  });

  it('reports a ranking given twice', async () => {
    let dup = 0;
    const problems = await broken((wb) => {
      dup = duplicateRow(sheetOf(wb, RANKINGS_SHEET), 3);
    });
    expect(problems).toEqual([
      problem(
        'duplicate-cell',
        RANKINGS_SHEET,
        dup,
        'A',
        '考评“province-overall”、2016 年、地区“460106”的排名重复（已在第3行出现）',
        'The ranking for assessment "province-overall", 2016, region "460106" is repeated (first on row 3)',
      ),
    ]);
  });
});

describe('years', () => {
  it('reports a year column outside the declared range', async () => {
    let col = 0;
    const problems = await broken((wb) => {
      const ws = sheetOf(wb, OBSERVATIONS_SHEET);
      col = ws.columnCount + 1;
      ws.getCell(1, col).value = 2030;
      ws.getCell(rowWith(ws, 'new-users', '460106'), col).value = 12;
    });
    expect(problems).toEqual([
      problem(
        'year-out-of-range',
        OBS,
        1,
        col,
        '年份列 2030 不在数据集声明的年份范围 2016–2022 内',
        'The year column 2030 is outside the declared years 2016–2022',
      ),
    ]);
  });

  it('reports a duplicated year column and a year-like header it cannot read', async () => {
    let col = 0;
    const problems = await broken((wb) => {
      const ws = sheetOf(wb, TARGETS_SHEET);
      col = ws.columnCount + 1;
      ws.getCell(1, col).value = '2019';
      ws.getCell(1, col + 1).value = '2019年（初步）';
    });
    expect(problems).toEqual([
      problem(
        'duplicate-year-column',
        TARGETS_SHEET,
        1,
        col,
        '年份列 2019 重复（已在 H 列出现）',
        'The year column 2019 appears twice (already in column H)',
      ),
      problem(
        'bad-column-header',
        TARGETS_SHEET,
        1,
        col + 1,
        '无法识别的列标题“2019年（初步）”；年份列的标题应为年份数字，如 2019',
        'Unrecognised column header "2019年（初步）"; a year column is headed by the year, e.g. 2019',
      ),
    ]);
  });

  it('checks the dataset sheet: date, year order and year bounds', async () => {
    const problems = await broken((wb) => {
      const ws = sheetOf(wb, DATASET_SHEET);
      ws.getCell(4, 2).value = '2023.1.15';
      ws.getCell(5, 2).value = 2023;
    });
    expect(problems).toEqual([
      problem(
        'bad-date',
        DATASET_SHEET,
        4,
        'B',
        '数据截至日期应为日期或 YYYY-MM-DD 格式的文字，实际为“2023.1.15”',
        'Data as of must be a date or text in the form YYYY-MM-DD, not "2023.1.15"',
      ),
      problem(
        'bad-year-range',
        DATASET_SHEET,
        6,
        'B',
        '起始年份 2023 晚于结束年份 2022',
        'The first year 2023 is after the last year 2022',
      ),
    ]);
  });

  it('checks that years are whole numbers within 1900–2200', async () => {
    const problems = await broken((wb) => {
      const ds = sheetOf(wb, DATASET_SHEET);
      ds.getCell(5, 2).value = 1800;
      const rk = sheetOf(wb, RANKINGS_SHEET);
      rk.getCell(2, 2).value = 2019.5;
      rk.getCell(3, 2).value = 2023;
    });
    expect(problems).toEqual([
      problem(
        'out-of-range',
        DATASET_SHEET,
        5,
        'B',
        '起始年份应为 1900 到 2200 之间的整数，实际为 1800',
        'First year must be a whole number from 1900 to 2200, not 1800',
      ),
      problem(
        'not-integer',
        RANKINGS_SHEET,
        2,
        'B',
        '年份应为整数，实际为 2019.5',
        'Year must be a whole number, not 2019.5',
      ),
      // The first year is unreadable, so only the contract's bounds apply: 2023 passes here.
    ]);
  });

  it('reports a ranking year outside the declared range', async () => {
    const problems = await broken((wb) => {
      sheetOf(wb, RANKINGS_SHEET).getCell(3, 2).value = 2023;
    });
    expect(problems).toEqual([
      problem(
        'year-out-of-range',
        RANKINGS_SHEET,
        3,
        'B',
        '年份 2023 不在数据集声明的年份范围 2016–2022 内',
        'The year 2023 is outside the declared years 2016–2022',
      ),
    ]);
  });
});

describe('regions', () => {
  it('names the township and the missing parent id', async () => {
    let row = 0;
    const problems = await broken((wb) => {
      const ws = sheetOf(wb, REGIONS_SHEET);
      row = rowWith(ws, '460106007');
      ws.getCell(row, 3).value = '460199';
    });
    expect(problems).toEqual([
      problem(
        'parent-missing',
        REGIONS_SHEET,
        row,
        'C',
        '地区“城西镇”（460106007）的上级编号“460199”在地区表中不存在',
        'The parent ID "460199" of region "Chengxi Town" (460106007) is not on the Regions sheet',
      ),
    ]);
  });

  it('reports a cycle of parents once, on its first row', async () => {
    const problems = await broken((wb) => {
      const ws = sheetOf(wb, REGIONS_SHEET);
      ws.getCell(2, 3).value = '460106001'; // Hainan under a Longhua township
    });
    expect(problems).toEqual([
      problem(
        'parent-cycle',
        REGIONS_SHEET,
        2,
        'C',
        '地区的上级关系形成循环：460000 → 460106001 → 460106 → 460100 → 460000',
        "The regions' parents form a cycle: 460000 → 460106001 → 460106 → 460100 → 460000",
      ),
    ]);
  });

  it('reports a level it does not know', async () => {
    const problems = await broken((wb) => {
      sheetOf(wb, REGIONS_SHEET).getCell(8, 2).value = '村';
    });
    expect(problems).toEqual([
      problem(
        'invalid-choice',
        REGIONS_SHEET,
        8,
        'B',
        '级别“村”无法识别；可填：省、province、市、city、区县、district、区、县、乡镇、township、镇、街道、镇街、乡',
        'Unknown level "村"; use one of: 省, province, 市, city, 区县, district, 区, 县, 乡镇, township, 镇, 街道, 镇街, 乡',
      ),
    ]);
  });
});

describe('indicators and campaigns', () => {
  it('checks decimals, unit, better and headline', async () => {
    const problems = await broken((wb) => {
      const ws = sheetOf(wb, INDICATORS_SHEET);
      ws.getCell(2, columnWith(ws, '小数位数 (Decimals)')).value = 1.5;
      ws.getCell(3, columnWith(ws, '小数位数 (Decimals)')).value = 5;
      ws.getCell(4, columnWith(ws, '单位 (Unit)')).value = '个';
      ws.getCell(5, columnWith(ws, '重点指标 (Headline)')).value = '也许';
    });
    expect(problems).toEqual([
      problem(
        'not-integer',
        INDICATORS_SHEET,
        2,
        'G',
        '小数位数应为整数，实际为 1.5',
        'Decimals must be a whole number, not 1.5',
      ),
      problem(
        'out-of-range',
        INDICATORS_SHEET,
        3,
        'G',
        '小数位数应为 0 到 4 之间的整数，实际为 5',
        'Decimals must be a whole number from 0 to 4, not 5',
      ),
      problem(
        'invalid-choice',
        INDICATORS_SHEET,
        4,
        'D',
        '单位“个”无法识别；可填：计数、count、百分比、percent、千分比、permille、元、cny、千克、kg、分、score',
        'Unknown unit "个"; use one of: 计数, count, 百分比, percent, 千分比, permille, 元, cny, 千克, kg, 分, score',
      ),
      problem(
        'invalid-choice',
        INDICATORS_SHEET,
        5,
        'J',
        '重点指标“也许”无法识别；可填：是、yes、true、1、否、no、false、0',
        'Unknown headline "也许"; use one of: 是, yes, true, 1, 否, no, false, 0',
      ),
    ]);
  });

  it('checks baseline < start ≤ end', async () => {
    const problems = await broken((wb) => {
      const ws = sheetOf(wb, CAMPAIGNS_SHEET);
      ws.getCell(2, columnWith(ws, '基准年份 (Baseline year)')).value = 2017;
      ws.getCell(3, columnWith(ws, '结束年份 (End year)')).value = 2019;
      ws.getCell(3, columnWith(ws, '起始年份 (Start year)')).value = 2021;
    });
    expect(problems).toEqual([
      problem(
        'campaign-years',
        CAMPAIGNS_SHEET,
        2,
        'F',
        '基准年份 2017 应早于起始年份 2017',
        'The baseline year 2017 must be before the start year 2017',
      ),
      problem(
        'campaign-years',
        CAMPAIGNS_SHEET,
        3,
        'E',
        '结束年份 2019 早于起始年份 2021',
        'The end year 2019 is before the start year 2021',
      ),
    ]);
  });

  it('reports text over 2,000 characters', async () => {
    const problems = await broken((wb) => {
      const ws = sheetOf(wb, INDICATORS_SHEET);
      ws.getCell(2, columnWith(ws, '说明中文 (Description, Chinese)')).value = '长'.repeat(2001);
    });
    expect(problems).toEqual([
      problem(
        'text-too-long',
        INDICATORS_SHEET,
        2,
        'K',
        '文字长度为 2001 个字符，超过上限 2000',
        'The text is 2001 characters long; the limit is 2000',
      ),
    ]);
  });
});

describe('rankings', () => {
  it('reports rank > of and a rank below 1', async () => {
    const problems = await broken((wb) => {
      const ws = sheetOf(wb, RANKINGS_SHEET);
      ws.getCell(2, 4).value = 20;
      ws.getCell(3, 4).value = 0;
    });
    expect(problems).toEqual([
      problem(
        'rank-exceeds-of',
        RANKINGS_SHEET,
        2,
        'D',
        '名次 20 大于参评数 19',
        'The rank 20 is greater than the number ranked, 19',
      ),
      problem(
        'out-of-range',
        RANKINGS_SHEET,
        3,
        'D',
        '名次应为不小于 1 的整数，实际为 0',
        'Rank must be a whole number of at least 1, not 0',
      ),
    ]);
  });
});

describe('notes and provisional years', () => {
  it('reports notes without a year prefix, with a year outside the range, or twice', async () => {
    let row = 0;
    let row2 = 0;
    const problems = await broken((wb) => {
      const ws = sheetOf(wb, OBSERVATIONS_SHEET);
      row = rowWith(ws, 'new-users', '460106009');
      ws.getCell(row, columnWith(ws, '备注 (Notes, Chinese)')).value = '数据暂缺';
      row2 = rowWith(ws, 'drugs-seized', '460107');
      ws.getCell(row2, columnWith(ws, '备注英文 (Notes, English)')).value =
        '2016: Not reported; 2030: Planned\n2016：again';
    });
    expect(problems).toEqual([
      problem(
        'bad-note',
        OBS,
        row,
        'M',
        '备注“数据暂缺”缺少年份前缀；应写成“2019：数据暂缺”',
        'The note "数据暂缺" does not start with its year; write it as "2019: Not reported"',
      ),
      problem(
        'year-out-of-range',
        OBS,
        row2,
        'N',
        '备注年份 2030 不在数据集声明的年份范围 2016–2022 内',
        "The note's year 2030 is outside the declared years 2016–2022",
      ),
      problem(
        'duplicate-note',
        OBS,
        row2,
        'N',
        '2016 年有两条备注；每个年份只能有一条',
        'There are two notes for 2016; a year takes one note',
      ),
    ]);
  });

  it('reads a note for an empty cell as value null + note, and no note as no observation', async () => {
    // Covered by the round trip (the demo's gaps); here: a semicolon inside a note's text.
    const { data, problems } = await readChanged((wb) => {
      const ws = sheetOf(wb, OBSERVATIONS_SHEET);
      const row = rowWith(ws, 'drugs-seized', '460107');
      ws.getCell(row, columnWith(ws, '备注 (Notes, Chinese)')).value =
        '2016: 数据暂缺；正在核实；2017：已核实';
      ws.getCell(row, columnWith(ws, 2018)).value = null;
      // Notes only: no missing status (1.1) on this row.
      ws.getCell(row, columnWith(ws, '缺失类型 (Missing status)')).value = null;
    });
    expect(problems).toEqual([]);
    const cell = (year: number) =>
      data?.dataset.observations.find(
        (o) => o.indicator === 'drugs-seized' && o.region === '460107' && o.year === year,
      );
    expect(cell(2016)).toEqual({
      indicator: 'drugs-seized',
      region: '460107',
      year: 2016,
      value: null,
      note: { zh: '数据暂缺；正在核实', en: 'Not reported' },
    });
    expect(cell(2017)?.note).toEqual({ zh: '已核实', en: '' });
    expect(cell(2018)).toBeUndefined();
  });

  it('reports provisional years it cannot read, outside the range, or on an empty cell', async () => {
    let row = 0;
    const problems = await broken((wb) => {
      const ws = sheetOf(wb, OBSERVATIONS_SHEET);
      row = rowWith(ws, 'staff', '460105');
      ws.getCell(row, columnWith(ws, 2021)).value = null;
      ws.getCell(row, columnWith(ws, '初步数据年份 (Provisional years)')).value =
        '2021、2022，2023 去年';
    });
    const col = 'L';
    expect(problems).toEqual([
      problem(
        'year-out-of-range',
        OBS,
        row,
        col,
        '初步数据年份 2023 不在数据集声明的年份范围 2016–2022 内',
        'The provisional year 2023 is outside the declared years 2016–2022',
      ),
      problem(
        'bad-provisional',
        OBS,
        row,
        col,
        '初步数据年份“去年”无法识别；请填写年份，用逗号分隔，如“2019, 2020”',
        'Cannot read the provisional year "去年"; enter years separated by commas, e.g. "2019, 2020"',
      ),
      problem(
        'provisional-without-value',
        OBS,
        row,
        col,
        '2021 年标为初步数据，但该年份既没有数值也没有备注',
        '2021 is marked provisional but has neither a value nor a note',
      ),
    ]);
  });
});

describe('targets', () => {
  it('reports targets without a row or without a value on the Observations sheet', async () => {
    let row = 0;
    let noRow = 0;
    let col = 0;
    const problems = await broken((wb) => {
      const obs = sheetOf(wb, OBSERVATIONS_SHEET);
      const o = rowWith(obs, 'rehab-execution-rate', '460106');
      obs.getCell(o, columnWith(obs, 2019)).value = null;
      const ws = sheetOf(wb, TARGETS_SHEET);
      row = rowWith(ws, 'rehab-execution-rate', '460106');
      col = columnWith(ws, 2019);
      noRow = nextRow(ws);
      ws.getRow(noRow).values = ['staff', '460106001', null, null, 100];
    });
    expect(problems).toEqual([
      problem(
        'target-without-value',
        TARGETS_SHEET,
        row,
        col,
        '2019 年有目标值，但数据表中该年份既没有数值也没有备注',
        'There is a target for 2019, but the Observations sheet has neither a value nor a note for it',
      ),
      problem(
        'target-without-row',
        TARGETS_SHEET,
        noRow,
        'A',
        '指标“staff”与地区“460106001”在数据表中没有对应的行，目标值无处归属',
        'Indicator "staff" with region "460106001" has no row on the Observations sheet for these targets',
      ),
    ]);
  });
});
