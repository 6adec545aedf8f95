// @vitest-environment node
/**
 * Ids and values the API could not serve or a reader could not see (issue 12, point 5): each is
 * refused with its sheet, row and column, and a missing Observations column is reported once.
 */
import { describe, expect, it } from 'vitest';
import {
  CAMPAIGNS_SHEET,
  INDICATORS_SHEET,
  OBSERVATIONS_SHEET,
  PROGRAMMES_SHEET,
  REGIONS_SHEET,
  TARGETS_SHEET,
  sheetLabel,
} from '@contract/workbook/layout';
import { readWorkbook } from './read-workbook';
import {
  columnWith,
  demoBytes,
  duplicateRow,
  loadWorkbook,
  patchXml,
  problem,
  readChanged,
  rowWith,
  sheetOf,
  toBytes,
} from './test-support';

const OBS = sheetLabel(OBSERVATIONS_SHEET);

async function broken(change: Parameters<typeof readChanged>[0]) {
  const result = await readChanged(change);
  expect(result.data).toBeNull();
  return result.problems;
}

const invisible = (shownId: string, cp: string) =>
  [
    `编号“${shownId}”含有不可见字符 ${cp}（控制字符、零宽字符或文字方向字符）；请删除该字符或重新输入编号`,
    `The ID "${shownId}" contains the invisible character ${cp} (a control, zero-width or text-direction character); delete it or type the ID again`,
  ] as const;

const formula = (f: string) =>
  [
    `单元格中是公式 =${f}；导入只接受数值，不采用公式保存的结果（可能已过时）。请复制这些单元格，用“选择性粘贴 → 数值”（粘贴为数值）粘贴回原处，保存后再导入`,
    `The cell holds a formula (=${f}); the import takes values, not a formula's saved result (it may be out of date). Copy the cells and paste them back as values (Paste Special → Values), save, then import again`,
  ] as const;

describe('ids the API can serve', () => {
  it('refuses a comma, zero-width, bidi-override and control characters in ids', async () => {
    const at = { region: 0, campaign: 0, programme: 0, indicator: 0, obs: 0 };
    const problems = await broken((wb) => {
      const regions = sheetOf(wb, REGIONS_SHEET);
      at.region = duplicateRow(regions, rowWith(regions, '460106'));
      regions.getCell(at.region, 1).value = '4601\u202E99';
      const campaigns = sheetOf(wb, CAMPAIGNS_SHEET);
      at.campaign = duplicateRow(campaigns, 2);
      campaigns.getCell(at.campaign, 1).value = 'round\u00073';
      const programmes = sheetOf(wb, PROGRAMMES_SHEET);
      at.programme = duplicateRow(programmes, 2);
      programmes.getCell(at.programme, 1).value = 'strike\u200B';
      const indicators = sheetOf(wb, INDICATORS_SHEET);
      at.indicator = duplicateRow(indicators, 2);
      indicators.getCell(at.indicator, 1).value = 'new,users';
      const obs = sheetOf(wb, OBSERVATIONS_SHEET);
      at.obs = rowWith(obs, 'new-users', '460106');
      obs.getCell(at.obs, 2).value = '4601\u200D06';
    });
    expect(problems).toEqual([
      problem(
        'invalid-id',
        REGIONS_SHEET,
        at.region,
        'A',
        ...invisible('4601<U+202E>99', 'U+202E'),
      ),
      problem(
        'invalid-id',
        CAMPAIGNS_SHEET,
        at.campaign,
        'A',
        ...invisible('round<U+0007>3', 'U+0007'),
      ),
      problem(
        'invalid-id',
        PROGRAMMES_SHEET,
        at.programme,
        'A',
        ...invisible('strike<U+200B>', 'U+200B'),
      ),
      problem(
        'invalid-id',
        INDICATORS_SHEET,
        at.indicator,
        'A',
        '编号“new,users”含有逗号；编号不能包含逗号（网页接口用逗号分隔多个编号，这样的编号无法查询）',
        'The ID "new,users" contains a comma; IDs must not contain commas (the API separates IDs with commas, so such an ID could not be asked for)',
      ),
      problem('invalid-id', OBS, at.obs, 'B', ...invisible('4601<U+200D>06', 'U+200D')),
    ]);
  });

  it("refuses the NUL that Excel's _x0000_ escape stands for, in an id and in a name", async () => {
    const wb = await loadWorkbook(await demoBytes());
    const regions = sheetOf(wb, REGIONS_SHEET);
    const row = duplicateRow(regions, rowWith(regions, '460106'));
    regions.getCell(row, 1).value = '460199NULMARK';
    const name = columnWith(regions, '中文名称 (Name, Chinese)');
    regions.getCell(row, name).value = '新区NULMARK';
    const bytes = patchXml(await toBytes(wb), 'NULMARK', '_x0000_');
    const { data, problems } = await readWorkbook(bytes);
    expect(data).toBeNull();
    expect(problems).toEqual([
      problem('invalid-id', REGIONS_SHEET, row, 'A', ...invisible('460199<U+0000>', 'U+0000')),
      problem(
        'invalid-text',
        REGIONS_SHEET,
        row,
        name,
        '文字“新区<U+0000>”含有控制字符 U+0000，无法保存；请删除该字符（换行和制表符可以保留）',
        'The text "新区<U+0000>" contains the control character U+0000, which cannot be stored; delete it (line breaks and tabs may stay)',
      ),
    ]);
  });
});

describe('texts a reader sees as stored', () => {
  it('refuses bidi overrides and control characters in names, unit labels and notes', async () => {
    let ind = 0;
    let obs = 0;
    const cols = { nameEn: 0, unit: 0, note: 0 };
    const problems = await broken((wb) => {
      const indicators = sheetOf(wb, INDICATORS_SHEET);
      ind = rowWith(indicators, 'new-users');
      cols.nameEn = columnWith(indicators, '英文名称 (Name, English)');
      cols.unit = columnWith(indicators, '单位名称中文 (Unit label, Chinese)');
      indicators.getCell(ind, cols.nameEn).value = 'Newly identified \u202Esresu';
      indicators.getCell(ind, cols.unit).value = '人\u0001';
      const ws = sheetOf(wb, OBSERVATIONS_SHEET);
      obs = rowWith(ws, 'drugs-seized', '460107');
      cols.note = columnWith(ws, '备注 (Notes, Chinese)');
      // Line breaks and tabs are fine in a note; the isolate U+2066 is not.
      ws.getCell(obs, cols.note).value = '2016: 数据暂缺\n2017:\t已核实\u2066';
    });
    expect(problems).toEqual([
      problem(
        'invalid-text',
        INDICATORS_SHEET,
        ind,
        cols.nameEn,
        '文字“Newly identified <U+202E>sresu”含有文字方向控制字符 U+202E，会使显示顺序与实际内容不同；请删除该字符',
        'The text "Newly identified <U+202E>sresu" contains the text-direction control U+202E, which makes it display in a different order from what it says; delete it',
      ),
      problem(
        'invalid-text',
        INDICATORS_SHEET,
        ind,
        cols.unit,
        '文字“人<U+0001>”含有控制字符 U+0001，无法保存；请删除该字符（换行和制表符可以保留）',
        'The text "人<U+0001>" contains the control character U+0001, which cannot be stored; delete it (line breaks and tabs may stay)',
      ),
      problem(
        'invalid-text',
        OBS,
        obs,
        cols.note,
        '文字“2016: 数据暂缺 2017: 已核实<U+2066>”含有文字方向控制字符 U+2066，会使显示顺序与实际内容不同；请删除该字符',
        'The text "2016: 数据暂缺 2017: 已核实<U+2066>" contains the text-direction control U+2066, which makes it display in a different order from what it says; delete it',
      ),
    ]);
  });
});

describe('formulas', () => {
  it('refuses a formula in a value cell even with a saved result, once per cell', async () => {
    const at = { row: 0, col: 0, saved: 0, idRow: 0, ind: 0, header: 0 };
    const problems = await broken((wb) => {
      const obs = sheetOf(wb, OBSERVATIONS_SHEET);
      at.row = rowWith(obs, 'new-users', '460106');
      at.col = columnWith(obs, 2019);
      at.saved = obs.getCell(at.row, at.col).value as number;
      // The saved result is the right number: still refused, as it could as well be stale.
      obs.getCell(at.row, at.col).value = { formula: `${at.saved}+0`, result: at.saved };
      // An id cell by formula: refused once; its saved result still links the row's targets.
      at.idRow = rowWith(obs, 'rehab-execution-rate', '460106');
      obs.getCell(at.idRow, 2).value = { formula: '"460"&"106"', result: '460106' };
      // An id on a meta sheet by formula: refused once, no unknown-id on every row using it.
      const indicators = sheetOf(wb, INDICATORS_SHEET);
      at.ind = rowWith(indicators, 'new-users');
      indicators.getCell(at.ind, 1).value = { formula: '"new-users"', result: 'new-users' };
      // A year header by formula: refused once, its column still read.
      const targets = sheetOf(wb, TARGETS_SHEET);
      at.header = columnWith(targets, 2019);
      targets.getCell(1, at.header).value = { formula: 'E1+1', result: 2019 };
    });
    const obs = [
      problem('formula', OBS, at.row, at.col, ...formula(`${at.saved}+0`)),
      problem('formula', OBS, at.idRow, 'B', ...formula('"460"&"106"')),
    ].sort((a, b) => (a.row ?? 0) - (b.row ?? 0));
    expect(problems).toEqual([
      problem('formula', INDICATORS_SHEET, at.ind, 'A', ...formula('"new-users"')),
      ...obs,
      problem('formula', TARGETS_SHEET, 1, at.header, ...formula('E1+1')),
    ]);
  });
});

describe('a missing Observations column', () => {
  it('is reported once, not again on every target row', async () => {
    let col = 0;
    const problems = await broken((wb) => {
      const ws = sheetOf(wb, OBSERVATIONS_SHEET);
      col = columnWith(ws, '地区编号 (Region ID)');
      ws.getCell(1, col).value = 'Regionx';
    });
    expect(problems).toEqual([
      problem(
        'missing-column',
        OBS,
        1,
        null,
        '缺少必填列“地区编号 (Region ID)”',
        'The required column "地区编号 (Region ID)" is missing',
      ),
    ]);
  });

  it('so is a missing Observations sheet', async () => {
    const problems = await broken((wb) => {
      wb.removeWorksheet(sheetOf(wb, OBSERVATIONS_SHEET).id);
    });
    expect(problems).toEqual([
      problem(
        'missing-sheet',
        OBS,
        null,
        null,
        '缺少工作表“数据 (Observations)”',
        'The sheet "数据 (Observations)" is missing',
      ),
    ]);
  });
});
