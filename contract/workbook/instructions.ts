/**
 * The text of the template's `填写说明 (How to fill)` sheet: one row per topic, Chinese and
 * English side by side. Built from the layout so that the labels quoted here are the real ones.
 */
import {
  AGGREGATION_WORDS,
  ASSESSMENTS_SHEET,
  BETTER_WORDS,
  CAMPAIGNS_SHEET,
  DATASET_FIELDS,
  DATASET_SHEET,
  HEADLINE_WORDS,
  INDICATORS_SHEET,
  LEVEL_WORDS,
  MAX_ID,
  MAX_TEXT,
  OBSERVATIONS_SHEET,
  PROGRAMMES_SHEET,
  RANKINGS_SHEET,
  REGIONS_SHEET,
  SCORE_BETTER_WORDS,
  STATUS_WORDS,
  TARGETS_SHEET,
  UNIT_WORDS,
  headerLabel,
  sheetLabel,
} from './layout';
import type { SheetDef } from './layout';

export interface InstructionRow {
  topic: string;
  zh: string;
  en: string;
}

const q = (def: SheetDef) => `“${sheetLabel(def)}”`;
const qe = (def: SheetDef) => `"${sheetLabel(def)}"`;
const requiredZh = (def: SheetDef) =>
  def.columns
    .filter((c) => c.required)
    .map((c) => c.zh)
    .join('、');
const requiredEn = (def: SheetDef) =>
  def.columns
    .filter((c) => c.required)
    .map((c) => c.en)
    .join(', ');
const words = (list: Readonly<Record<string, readonly string[]>>, sep: string) =>
  Object.entries(list)
    .map(([value, ws]) => `${ws.join('/')} → ${value}`)
    .join(sep);

export function instructionRows(placeholderYears: boolean): InstructionRow[] {
  const fields = DATASET_FIELDS.map((f) => headerLabel(f.zh, f.en));
  return [
    {
      topic: '用途 Purpose',
      zh: '本工作簿用于向禁毒工作数据看板导入数据。每个工作表的第1行是列标题，数据从第2行开始，空行会被跳过。工作表和列按标题识别（可写完整标题、只写中文或只写英文），顺序可以调整，但请不要改动标题文字。',
      en: 'This workbook imports data into the drug-control dashboard. Row 1 of every sheet holds the column headers; data start on row 2; blank rows are skipped. Sheets and columns are found by their titles (the full title, the Chinese part or the English part), so their order may change, but do not reword the titles.',
    },
    {
      topic: '数据集 Dataset',
      zh: `${q(DATASET_SHEET)}：按“项目”列填写 ${fields.join('、')}。标题和数据来源至少填写中文或英文之一；数据截至日期填日期或 YYYY-MM-DD 格式的文字；起始年份和结束年份填在“中文”列，为 1900–2200 之间的整数，起始年份不晚于结束年份。`,
      en: `${qe(DATASET_SHEET)}: fill in the rows ${fields.join(', ')} by the Field column. Title and source need Chinese or English (or both); Data as of is a date or text YYYY-MM-DD; First year and Last year go in the Chinese column as whole numbers from 1900 to 2200, first ≤ last.`,
    },
    {
      topic: '地区 Regions',
      zh: `${q(REGIONS_SHEET)}：每行一个地区。必填列：${requiredZh(REGIONS_SHEET)}。级别可填 ${words(LEVEL_WORDS, '；')}。上级编号留空表示最上级；否则必须是本表中的另一个地区，且不能形成循环。中文名称和英文名称至少填写一个。起始年份、终止年份（可选）填该地区存在的年份（撤并、拆分、更名的乡镇）：该地区在这些年份之外不能有数据；留空表示不限。`,
      en: `${qe(REGIONS_SHEET)}: one region per row. Required columns: ${requiredEn(REGIONS_SHEET)}. Level: ${words(LEVEL_WORDS, '; ')}. An empty parent ID marks a top-level region; otherwise it must be another region on this sheet, without cycles. Give the name in Chinese or English (or both). Valid from and Valid to (optional) are the years the region exists (merged, split or renamed townships): it can have no data outside them; empty means no limit.`,
    },
    {
      topic: '大会战 Campaigns',
      zh: `${q(CAMPAIGNS_SHEET)}：每行一轮大会战，可以没有数据行。年份为整数，基准年份 < 起始年份 ≤ 结束年份。`,
      en: `${qe(CAMPAIGNS_SHEET)}: one campaign round per row; the sheet may have no rows. Years are whole numbers with baseline < start ≤ end.`,
    },
    {
      topic: '工作项目 Programmes',
      zh: `${q(PROGRAMMES_SHEET)}：每行一个工作项目（如严打、严管），指标可归属于其中之一。`,
      en: `${qe(PROGRAMMES_SHEET)}: one programme per row (e.g. strict enforcement); an indicator may belong to one of them.`,
    },
    {
      topic: '指标 Indicators',
      zh: `${q(INDICATORS_SHEET)}：每行一个指标。必填列：${requiredZh(INDICATORS_SHEET)}。单位可填 ${words(UNIT_WORDS, '；')}（百分比填 12.5 表示 12.5%）；单位名称（如“人”“起”）可选。小数位数为 0–4 的整数。改善方向可填 ${words(BETTER_WORDS, '；')}。所属工作项目留空表示不归属任何项目，否则必须是工作项目表中的编号。重点指标可填 ${HEADLINE_WORDS.yes.join('/')} 或 ${HEADLINE_WORDS.no.join('/')}，留空表示否。汇总方式（可选）可填 ${words(AGGREGATION_WORDS, '；')}：流量（当年发生的数量，如新发现人数、案件数）可跨年相加为大会战合计；存量（年末数）、比率不相加；累计（累计数）取最后一年；留空表示未说明，看板不跨年相加。`,
      en: `${qe(INDICATORS_SHEET)}: one indicator per row. Required columns: ${requiredEn(INDICATORS_SHEET)}. Unit: ${words(UNIT_WORDS, '; ')} (percent: 12.5 means 12.5 %); the unit label (e.g. "people") is optional. Decimals is a whole number from 0 to 4. Better: ${words(BETTER_WORDS, '; ')}. An empty programme ID means none; otherwise it must be on the Programmes sheet. Headline: ${HEADLINE_WORDS.yes.join('/')} or ${HEADLINE_WORDS.no.join('/')}; empty means no. Aggregation (optional): ${words(AGGREGATION_WORDS, '; ')}: a flow (new users, cases within the year) may be summed over a campaign; a stock (a year-end level) and a rate never are; a cumulative total's latest year is the total; empty means unknown and the dashboard never sums it.`,
    },
    {
      topic: '考评 Assessments',
      zh: `${q(ASSESSMENTS_SHEET)}：每行一项排名考评；排名范围地区为被排名地区的上级地区编号，必须在地区表中。排名范围不在本数据中时（如市里提供的全省排名），排名范围地区留空，填写排名范围名称（中文或英文，如“海南省”）。得分方向（可选）可填 ${words(SCORE_BETTER_WORDS, '；')}，留空表示较高为好；得分小数位数（可选）为 0–4 的整数。`,
      en: `${qe(ASSESSMENTS_SHEET)}: one ranking assessment per row; the scope region is the region whose sub-regions are ranked and must be on the Regions sheet. When the ranking body is outside this data (a provincial ranking in a city's workbook), leave the scope region empty and give the scope name (Chinese or English, e.g. "Hainan"). Better score (optional): ${words(SCORE_BETTER_WORDS, '; ')}; empty means higher. Score decimals (optional): a whole number from 0 to 4.`,
    },
    {
      topic: '数据 Observations',
      zh: `${q(OBSERVATIONS_SHEET)}：每个“指标 × 地区”一行，同一组合不能出现两次。指标名称和地区名称两列仅供参考，导入时忽略。之后每个年份一列，标题为年份数字（如 2019），年份必须在数据集声明的起始年份到结束年份之间${placeholderYears ? '；本空白模板中的 2016–2022 只是示例，请按声明的年份增删年份列' : ''}。单元格填数字（不要填“约100”“N/A”“12%”等文字，百分比直接填 12.5，不要设为百分比格式）。空白单元格表示“未上报”，不会生成数据。`,
      en: `${qe(OBSERVATIONS_SHEET)}: one row per indicator × region; a pair must not appear twice. The indicator and region name columns are for reference and are ignored on import. Then one column per year headed by the year (e.g. 2019), within the declared first and last year${placeholderYears ? '; the columns 2016–2022 of this empty template are placeholders: add or remove year columns to match the declared years' : ''}. Cells hold plain numbers (not text such as "about 100", "N/A" or "12%"; enter a percentage as 12.5, not in percent format). An empty cell means "not reported" and creates no data.`,
    },
    {
      topic: '初步数据和备注 Provisional and notes',
      zh: `初步数据年份列填尚未最终核定的年份，用逗号、顿号或空格分隔，如“2021, 2022”。备注列每条备注写成“年份：内容”，如“2019：数据暂缺”，多条备注用换行或分号分隔；每条备注属于一个年份。某年份单元格为空但有备注时，导入为“无数值 + 备注”。`,
      en: `Provisional years lists the years not yet final, separated by commas or spaces, e.g. "2021, 2022". Each note is written "year: text", e.g. "2019: Not reported"; separate several notes with line breaks or semicolons; each note belongs to one year. A note for a year whose cell is empty is imported as "no value + note".`,
    },
    {
      topic: '缺失类型 Missing status',
      zh: `缺失类型列（可选）说明某年份单元格为什么空着，每条写成“年份：类型”，如“2019：保密”，多条用换行或分号分隔。类型可填 ${words(STATUS_WORDS, '；')}。有数值的单元格不能标注缺失类型；标注了缺失类型的空单元格导入为“无数值 + 缺失类型”。`,
      en: `The Missing status column (optional) says why a year's cell is empty, written "year: status", e.g. "2019: withheld"; separate several with line breaks or semicolons. Status: ${words(STATUS_WORDS, '; ')}. A cell with a value takes no status; an empty cell with a status is imported as "no value + status".`,
    },
    {
      topic: '目标值 Targets',
      zh: `${q(TARGETS_SHEET)}（可选）：与数据表相同的编号列和年份列，单元格为该指标、地区、年份的目标值。目标值所在的格子必须在数据表中有数值或备注。`,
      en: `${qe(TARGETS_SHEET)} (optional): the same ID and year columns as the Observations sheet; each cell is that indicator's target for the region and year. Every target needs a value or a note for the same cell on the Observations sheet.`,
    },
    {
      topic: '排名 Rankings',
      zh: `${q(RANKINGS_SHEET)}：每行一个考评结果。名次和参评数为不小于 1 的整数，名次不大于参评数；得分可选；年份必须在声明的年份范围内；同一考评、年份、地区只能出现一次。`,
      en: `${qe(RANKINGS_SHEET)}: one result per row. Rank and Out of are whole numbers of at least 1, with rank ≤ out of; the score is optional; the year must be within the declared years; an assessment, year and region appear together at most once.`,
    },
    {
      topic: '编号和文字 IDs and text',
      zh: `编号区分大小写，不能包含空格、逗号或不可见字符（控制字符、零宽字符、文字方向字符），最长 ${MAX_ID} 个字符；每个表内编号不能重复。名称、备注等文字最长 ${MAX_TEXT} 个字符，可以换行，但不能含控制字符或文字方向控制字符（从网页或其他软件复制的文字可能带有这些字符）。请不要使用合并单元格。`,
      en: `IDs are case-sensitive and at most ${MAX_ID} characters long, with no spaces, commas or invisible characters (control, zero-width or text-direction characters); IDs are unique within a sheet. Names, notes and other text are at most ${MAX_TEXT} characters and may have line breaks, but no control or text-direction characters (text copied from web pages or other software may carry them). Do not merge cells.`,
    },
    {
      topic: '公式 Formulas',
      zh: '导入只接受数值，不接受公式（包括编号、年份标题和数值单元格）：公式保存的计算结果可能已过时。若用公式计算，请先复制这些单元格，再用“选择性粘贴 → 数值”（粘贴为数值）粘贴回原处。',
      en: 'The import takes values only, no formulas (in ID cells, year headers and value cells alike): the result a formula saved may be out of date. If you calculated with formulas, copy the cells and paste them back as values (Paste Special → Values).',
    },
    {
      topic: '导入 Import',
      zh: '导入前会检查整个文件，并列出所有问题（工作表、行、列和原因）；只要有一个问题，就不会写入任何数据。先检查不写入：npm run import -- 文件.xlsx --dry-run；正式导入：npm run import -- 文件.xlsx',
      en: 'The whole file is checked before anything is written, and every problem is listed with its sheet, row, column and reason; if there is any problem, nothing is written. Check only: npm run import -- FILE.xlsx --dry-run; import: npm run import -- FILE.xlsx',
    },
  ];
}
