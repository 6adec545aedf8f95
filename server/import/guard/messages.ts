/**
 * The guard's messages, in Chinese and English (as server/import/messages.ts): what is wrong,
 * the limit it crossed, and what to do. Every one ends in the same advice, because every one
 * means the file is not a filled-in template.
 */
import type { Message } from '../problem';

const n = (x: number) => x.toLocaleString('en-US');
/** 20 MB, 1.5 MB, 48.8 KB. */
const mb = (bytes: number) =>
  bytes >= 1024 * 1024
    ? `${n(Math.round((bytes / 1024 / 1024) * 10) / 10)} MB`
    : `${n(Math.round((bytes / 1024) * 10) / 10)} KB`;

const ADVICE: Message = {
  zh: '未写入任何数据。请使用下载的模板填写，或在 Excel 中把数据复制到新模板后另存为 .xlsx（导入限制见 docs/data-service.md）。',
  en: 'Nothing was written. Fill in the downloaded template, or copy the data into a fresh template in Excel and save it as .xlsx (limits: docs/data-service.md).',
};

const say = (zh: string, en: string): Message => ({
  zh: `${zh}${ADVICE.zh}`,
  en: `${en} ${ADVICE.en}`,
});

const CSV_ADVICE: Message = {
  zh: '未写入任何数据。CSV 文件只含数据表：一行表头，之后每个指标、地区一行（导入限制见 docs/data-service.md）。',
  en: 'Nothing was written. A CSV holds the Observations sheet only: one header row, then one row per indicator and region (limits: docs/data-service.md).',
};

const sayCsv = (zh: string, en: string): Message => ({
  zh: `${zh}${CSV_ADVICE.zh}`,
  en: `${en} ${CSV_ADVICE.en}`,
});

export const guardMessages = {
  fileTooLarge: (bytes: number, limit: number): Message =>
    say(
      `文件有 ${mb(bytes)}，超过导入上限 ${mb(limit)}。`,
      `The file is ${mb(bytes)}, over the import limit of ${mb(limit)}.`,
    ),
  tooManyParts: (count: number, limit: number): Message =>
    say(
      `工作簿（zip）内有 ${n(count)} 个部件，超过上限 ${n(limit)}。`,
      `The workbook (a zip) holds ${n(count)} parts, over the limit of ${n(limit)}.`,
    ),
  partTooLarge: (part: string, limit: number): Message =>
    say(
      `部件 ${part} 解压后超过 ${mb(limit)}（上限）。`,
      `The part ${part} inflates to more than ${mb(limit)} (the limit).`,
    ),
  workbookTooLarge: (limit: number): Message =>
    say(
      `工作簿解压后超过 ${mb(limit)}（上限）。`,
      `The workbook inflates to more than ${mb(limit)} in all (the limit).`,
    ),
  zipBomb: (part: string, ratio: number): Message =>
    say(
      `部件 ${part} 解压后是压缩大小的 ${n(ratio)} 倍以上（压缩炸弹）。`,
      `The part ${part} inflates to more than ${n(ratio)} times its compressed size (a zip bomb).`,
    ),
  sizeMismatch: (part: string): Message =>
    say(
      `部件 ${part} 解压后的大小与其声明不符，文件已损坏或被篡改。`,
      `The part ${part} inflates to more than it declares: the file is damaged or tampered with.`,
    ),
  macros: (what: string): Message =>
    say(
      `工作簿含有宏（${what}）。模板不含宏，导入程序不接受带宏的文件。请在 Excel 中另存为“Excel 工作簿 (*.xlsx)”（不含宏）后再导入。`,
      `The workbook contains macros (${what}). The template has none and the importer does not accept them: save it in Excel as "Excel Workbook (*.xlsx)", without macros, and import that.`,
    ),
  tooManyRows: (limit: number): Message =>
    say(
      `工作表超过 ${n(limit)} 行（上限）。`,
      `The sheet has more than ${n(limit)} rows (the limit).`,
    ),
  tooManyCells: (limit: number): Message =>
    say(
      `工作簿超过 ${n(limit)} 个单元格（上限）；超出发生在此工作表。`,
      `The workbook has more than ${n(limit)} cells (the limit); this sheet crossed it.`,
    ),
  beyondSheet: (what: Message, ref: string, rows: number, columns: number): Message =>
    say(
      `${what.zh}“${ref}”超出 Excel 工作表的范围（${n(rows)} 行、${n(columns)} 列）。`,
      `${what.en} "${ref}" lies beyond an Excel sheet (${n(rows)} rows, ${n(columns)} columns).`,
    ),
  dimensionTooLarge: (ref: string, rows: number): Message =>
    say(
      `工作表声明的范围“${ref}”超过 ${n(rows)} 行（上限）。`,
      `The sheet declares its used range as "${ref}", more than ${n(rows)} rows (the limit).`,
    ),
  tooManyColElements: (limit: number): Message =>
    say(
      `工作表的列格式定义（<col>）超过 ${n(limit)} 条（上限）。`,
      `The sheet has more than ${n(limit)} column definitions (<col>), the limit.`,
    ),
  tooMany: (what: Counted, limit: number): Message =>
    say(
      `${what.zh}超过 ${n(limit)} ${what.unitZh}（上限）。`,
      `${what.en} more than ${n(limit)} ${what.unitEn} (the limit).`,
    ),
  tagTooLong: (part: string, limit: number): Message =>
    say(
      `部件 ${part} 中有一个超过 ${mb(limit)} 的 XML 标记。`,
      `The part ${part} holds an XML tag longer than ${mb(limit)}.`,
    ),
  encrypted: (part: string): Message =>
    say(
      `部件 ${part} 已加密；请在 Excel 中取消密码后另存。`,
      `The part ${part} is encrypted; remove the password in Excel and save again.`,
    ),
  parseTimeout: (seconds: number): Message =>
    say(
      `读取工作簿超过 ${n(seconds)} 秒，已停止。`,
      `Reading the workbook took longer than ${n(seconds)} s and was stopped.`,
    ),
  parseMemory: (megabytes: number): Message =>
    say(
      `读取工作簿所需内存超过 ${n(megabytes)} MB，已停止。`,
      `Reading the workbook needed more than ${n(megabytes)} MB of memory and was stopped.`,
    ),
  parseFailed: (detail: string): Message =>
    say(`读取工作簿时出错（${detail}）。`, `Reading the workbook failed (${detail}).`),
  csvTooManyRows: (row: number, limit: number): Message =>
    sayCsv(
      `CSV 文件超过 ${n(limit)} 行（上限，含表头）：第 ${n(row)} 行起不再读取。`,
      `The CSV has more than ${n(limit)} rows (the limit, header included): reading stopped at row ${n(row)}.`,
    ),
  csvTooManyFields: (fields: number, limit: number): Message =>
    sayCsv(
      `这一行有 ${n(fields)} 个字段，超过上限 ${n(limit)}（Excel 的列数）。`,
      `This row has ${n(fields)} fields, more than the limit of ${n(limit)} (Excel's columns).`,
    ),
  csvFieldTooLong: (chars: number, limit: number): Message =>
    sayCsv(
      `这个字段有 ${n(chars)} 个字符，超过上限 ${n(limit)}（Excel 单元格的字符数）；可能缺少一个结束引号。`,
      `This field is ${n(chars)} characters long, more than the limit of ${n(limit)} (an Excel cell's text); a closing quote may be missing.`,
    ),
  csvRecordTooLong: (chars: number, limit: number): Message =>
    sayCsv(
      `这一行有 ${n(chars)} 个字符，超过上限 ${n(limit)}；可能缺少一个结束引号。`,
      `This row is ${n(chars)} characters long, more than the limit of ${n(limit)}; a closing quote may be missing.`,
    ),
  regionTooDeep: (id: string, depth: number, limit: number): Message => ({
    zh: `地区“${id}”位于第 ${n(depth)} 层（从无上级的地区数起），超过上限 ${n(limit)} 层；请检查上级编号是否形成了过长的链`,
    en: `The region "${id}" is ${n(depth)} levels deep (counting from a region without a parent), more than the limit of ${n(limit)}; check the parent IDs for an overlong chain`,
  }),
};

/** What `tooMany` counts: `${zh}超过 N ${unitZh}` / `${en} more than N ${unitEn}`. */
export interface Counted {
  zh: string;
  en: string;
  unitZh: string;
  unitEn: string;
}

export const COUNTED = {
  merges: {
    zh: '工作簿的合并单元格区域',
    en: 'The workbook has',
    unitZh: '个',
    unitEn: 'merged ranges',
  },
  mergedCells: {
    zh: '合并单元格区域共覆盖',
    en: 'Merged ranges cover',
    unitZh: '个单元格',
    unitEn: 'cells',
  },
  validations: {
    zh: '工作簿的数据验证规则',
    en: 'The workbook has',
    unitZh: '条',
    unitEn: 'data validation rules',
  },
  validatedCells: {
    zh: '数据验证规则共覆盖',
    en: 'Data validation rules cover',
    unitZh: '个单元格',
    unitEn: 'cells',
  },
  definedNames: {
    zh: '工作簿中定义的名称',
    en: 'The workbook has',
    unitZh: '个',
    unitEn: 'defined names',
  },
  namedCells: {
    zh: '定义的名称共覆盖',
    en: 'Defined names cover',
    unitZh: '个单元格',
    unitEn: 'cells',
  },
  sheets: { zh: '工作簿的工作表', en: 'The workbook has', unitZh: '个', unitEn: 'sheets' },
  rows: { zh: '工作簿的行数', en: 'The workbook has', unitZh: '行', unitEn: 'rows in all' },
  declaredColumns: {
    zh: '各工作表列格式定义（<col>）所声明的列数合计',
    en: 'The column definitions (<col>) of all sheets declare',
    unitZh: '列',
    unitEn: 'columns',
  },
  sharedStrings: {
    zh: '共享字符串',
    en: 'The shared strings hold',
    unitZh: '条',
    unitEn: 'entries',
  },
} as const satisfies Record<string, Counted>;

/** What `beyondSheet` is about. */
export const PLACE = {
  cell: { zh: '单元格', en: 'The cell' },
  row: { zh: '行', en: 'The row' },
  columns: { zh: '列范围', en: 'The column range' },
  dimension: { zh: '声明的范围', en: 'The declared range' },
} as const satisfies Record<string, Message>;
