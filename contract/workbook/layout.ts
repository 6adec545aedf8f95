/**
 * The import template's layout: sheet names, column headers, dataset fields and the words a
 * cell may hold. The single source of truth for the template writer (write-template.ts) and the
 * importer (server/import), so the two cannot drift apart. Plain data: no exceljs here.
 *
 * Headers are Chinese with English in brackets, e.g. `指标编号 (Indicator ID)`. A reader finds
 * sheets and columns by label, not by position, and accepts the full label, the Chinese part or
 * the English part, ignoring case, spaces and full-width/half-width differences (labelKey).
 */
import type {
  WireAggregation,
  WireBetter,
  WireRegionLevel,
  WireStatus,
  WireUnit,
} from '../wire-types';

/** `中文 (English)`: how every sheet name and column header is written. */
export function headerLabel(zh: string, en: string): string {
  return `${zh} (${en})`;
}

/**
 * Comparable form of a label or a choice word: NFKC (full-width letters, digits and brackets
 * become half-width), lower case, no whitespace.
 */
export function labelKey(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(/\s+/g, '');
}

export interface Label {
  readonly zh: string;
  readonly en: string;
}

/** The keys a header or sheet name may match: the full label, its Chinese part, its English part. */
export function labelKeys(label: Label): string[] {
  return [
    ...new Set([labelKey(headerLabel(label.zh, label.en)), labelKey(label.zh), labelKey(label.en)]),
  ];
}

/** True when `text` names `label` by any of the accepted forms. */
export function matchesLabel(text: string, label: Label): boolean {
  const key = labelKey(text);
  return key !== '' && labelKeys(label).includes(key);
}

export interface ColumnDef<K extends string = string> extends Label {
  readonly key: K;
  /** The header must be present (cells may still be optional, see the reader). */
  readonly required: boolean;
  /** Column width in the template, in Excel character units. */
  readonly width: number;
}

function col<K extends string>(
  key: K,
  zh: string,
  en: string,
  required: boolean,
  width: number,
): ColumnDef<K> {
  return { key, zh, en, required, width };
}

export type SheetKey =
  | 'instructions'
  | 'dataset'
  | 'regions'
  | 'campaigns'
  | 'programmes'
  | 'indicators'
  | 'assessments'
  | 'observations'
  | 'targets'
  | 'rankings';

export interface SheetDef<K extends string = string> extends Label {
  readonly key: SheetKey;
  /** A workbook without this sheet is reported; optional sheets count as empty. */
  readonly required: boolean;
  readonly columns: readonly ColumnDef<K>[];
}

function sheet<K extends string>(
  key: SheetKey,
  zh: string,
  en: string,
  required: boolean,
  columns: readonly ColumnDef<K>[],
): SheetDef<K> {
  return { key, zh, en, required, columns };
}

const nameZh = <K extends string>(key: K, required = true) =>
  col(key, '中文名称', 'Name, Chinese', required, 24);
const nameEn = <K extends string>(key: K) => col(key, '英文名称', 'Name, English', false, 30);

export const INSTRUCTIONS_SHEET = sheet('instructions', '填写说明', 'How to fill', false, [
  col('topic', '项目', 'Topic', false, 16),
  col('zh', '说明（中文）', 'Instructions, Chinese', false, 70),
  col('en', '说明（英文）', 'Instructions, English', false, 70),
]);

export const DATASET_SHEET = sheet('dataset', '数据集', 'Dataset', true, [
  col('field', '项目', 'Field', true, 24),
  col('zh', '中文', 'Chinese', true, 48),
  col('en', '英文', 'English', false, 48),
]);

export type DatasetField = 'title' | 'source' | 'dataAsOf' | 'firstYear' | 'lastYear';

export interface DatasetFieldDef extends Label {
  readonly key: DatasetField;
}

/** The rows of the dataset sheet, matched by the `项目 (Field)` cell. */
export const DATASET_FIELDS: readonly DatasetFieldDef[] = [
  { key: 'title', zh: '标题', en: 'Title' },
  { key: 'source', zh: '数据来源', en: 'Source' },
  { key: 'dataAsOf', zh: '数据截至日期', en: 'Data as of' },
  { key: 'firstYear', zh: '起始年份', en: 'First year' },
  { key: 'lastYear', zh: '结束年份', en: 'Last year' },
];

export const REGIONS_SHEET = sheet('regions', '地区', 'Regions', true, [
  col('id', '编号', 'ID', true, 14),
  col('level', '级别', 'Level', true, 10),
  col('parent', '上级编号', 'Parent ID', true, 14),
  nameZh('nameZh', false),
  nameEn('nameEn'),
  // (1.1, optional) the years the region exists: merged, split or renamed townships.
  col('validFrom', '起始年份', 'Valid from', false, 12),
  col('validTo', '终止年份', 'Valid to', false, 12),
]);

export const CAMPAIGNS_SHEET = sheet('campaigns', '大会战', 'Campaigns', true, [
  col('id', '编号', 'ID', true, 14),
  nameZh('nameZh', false),
  nameEn('nameEn'),
  col('startYear', '起始年份', 'Start year', true, 12),
  col('endYear', '结束年份', 'End year', true, 12),
  col('baselineYear', '基准年份', 'Baseline year', true, 14),
]);

export const PROGRAMMES_SHEET = sheet('programmes', '工作项目', 'Programmes', true, [
  col('id', '编号', 'ID', true, 24),
  nameZh('nameZh', false),
  nameEn('nameEn'),
]);

export const INDICATORS_SHEET = sheet('indicators', '指标', 'Indicators', true, [
  col('id', '编号', 'ID', true, 24),
  nameZh('nameZh', false),
  nameEn('nameEn'),
  col('unit', '单位', 'Unit', true, 10),
  col('unitLabelZh', '单位名称中文', 'Unit label, Chinese', false, 14),
  col('unitLabelEn', '单位名称英文', 'Unit label, English', false, 16),
  col('decimals', '小数位数', 'Decimals', true, 10),
  col('better', '改善方向', 'Better', true, 12),
  col('programme', '所属工作项目', 'Programme ID', false, 18),
  col('headline', '重点指标', 'Headline', false, 10),
  col('descriptionZh', '说明中文', 'Description, Chinese', false, 40),
  col('descriptionEn', '说明英文', 'Description, English', false, 40),
  // (1.1, optional) which years may be summed: AGGREGATION_WORDS.
  col('aggregation', '汇总方式', 'Aggregation', false, 12),
]);

export const ASSESSMENTS_SHEET = sheet('assessments', '考评', 'Assessments', true, [
  col('id', '编号', 'ID', true, 24),
  nameZh('nameZh', false),
  nameEn('nameEn'),
  // The header is required; the cell may be empty when a scope name is given (1.1: scope null).
  col('scope', '排名范围地区', 'Scope region ID', true, 16),
  // (1.1, optional) the ranking body's name, which score is better, decimals of the score.
  col('scopeNameZh', '排名范围名称', 'Scope name, Chinese', false, 18),
  col('scopeNameEn', '排名范围名称英文', 'Scope name, English', false, 20),
  col('better', '得分方向', 'Better score', false, 12),
  col('scoreDecimals', '得分小数位数', 'Score decimals', false, 12),
]);

/** The id and reference columns that come before the year columns on 数据 and 目标值. */
const CELL_LEAD = [
  col('indicator', '指标编号', 'Indicator ID', true, 24),
  col('region', '地区编号', 'Region ID', true, 14),
  col('indicatorName', '指标名称（参考）', 'Indicator name, reference', false, 28),
  col('regionName', '地区名称（参考）', 'Region name, reference', false, 14),
] as const;

/** 数据: lead columns, then one column per year (header = the year), then these. */
export const OBSERVATIONS_SHEET = sheet('observations', '数据', 'Observations', true, [
  ...CELL_LEAD,
  col('provisional', '初步数据年份', 'Provisional years', false, 16),
  col('noteZh', '备注', 'Notes, Chinese', false, 30),
  col('noteEn', '备注英文', 'Notes, English', false, 30),
  // (1.1, optional) why an empty year cell is empty: `2019：保密`, one per line (STATUS_WORDS).
  col('status', '缺失类型', 'Missing status', false, 20),
]);

/** 目标值 (optional): lead columns, then one column per year holding that cell's target. */
export const TARGETS_SHEET = sheet('targets', '目标值', 'Targets', false, [...CELL_LEAD]);

export const RANKINGS_SHEET = sheet('rankings', '排名', 'Rankings', true, [
  col('assessment', '考评编号', 'Assessment ID', true, 22),
  col('year', '年份', 'Year', true, 8),
  col('region', '地区编号', 'Region ID', true, 14),
  col('rank', '名次', 'Rank', true, 8),
  col('of', '参评数', 'Out of', true, 10),
  col('score', '得分', 'Score', false, 10),
]);

/** Every sheet in template order. */
export const SHEETS = [
  INSTRUCTIONS_SHEET,
  DATASET_SHEET,
  REGIONS_SHEET,
  CAMPAIGNS_SHEET,
  PROGRAMMES_SHEET,
  INDICATORS_SHEET,
  ASSESSMENTS_SHEET,
  OBSERVATIONS_SHEET,
  TARGETS_SHEET,
  RANKINGS_SHEET,
] as const;

/** The template's name for a sheet: `数据 (Observations)`. */
export function sheetLabel(def: Label): string {
  return headerLabel(def.zh, def.en);
}

/** The column definition for `key` in `def`; throws on a programming error. */
export function columnOf<K extends string>(def: SheetDef<K>, key: K): ColumnDef<K> {
  const found = def.columns.find((c) => c.key === key);
  if (!found) throw new Error(`no column ${key} in sheet ${def.en}`);
  return found;
}

/** Year columns are headed by the year: a number cell or text such as `2019` (or `2019年`). */
export function parseYearHeader(text: string): number | null {
  const m = /^(\d{4})年?$/.exec(labelKey(text));
  return m ? Number(m[1]) : null;
}

/** Placeholder year columns of the empty template (adjusted by whoever fills it in). */
export const PLACEHOLDER_YEARS: readonly number[] = [2016, 2017, 2018, 2019, 2020, 2021, 2022];

/** Declared years must lie in this range (the contract's year bounds). */
export const MIN_YEAR = 1900;
export const MAX_YEAR = 2200;
/** The contract's length limits (the rules for ids and texts are in contract/ids.ts). */
export { MAX_ID, MAX_TEXT } from '../ids';

/**
 * Words a choice cell may hold, per contract value; compared with labelKey. The first word is the
 * one the template writes.
 */
export const LEVEL_WORDS: Readonly<Record<WireRegionLevel, readonly string[]>> = {
  province: ['省', 'province'],
  city: ['市', 'city'],
  district: ['区县', 'district', '区', '县'],
  township: ['乡镇', 'township', '镇', '街道', '镇街', '乡'],
};

export const UNIT_WORDS: Readonly<Record<WireUnit, readonly string[]>> = {
  count: ['计数', 'count'],
  percent: ['百分比', 'percent'],
  permille: ['千分比', 'permille'],
  cny: ['元', 'cny'],
  kg: ['千克', 'kg'],
  score: ['分', 'score'],
};

export const BETTER_WORDS: Readonly<Record<WireBetter, readonly string[]>> = {
  lower: ['越低越好', 'lower'],
  higher: ['越高越好', 'higher'],
  neutral: ['中性', 'neutral'],
};

/** (1.1) An indicator's aggregation. */
export const AGGREGATION_WORDS: Readonly<Record<WireAggregation, readonly string[]>> = {
  flow: ['流量', 'flow'],
  stock: ['存量', 'stock'],
  rate: ['比率', 'rate'],
  cumulative: ['累计', 'cumulative'],
};

/** (1.1) Which assessment score is better (rank 1 is always the best). */
export const SCORE_BETTER_WORDS: Readonly<Record<'higher' | 'lower', readonly string[]>> = {
  higher: ['较高为好', '越高越好', 'higher'],
  lower: ['较低为好', '越低越好', 'lower'],
};

/** (1.1) Why an empty year cell has no value, in the 缺失类型 (Missing status) column. */
export const STATUS_WORDS: Readonly<Record<WireStatus, readonly string[]>> = {
  missing: ['暂缺', '未报送', 'missing', 'not reported'],
  withheld: ['保密', 'withheld'],
  'not-applicable': ['不适用', 'not applicable', 'not-applicable'],
};

export const HEADLINE_WORDS: Readonly<Record<'yes' | 'no', readonly string[]>> = {
  yes: ['是', 'yes', 'true', '1'],
  no: ['否', 'no', 'false', '0'],
};

/** The word the template writes for a contract value. */
export function wordFor<V extends string>(words: Readonly<Record<V, readonly string[]>>, v: V) {
  return words[v][0] ?? v;
}

/** The contract value a choice word stands for, or null. */
export function choiceOf<V extends string>(
  words: Readonly<Record<V, readonly string[]>>,
  text: string,
): V | null {
  const key = labelKey(text);
  for (const [value, list] of Object.entries(words) as [V, readonly string[]][]) {
    if (list.some((w) => labelKey(w) === key)) return value;
  }
  return null;
}

/** Every accepted word, for dropdowns and messages. */
export function allWords(words: Readonly<Record<string, readonly string[]>>): string[] {
  return Object.values(words).flat();
}

/** 1 → A, 27 → AA. */
export function columnLetter(n: number): string {
  let s = '';
  for (let x = n; x > 0; x = Math.floor((x - 1) / 26)) {
    s = String.fromCharCode(65 + ((x - 1) % 26)) + s;
  }
  return s;
}
