/**
 * Every problem message the importer writes, in Chinese and English, keyed by its stable code.
 * Messages are short and name the offending value; sheet, row and column are given separately.
 *
 * This is the importer's own catalogue, not part of the dashboard's i18n catalogues: a problem
 * carries both languages at once (`Problem.message`), so the CLI can print either and the tests
 * check both, and each message is a function of what was found (values shortened, English words
 * lower-cased in a sentence, a percent worked out). Keeping each message's two languages side by
 * side, typed as `Message`, means neither can be missing.
 */
import { codePoint, visible } from '@contract/ids';
import type { IssueReason } from '@contract/types';
import type { Label } from '@contract/workbook/layout';
import { headerLabel } from '@contract/workbook/layout';
import type { Message } from './problem';

/**
 * A value quoted in a message, shortened so one bad cell cannot flood the report, with invisible
 * characters written as `<U+202E>` so that they can neither hide nor reorder the message.
 */
export function shown(text: string): string {
  const oneLine = visible(text.replace(/\s+/g, ' ').trim());
  if (oneLine.length <= 40) return oneLine;
  // Do not cut a surrogate pair in half.
  const end = /[\uD800-\uDBFF]/.test(oneLine.charAt(38)) ? 38 : 39;
  return `${oneLine.slice(0, end)}…`;
}

const zq = (s: string) => `“${shown(s)}”`;
const eq = (s: string) => `"${shown(s)}"`;
const full = (l: Label) => headerLabel(l.zh, l.en);
/** `Name, Chinese` → `name, Chinese` inside an English sentence; ids and acronyms stay. */
const lowerFirst = (s: string) =>
  /^[A-Z][a-z]/.test(s) ? s.charAt(0).toLowerCase() + s.slice(1) : s;
const capFirst = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

export interface YearSubject {
  zh: string;
  en: string;
}

export const YEAR_SUBJECT = {
  column: { zh: '年份列', en: 'The year column' },
  year: { zh: '年份', en: 'The year' },
  note: { zh: '备注年份', en: "The note's year" },
  provisional: { zh: '初步数据年份', en: 'The provisional year' },
  status: { zh: '缺失类型年份', en: "The missing status's year" },
} as const satisfies Record<string, YearSubject>;

/** What an id refers to, for unknown-id messages: the kind of id and the sheet that defines it. */
export interface IdKind {
  zh: string;
  en: string;
  sheetZh: string;
  sheetEn: string;
}

export const ID_KIND = {
  indicator: { zh: '指标编号', en: 'indicator ID', sheetZh: '指标表', sheetEn: 'Indicators' },
  region: { zh: '地区编号', en: 'region ID', sheetZh: '地区表', sheetEn: 'Regions' },
  programme: {
    zh: '工作项目编号',
    en: 'programme ID',
    sheetZh: '工作项目表',
    sheetEn: 'Programmes',
  },
  assessment: {
    zh: '考评编号',
    en: 'assessment ID',
    sheetZh: '考评表',
    sheetEn: 'Assessments',
  },
  scope: { zh: '排名范围地区编号', en: 'scope region ID', sheetZh: '地区表', sheetEn: 'Regions' },
} as const satisfies Record<string, IdKind>;

/** The dashboard's reasons for rejecting a record, as the contract gate words them. */
export const CONTRACT_REASON = {
  invalid: { zh: '无效', en: 'invalid' },
  missing: { zh: '缺失', en: 'missing' },
  'not-finite': { zh: '不是有限数', en: 'not finite' },
  'unknown-id': { zh: '未知编号', en: 'unknown ID' },
  duplicate: { zh: '重复', en: 'duplicate' },
  'rank-exceeds-of': { zh: '名次大于参评数', en: 'rank greater than out of' },
  'year-not-in-meta': { zh: '年份不在声明的年份中', en: 'year not declared' },
  'bad-campaign-years': { zh: '大会战年份不符合规则', en: 'campaign years break the rules' },
  'unsorted-years': { zh: '年份未按顺序排列', en: 'years not in order' },
  'status-with-value': { zh: '有数值的单元格不能标注缺失类型', en: 'a status given with a value' },
  'outside-validity': { zh: '年份超出该区域的存续年份', en: 'year outside the region’s validity' },
  'bad-validity': { zh: '存续起始年份晚于终止年份', en: 'valid from after valid to' },
} as const satisfies Record<IssueReason, Message>;

export const messages = {
  badAsOf: (value: string): Message => ({
    zh: `--as-of 应为实际存在的日期，格式 YYYY-MM-DD（年份 1900–2200），如 2026-03-31；收到${zq(value)}`,
    en: `--as-of must be a real date written YYYY-MM-DD (year 1900–2200), e.g. 2026-03-31; got ${eq(value)}`,
  }),
  importWaiting: (seconds: number): Message => ({
    zh: `另一个导入正在进行：等待其完成（最多 ${seconds} 秒）…`,
    en: `Another import is running: waiting for it to finish (at most ${seconds} s)…`,
  }),
  importBusy: (seconds: number): Message => ({
    zh: `另一个导入正在进行（已等待 ${seconds} 秒）：未写入任何数据。请等它完成后再导入本文件。`,
    en: `Another import is running (waited ${seconds} s); nothing was written. Import this file again once it has finished.`,
  }),
  csvNeedsWorkbook: (): Message => ({
    zh: 'CSV 只能更新数据表：请先导入一个完整的工作簿（含地区、指标等各表）。',
    en: 'A CSV only updates the observations: import a whole workbook (regions, indicators, …) first.',
  }),
  unsupportedFile: (extension: string): Message => ({
    zh: `不支持的文件类型“${extension || '（无扩展名）'}”：请使用 .xlsx 工作簿，或只含数据表的 .csv 文件。`,
    en: `Unsupported file type "${extension || '(none)'}": use an .xlsx workbook, or a .csv of the observations sheet.`,
  }),
  notAWorkbook: (): Message => ({
    zh: '文件不是有效的 Excel 工作簿（.xlsx）；旧版 .xls 文件请先在 Excel 中另存为 .xlsx',
    en: 'The file is not a valid Excel workbook (.xlsx); save an old .xls file as .xlsx in Excel first',
  }),
  missingSheet: (sheet: Label): Message => ({
    zh: `缺少工作表“${full(sheet)}”`,
    en: `The sheet "${full(sheet)}" is missing`,
  }),
  duplicateSheet: (sheet: Label, a: string, b: string): Message => ({
    zh: `有两个工作表都对应“${full(sheet)}”：${zq(a)}和${zq(b)}`,
    en: `Two sheets both match "${full(sheet)}": ${eq(a)} and ${eq(b)}`,
  }),
  missingColumn: (column: Label): Message => ({
    zh: `缺少必填列“${full(column)}”`,
    en: `The required column "${full(column)}" is missing`,
  }),
  duplicateColumn: (column: Label, first: string): Message => ({
    zh: `列“${full(column)}”重复（已在 ${first} 列出现）`,
    en: `The column "${full(column)}" appears twice (already in column ${first})`,
  }),
  duplicateYearColumn: (year: number, first: string): Message => ({
    zh: `年份列 ${year} 重复（已在 ${first} 列出现）`,
    en: `The year column ${year} appears twice (already in column ${first})`,
  }),
  badColumnHeader: (text: string): Message => ({
    zh: `无法识别的列标题${zq(text)}；年份列的标题应为年份数字，如 2019`,
    en: `Unrecognised column header ${eq(text)}; a year column is headed by the year, e.g. 2019`,
  }),
  noYearColumns: (): Message => ({
    zh: '没有年份列；请为每个年份加一列，标题为年份数字，如 2019',
    en: 'There are no year columns; add one column per year, headed by the year, e.g. 2019',
  }),
  yearOutOfRange: (subject: YearSubject, year: number, first: number, last: number): Message => ({
    zh: `${subject.zh} ${year} 不在数据集声明的年份范围 ${first}–${last} 内`,
    en: `${subject.en} ${year} is outside the declared years ${first}–${last}`,
  }),
  mergedCells: (range: string): Message => ({
    zh: `合并单元格 ${range}；请取消合并，每个单元格单独填写`,
    en: `Merged cells ${range}; unmerge them and fill in each cell separately`,
  }),
  textInNumberCell: (text: string): Message => ({
    zh: `数值单元格中是文字${zq(text)}，应为数字`,
    en: `Text ${eq(text)} in a number cell; a number is expected`,
  }),
  dateInNumberCell: (date: string): Message => ({
    zh: `数值单元格中是日期 ${date}，应为数字`,
    en: `A date (${date}) in a number cell; a number is expected`,
  }),
  errorValue: (error: string): Message => ({
    zh: `单元格是 Excel 错误值 ${error}`,
    en: `The cell holds the Excel error value ${error}`,
  }),
  formula: (formula: string): Message => {
    const zhWhat = formula ? `公式 =${shown(formula)}` : '公式';
    const enWhat = formula ? `a formula (=${shown(formula)})` : 'a formula';
    return {
      zh: `单元格中是${zhWhat}；导入只接受数值，不采用公式保存的结果（可能已过时）。请复制这些单元格，用“选择性粘贴 → 数值”（粘贴为数值）粘贴回原处，保存后再导入`,
      en: `The cell holds ${enWhat}; the import takes values, not a formula's saved result (it may be out of date). Copy the cells and paste them back as values (Paste Special → Values), save, then import again`,
    };
  },
  percentFormat: (stored: number): Message => {
    const percent = Number((stored * 100).toPrecision(12));
    return {
      zh: `单元格设为百分比格式（实际存储 ${stored}）；请填写 ${percent} 并改为常规格式`,
      en: `The cell is in percent format (it stores ${stored}); enter ${percent} in a General-format cell`,
    };
  },
  notFinite: (): Message => ({
    zh: '数值不是有限的数',
    en: 'The number is not finite',
  }),
  notInteger: (column: Label, value: number): Message => ({
    zh: `${column.zh}应为整数，实际为 ${value}`,
    en: `${capFirst(column.en)} must be a whole number, not ${value}`,
  }),
  outOfRange: (column: Label, value: number, min: number, max: number | null): Message =>
    max === null
      ? {
          zh: `${column.zh}应为不小于 ${min} 的整数，实际为 ${value}`,
          en: `${capFirst(column.en)} must be a whole number of at least ${min}, not ${value}`,
        }
      : {
          zh: `${column.zh}应为 ${min} 到 ${max} 之间的整数，实际为 ${value}`,
          en: `${capFirst(column.en)} must be a whole number from ${min} to ${max}, not ${value}`,
        },
  missingValue: (column: Label): Message => ({
    zh: `${column.zh}不能为空`,
    en: `${capFirst(column.en)} must not be empty`,
  }),
  missingName: (what: Label): Message => ({
    zh: `${what.zh}的中文和英文至少填写一个`,
    en: `Enter the ${lowerFirst(what.en)} in Chinese or English (or both)`,
  }),
  datasetSheetEmpty: (): Message => ({
    zh: '数据集工作表尚未填写：请填写标题、数据来源、数据截至日期、起始年份和结束年份',
    en: 'The Dataset sheet is not filled in: enter the title, source, data-as-of date, first year and last year',
  }),
  missingField: (field: Label): Message => ({
    zh: `缺少“${full(field)}”行`,
    en: `The row "${full(field)}" is missing`,
  }),
  duplicateField: (field: Label, firstRow: number): Message => ({
    zh: `“${full(field)}”行重复（已在第${firstRow}行出现）`,
    en: `The row "${full(field)}" appears twice (first on row ${firstRow})`,
  }),
  badDate: (text: string): Message => ({
    zh: `数据截至日期应为日期或 YYYY-MM-DD 格式的文字，实际为${zq(text)}`,
    en: `Data as of must be a date or text in the form YYYY-MM-DD, not ${eq(text)}`,
  }),
  badYearRange: (first: number, last: number): Message => ({
    zh: `起始年份 ${first} 晚于结束年份 ${last}`,
    en: `The first year ${first} is after the last year ${last}`,
  }),
  invalidChoice: (column: Label, text: string, accepted: readonly string[]): Message => ({
    zh: `${column.zh}${zq(text)}无法识别；可填：${accepted.join('、')}`,
    en: `Unknown ${lowerFirst(column.en)} ${eq(text)}; use one of: ${accepted.join(', ')}`,
  }),
  idWithSpace: (id: string): Message => ({
    zh: `编号${zq(id)}含有空白字符；编号不能包含空格`,
    en: `The ID ${eq(id)} contains whitespace; IDs must not contain spaces`,
  }),
  idWithComma: (id: string): Message => ({
    zh: `编号${zq(id)}含有逗号；编号不能包含逗号（网页接口用逗号分隔多个编号，这样的编号无法查询）`,
    en: `The ID ${eq(id)} contains a comma; IDs must not contain commas (the API separates IDs with commas, so such an ID could not be asked for)`,
  }),
  idWithInvisible: (id: string, char: string): Message => ({
    zh: `编号${zq(id)}含有不可见字符 ${codePoint(char)}（控制字符、零宽字符或文字方向字符）；请删除该字符或重新输入编号`,
    en: `The ID ${eq(id)} contains the invisible character ${codePoint(char)} (a control, zero-width or text-direction character); delete it or type the ID again`,
  }),
  idTooLong: (length: number, max: number): Message => ({
    zh: `编号长度为 ${length} 个字符，超过上限 ${max}`,
    en: `The ID is ${length} characters long; the limit is ${max}`,
  }),
  textTooLong: (length: number, max: number): Message => ({
    zh: `文字长度为 ${length} 个字符，超过上限 ${max}`,
    en: `The text is ${length} characters long; the limit is ${max}`,
  }),
  textWithControl: (text: string, char: string): Message => ({
    zh: `文字${zq(text)}含有控制字符 ${codePoint(char)}，无法保存；请删除该字符（换行和制表符可以保留）`,
    en: `The text ${eq(text)} contains the control character ${codePoint(char)}, which cannot be stored; delete it (line breaks and tabs may stay)`,
  }),
  textWithBidi: (text: string, char: string): Message => ({
    zh: `文字${zq(text)}含有文字方向控制字符 ${codePoint(char)}，会使显示顺序与实际内容不同；请删除该字符`,
    en: `The text ${eq(text)} contains the text-direction control ${codePoint(char)}, which makes it display in a different order from what it says; delete it`,
  }),
  duplicateId: (id: string, firstRow: number): Message => ({
    zh: `编号${zq(id)}重复（已在第${firstRow}行出现）`,
    en: `The ID ${eq(id)} is repeated (first on row ${firstRow})`,
  }),
  unknownId: (kind: IdKind, id: string): Message => ({
    zh: `未知的${kind.zh}${zq(id)}：${kind.sheetZh}中没有该编号`,
    en: `Unknown ${kind.en} ${eq(id)}: it is not on the ${kind.sheetEn} sheet`,
  }),
  parentMissing: (id: string, name: Label | null, parent: string): Message => {
    const zhName = name?.zh || name?.en;
    const enName = name?.en || name?.zh;
    return {
      zh: `地区${zhName ? `${zq(zhName)}（${shown(id)}）` : zq(id)}的上级编号${zq(parent)}在地区表中不存在`,
      en: `The parent ID ${eq(parent)} of region ${enName ? `${eq(enName)} (${shown(id)})` : eq(id)} is not on the Regions sheet`,
    };
  },
  parentCycle: (chain: readonly string[]): Message => ({
    zh: `地区的上级关系形成循环：${chain.map(shown).join(' → ')}`,
    en: `The regions' parents form a cycle: ${chain.map(shown).join(' → ')}`,
  }),
  campaignEndBeforeStart: (start: number, end: number): Message => ({
    zh: `结束年份 ${end} 早于起始年份 ${start}`,
    en: `The end year ${end} is before the start year ${start}`,
  }),
  campaignBaseline: (baseline: number, start: number): Message => ({
    zh: `基准年份 ${baseline} 应早于起始年份 ${start}`,
    en: `The baseline year ${baseline} must be before the start year ${start}`,
  }),
  rankExceedsOf: (rank: number, of: number): Message => ({
    zh: `名次 ${rank} 大于参评数 ${of}`,
    en: `The rank ${rank} is greater than the number ranked, ${of}`,
  }),
  duplicateCell: (indicator: string, region: string, firstRow: number): Message => ({
    zh: `指标${zq(indicator)}与地区${zq(region)}的组合重复（已在第${firstRow}行出现）`,
    en: `Indicator ${eq(indicator)} with region ${eq(region)} is repeated (first on row ${firstRow})`,
  }),
  duplicateRanking: (assessment: string, year: number, region: string, firstRow: number) => ({
    zh: `考评${zq(assessment)}、${year} 年、地区${zq(region)}的排名重复（已在第${firstRow}行出现）`,
    en: `The ranking for assessment ${eq(assessment)}, ${year}, region ${eq(region)} is repeated (first on row ${firstRow})`,
  }),
  noteWithoutYear: (text: string): Message => ({
    zh: `备注${zq(text)}缺少年份前缀；应写成“2019：数据暂缺”`,
    en: `The note ${eq(text)} does not start with its year; write it as "2019: Not reported"`,
  }),
  noteWithoutText: (year: number): Message => ({
    zh: `${year} 年的备注没有内容`,
    en: `The note for ${year} has no text`,
  }),
  duplicateNote: (year: number): Message => ({
    zh: `${year} 年有两条备注；每个年份只能有一条`,
    en: `There are two notes for ${year}; a year takes one note`,
  }),
  badProvisional: (token: string): Message => ({
    zh: `初步数据年份${zq(token)}无法识别；请填写年份，用逗号分隔，如“2019, 2020”`,
    en: `Cannot read the provisional year ${eq(token)}; enter years separated by commas, e.g. "2019, 2020"`,
  }),
  provisionalWithoutValue: (year: number): Message => ({
    zh: `${year} 年标为初步数据，但该年份既没有数值也没有备注`,
    en: `${year} is marked provisional but has neither a value nor a note`,
  }),
  statusWithoutYear: (text: string): Message => ({
    zh: `缺失类型${zq(text)}缺少年份前缀；应写成“2019：保密”`,
    en: `The missing status ${eq(text)} does not start with its year; write it as "2019: withheld"`,
  }),
  unknownStatus: (text: string, accepted: readonly string[]): Message => ({
    zh: `缺失类型${zq(text)}无法识别；可填：${accepted.join('、')}`,
    en: `Unknown missing status ${eq(text)}; use one of: ${accepted.join(', ')}`,
  }),
  duplicateStatus: (year: number): Message => ({
    zh: `${year} 年有两个缺失类型；每个年份只能有一个`,
    en: `There are two missing statuses for ${year}; a year takes one`,
  }),
  statusWithValue: (year: number, value: number): Message => ({
    zh: `${year} 年标注了缺失类型，但该年份单元格有数值 ${value}；有数值时不能标注缺失类型`,
    en: `${year} has a missing status but its cell holds the value ${value}; a cell with a value takes no missing status`,
  }),
  outsideValidity: (region: string, year: number, from: number | null, to: number | null) => {
    const zhSpan = `${from ?? '…'}–${to ?? '…'}`;
    return {
      zh: `地区${zq(region)}只存在于 ${zhSpan} 年（地区表的起始年份/终止年份），${year} 年不能有数据`,
      en: `Region ${eq(region)} exists only in ${zhSpan} (Valid from / Valid to on the Regions sheet); it can have no data for ${year}`,
    } satisfies Message;
  },
  badValidity: (from: number, to: number): Message => ({
    zh: `起始年份 ${from} 晚于终止年份 ${to}`,
    en: `Valid from ${from} is after valid to ${to}`,
  }),
  scopeMissing: (): Message => ({
    zh: '排名范围地区和排名范围名称至少填写一个（排名范围不在本数据中时，地区留空并填写名称，如“海南省”）',
    en: 'Enter the scope region ID or the scope name (when the ranking body is outside this data, leave the region empty and name it, e.g. "Hainan")',
  }),
  targetWithoutRow: (indicator: string, region: string): Message => ({
    zh: `指标${zq(indicator)}与地区${zq(region)}在数据表中没有对应的行，目标值无处归属`,
    en: `Indicator ${eq(indicator)} with region ${eq(region)} has no row on the Observations sheet for these targets`,
  }),
  targetWithoutValue: (year: number): Message => ({
    zh: `${year} 年有目标值，但数据表中该年份既没有数值也没有备注`,
    en: `There is a target for ${year}, but the Observations sheet has neither a value nor a note for it`,
  }),
  noRows: (sheet: Label): Message => ({
    zh: `${sheet.zh}表没有数据行；至少需要一行`,
    en: `The ${sheet.en} sheet has no rows; at least one is needed`,
  }),
  extraFields: (fields: number, width: number): Message => ({
    zh: `这一行有 ${fields} 个字段，多于标题行的 ${width} 个`,
    en: `This row has ${fields} fields, more than the header's ${width}`,
  }),
  csvSyntax: (detail: string): Message => ({
    zh: `CSV 格式错误：${detail}`,
    en: `CSV syntax error: ${detail}`,
  }),
  contract: (record: string, field: string, reason: IssueReason, detail: string): Message => ({
    zh: `未通过看板的数据校验：${shown(record)} 的 ${field}（${CONTRACT_REASON[reason].zh}）：${shown(detail)}`,
    en: `Rejected by the dashboard's validation: ${shown(record)}, ${field} (${CONTRACT_REASON[reason].en}): ${shown(detail)}`,
  }),
  /** The dashboard could not read the assembled data at all (not one record's fault). */
  contractShape: (detail: string): Message => ({
    zh: `未通过看板的数据校验：${detail}`,
    en: `Rejected by the dashboard's validation: ${detail}`,
  }),
};
