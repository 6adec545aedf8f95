/**
 * The sheets that make up `meta`: 数据集, 地区, 大会战, 工作项目, 指标, 考评. Each reader returns
 * its records (with their row, for later messages) and the set of ids the sheet defines, which
 * other sheets check references against. A missing or unusable sheet gives `known: null`, and
 * references to it are then not checked (its own problem already says what is wrong).
 */
import type {
  WireAssessment,
  WireCampaign,
  WireIndicator,
  WireProgramme,
  WireRegion,
  WireText,
} from '@contract/wire-types';
import {
  AGGREGATION_WORDS,
  BETTER_WORDS,
  DATASET_FIELDS,
  HEADLINE_WORDS,
  LEVEL_WORDS,
  MAX_YEAR,
  MIN_YEAR,
  SCORE_BETTER_WORDS,
  UNIT_WORDS,
  choiceOf,
  matchesLabel,
} from '@contract/workbook/layout';
import type {
  ASSESSMENTS_SHEET,
  CAMPAIGNS_SHEET,
  DATASET_SHEET,
  DatasetField,
  DatasetFieldDef,
  INDICATORS_SHEET,
  Label,
  PROGRAMMES_SHEET,
  REGIONS_SHEET,
} from '@contract/workbook/layout';
import { LIMITS } from './guard/limits';
import { guardMessages } from './guard/messages';
import type { Cell } from './grid';
import { isBlank } from './grid';
import type { IdKind } from './messages';
import { ID_KIND, messages } from './messages';
import type { RowReader, Sheet, YearRange } from './sheet';
import {
  formulaFault,
  isCalendarDate,
  isFault,
  isoDate,
  labelText,
  readNumber,
  readText,
} from './sheet';

type KeyOf<S> = S extends { columns: readonly { key: infer K }[] } ? K : never;

export interface Rowed<T> {
  value: T;
  row: number;
}

export type KnownIds = ReadonlySet<string> | null;

export interface DatasetInfo {
  title: WireText | null;
  source: WireText | null;
  dataAsOf: string | null;
  years: YearRange | null;
}

const YEAR_BOUNDS = { min: MIN_YEAR, max: MAX_YEAR };
const NAME: Label = { zh: '名称', en: 'Name' };
const UNIT_LABEL: Label = { zh: '单位名称', en: 'Unit label' };
const DESCRIPTION: Label = { zh: '说明', en: 'Description' };
const SCOPE_NAME: Label = { zh: '排名范围名称', en: 'Scope name' };

/** (1.1) The years a region exists, for the observations sheet; null = unbounded. */
export interface Validity {
  from: number | null;
  to: number | null;
}

/** Regions with validity years (the others exist in every year). */
export function validityOf(regions: readonly Rowed<WireRegion>[]): Map<string, Validity> {
  const out = new Map<string, Validity>();
  for (const { value: r } of regions)
    if (r.validFrom !== undefined || r.validTo !== undefined)
      out.set(r.id, { from: r.validFrom ?? null, to: r.validTo ?? null });
  return out;
}

/** 数据集: key/value rows matched by the 项目 (Field) cell. */
export function readDataset(sheet: Sheet<KeyOf<typeof DATASET_SHEET>> | null): DatasetInfo {
  const info: DatasetInfo = { title: null, source: null, dataAsOf: null, years: null };
  if (!sheet?.usable) return info;
  const fieldCol = sheet.cols.get('field') ?? 0;
  const found = new Map<DatasetField, RowReader<KeyOf<typeof DATASET_SHEET>>>();
  for (const row of sheet.dataRows()) {
    const cell = row.cells[fieldCol];
    if (cell?.kind === 'formula') sheet.fault(row.number, fieldCol, formulaFault(cell));
    const text = labelText(cell);
    if (text === '') continue;
    const def = DATASET_FIELDS.find((f) => matchesLabel(text, f));
    if (!def) continue;
    const first = found.get(def.key);
    if (first) {
      sheet.fault(row.number, fieldCol, {
        code: 'duplicate-field',
        message: messages.duplicateField(def, first.rowNumber),
      });
      continue;
    }
    found.set(def.key, sheet.reader(row));
  }
  const filled = [...found.values()].some((r) => !isBlank(r.cell('zh')) || !isBlank(r.cell('en')));
  if (!filled) {
    sheet.problems.add(
      'dataset-sheet-empty',
      sheet.label,
      null,
      null,
      messages.datasetSheetEmpty(),
    );
    return info;
  }
  const need = (def: DatasetFieldDef) => {
    const r = found.get(def.key);
    if (!r)
      sheet.problems.add('missing-field', sheet.label, null, null, messages.missingField(def));
    return r ?? null;
  };
  const field = (key: DatasetField): DatasetFieldDef =>
    DATASET_FIELDS.find((f) => f.key === key) ?? { key, zh: key, en: key };
  /** A single value lives in the Chinese column; the English one is accepted when that is empty. */
  const single = (r: RowReader<KeyOf<typeof DATASET_SHEET>>): ['zh' | 'en', Cell | undefined] =>
    isBlank(r.cell('zh')) && !isBlank(r.cell('en')) ? ['en', r.cell('en')] : ['zh', r.cell('zh')];

  const title = need(field('title'));
  if (title) info.title = title.pair('zh', 'en', field('title'), true);
  const source = need(field('source'));
  if (source) info.source = source.pair('zh', 'en', field('source'), true);

  const asOf = need(field('dataAsOf'));
  if (asOf) {
    const [key, cell] = single(asOf);
    const label = field('dataAsOf');
    if (isBlank(cell)) {
      asOf.fail('zh', { code: 'missing-value', message: messages.missingValue(label) });
    } else if (cell?.kind === 'date') {
      const t = isoDate(cell.date);
      if (isCalendarDate(t)) info.dataAsOf = t;
      else asOf.fail(key, { code: 'bad-date', message: messages.badDate(t) });
    } else {
      const t = readText(cell);
      if (isFault(t)) asOf.fail(key, t);
      else if (t !== null) {
        if (isCalendarDate(t)) info.dataAsOf = t;
        else asOf.fail(key, { code: 'bad-date', message: messages.badDate(t) });
      }
    }
  }

  const year = (
    def: DatasetFieldDef,
  ): [number | null, RowReader<KeyOf<typeof DATASET_SHEET>> | null] => {
    const r = need(def);
    if (!r) return [null, null];
    const [key, cell] = single(r);
    const n = readNumber(cell);
    if (isFault(n)) {
      r.fail(key, n);
      return [null, r];
    }
    if (n === null) {
      if (cell?.kind !== 'merged')
        r.fail('zh', { code: 'missing-value', message: messages.missingValue(def) });
      return [null, r];
    }
    if (!Number.isInteger(n)) {
      r.fail(key, { code: 'not-integer', message: messages.notInteger(def, n) });
      return [null, r];
    }
    if (n < YEAR_BOUNDS.min || n > YEAR_BOUNDS.max) {
      r.fail(key, {
        code: 'out-of-range',
        message: messages.outOfRange(def, n, YEAR_BOUNDS.min, YEAR_BOUNDS.max),
      });
      return [null, r];
    }
    return [n, r];
  };
  const [first] = year(field('firstYear'));
  const [last, lastRow] = year(field('lastYear'));
  if (first !== null && last !== null) {
    if (first > last) {
      lastRow?.fail(sheet.cols.get('zh') ?? null, {
        code: 'bad-year-range',
        message: messages.badYearRange(first, last),
      });
    } else {
      const set = new Set<number>();
      for (let y = first; y <= last; y++) set.add(y);
      info.years = { first, last, set };
    }
  }
  return info;
}

/**
 * Shared by every id-keyed sheet (which all have the columns id, nameZh and nameEn): the id,
 * unique within the sheet, and the name in at least one language.
 */
function idAndName<K extends string>(
  r: RowReader<K>,
  firstRow: Map<string, number>,
  known: Set<string>,
): { id: string | null; name: WireText | null } {
  const id = r.id('id' as K, true);
  if (id !== null) {
    known.add(id);
    const first = firstRow.get(id);
    if (first !== undefined) {
      r.fail('id' as K, { code: 'duplicate-id', message: messages.duplicateId(id, first) });
    } else firstRow.set(id, r.rowNumber);
  }
  const name = r.pair('nameZh' as K, 'nameEn' as K, NAME, true);
  return { id, name };
}

/** Check an optional reference; an unknown id is a problem in that column. */
export function checkRef<K extends string>(
  r: RowReader<K>,
  key: K,
  id: string | null,
  known: KnownIds,
  kind: IdKind,
): boolean {
  if (id === null || known === null || known.has(id)) return true;
  r.fail(key, { code: 'unknown-id', message: messages.unknownId(kind, id) });
  return false;
}

interface Sheetful<T> {
  records: Rowed<T>[];
  known: KnownIds;
}

function rowsOf<K extends string, T>(
  sheet: Sheet<K> | null,
  read: (r: RowReader<K>, firstRow: Map<string, number>, known: Set<string>) => T | null,
): Sheetful<T> {
  if (!sheet?.usable) return { records: [], known: null };
  const firstRow = new Map<string, number>();
  const known = new Set<string>();
  const records: Rowed<T>[] = [];
  for (const row of sheet.dataRows()) {
    const r = sheet.reader(row);
    const value = read(r, firstRow, known);
    if (value !== null && r.ok) records.push({ value, row: row.number });
  }
  return { records, known };
}

function noRows(sheet: Sheet<string> | null, records: readonly unknown[]) {
  if (sheet?.usable && records.length === 0 && sheet.dataRows().length === 0) {
    sheet.problems.add('no-rows', sheet.label, null, null, messages.noRows(sheet.def));
  }
}

interface RegionLink {
  id: string;
  parent: string;
  name: WireText | null;
  row: RowReader<KeyOf<typeof REGIONS_SHEET>>;
}

export function readRegions(
  sheet: Sheet<KeyOf<typeof REGIONS_SHEET>> | null,
): Sheetful<WireRegion> {
  // Every row's parent link (first row of an id only), valid or not, so that a missing parent
  // is reported even on a row with other problems.
  const links = new Map<string, RegionLink>();
  const out = rowsOf(sheet, (r, firstRow, known) => {
    const { id, name } = idAndName(r, firstRow, known);
    const duplicate = id !== null && firstRow.get(id) !== r.rowNumber;
    const level = r.choice('level', LEVEL_WORDS, true);
    const parent = r.id('parent', false);
    if (id !== null && parent !== null && !duplicate) links.set(id, { id, parent, name, row: r });
    const validFrom = r.integer('validFrom', false, YEAR_BOUNDS.min, YEAR_BOUNDS.max);
    const validTo = r.integer('validTo', false, YEAR_BOUNDS.min, YEAR_BOUNDS.max);
    if (validFrom !== null && validTo !== null && validFrom > validTo)
      r.fail('validTo', {
        code: 'bad-validity',
        message: messages.badValidity(validFrom, validTo),
      });
    if (id === null || level === null || name === null) return null;
    return {
      id,
      level,
      parent,
      name,
      ...(validFrom !== null ? { validFrom } : {}),
      ...(validTo !== null ? { validTo } : {}),
    };
  });
  noRows(sheet, out.records);
  const known = out.known;
  if (known === null) return out;

  const linked = new Map<string, RegionLink>();
  for (const link of links.values()) {
    if (known.has(link.parent)) linked.set(link.id, link);
    else
      link.row.fail('parent', {
        code: 'parent-missing',
        message: messages.parentMissing(link.id, link.name, link.parent),
      });
  }
  // Cycles: follow parents; each cycle is reported once, on the first of its rows.
  const state = new Map<string, 'visiting' | 'done'>();
  for (const start of linked.values()) {
    const trail: string[] = [];
    let id: string | undefined = start.id;
    while (id !== undefined && !state.has(id)) {
      state.set(id, 'visiting');
      trail.push(id);
      id = linked.get(id)?.parent;
    }
    if (id !== undefined && state.get(id) === 'visiting') {
      const cycle = trail.slice(trail.indexOf(id));
      const rowOf = (x: string) => linked.get(x)?.row.rowNumber ?? Infinity;
      const at = cycle.reduce((best, x, i) => (rowOf(x) < rowOf(cycle[best] ?? '') ? i : best), 0);
      const chain = [...cycle.slice(at), ...cycle.slice(0, at)];
      const firstId = chain[0] ?? id;
      linked.get(firstId)?.row.fail('parent', {
        code: 'parent-cycle',
        message: messages.parentCycle([...chain, firstId]),
      });
    }
    for (const t of trail) state.set(t, 'done');
  }
  reportTooDeep(linked);
  // Any problem here means no data is returned at all, so the records need no filtering.
  return out;
}

/**
 * A parent chain longer than the limit (the contract has four levels) is reported once, on the
 * first row (in sheet order) that is too deep: region paths grow with the square of the depth.
 */
function reportTooDeep(linked: ReadonlyMap<string, RegionLink>, limit = LIMITS.regionDepth) {
  const depth = new Map<string, number>();
  for (const link of linked.values()) {
    const trail: string[] = [];
    const onTrail = new Set<string>();
    let id: string | undefined = link.id;
    while (id !== undefined && linked.has(id) && !depth.has(id) && !onTrail.has(id)) {
      trail.push(id);
      onTrail.add(id);
      id = linked.get(id)?.parent;
    }
    // Above the trail: a known depth, a region without a parent (depth 1), or a cycle (reported).
    let d = id === undefined ? 0 : onTrail.has(id) ? NaN : (depth.get(id) ?? 1);
    for (let i = trail.length - 1; i >= 0; i--) depth.set(trail[i] ?? '', ++d);
    const own = depth.get(link.id) ?? NaN;
    if (own > limit) {
      link.row.fail('parent', {
        code: 'region-too-deep',
        message: guardMessages.regionTooDeep(link.id, own, limit),
      });
      return;
    }
  }
}

export function readCampaigns(
  sheet: Sheet<KeyOf<typeof CAMPAIGNS_SHEET>> | null,
): Sheetful<WireCampaign> {
  return rowsOf(sheet, (r, firstRow, known) => {
    const { id, name } = idAndName(r, firstRow, known);
    const [min, max] = [YEAR_BOUNDS.min, YEAR_BOUNDS.max];
    const startYear = r.integer('startYear', true, min, max);
    const endYear = r.integer('endYear', true, min, max);
    const baselineYear = r.integer('baselineYear', true, min, max);
    if (startYear !== null && endYear !== null && startYear > endYear) {
      r.fail('endYear', {
        code: 'campaign-years',
        message: messages.campaignEndBeforeStart(startYear, endYear),
      });
    }
    if (startYear !== null && baselineYear !== null && baselineYear >= startYear) {
      r.fail('baselineYear', {
        code: 'campaign-years',
        message: messages.campaignBaseline(baselineYear, startYear),
      });
    }
    if (id === null || name === null || startYear === null || endYear === null) return null;
    if (baselineYear === null) return null;
    return { id, name, startYear, endYear, baselineYear };
  });
}

export function readProgrammes(
  sheet: Sheet<KeyOf<typeof PROGRAMMES_SHEET>> | null,
): Sheetful<WireProgramme> {
  return rowsOf(sheet, (r, firstRow, known) => {
    const { id, name } = idAndName(r, firstRow, known);
    return id === null || name === null ? null : { id, name };
  });
}

/** 是/否/yes/no/true/false/1/0, an Excel TRUE/FALSE or a 1/0 number; empty = false. */
function readHeadline(r: RowReader<KeyOf<typeof INDICATORS_SHEET>>): boolean | null {
  const cell = r.cell('headline');
  if (cell?.kind === 'bool') return cell.value;
  const t = r.text('headline');
  if (t === null) return false;
  const v = choiceOf(HEADLINE_WORDS, t);
  if (v === null) {
    r.fail('headline', {
      code: 'invalid-choice',
      message: messages.invalidChoice(
        r.sheet.column('headline'),
        t,
        Object.values(HEADLINE_WORDS).flat(),
      ),
    });
    return null;
  }
  return v === 'yes';
}

export function readIndicators(
  sheet: Sheet<KeyOf<typeof INDICATORS_SHEET>> | null,
  programmes: KnownIds,
): Sheetful<WireIndicator> {
  const out = rowsOf(sheet, (r, firstRow, known) => {
    const { id, name } = idAndName(r, firstRow, known);
    const unit = r.choice('unit', UNIT_WORDS, true);
    const unitLabel = r.pair('unitLabelZh', 'unitLabelEn', UNIT_LABEL, false);
    const decimals = r.integer('decimals', true, 0, 4);
    const better = r.choice('better', BETTER_WORDS, true);
    const programme = r.id('programme', false);
    checkRef(r, 'programme', programme, programmes, ID_KIND.programme);
    const headline = readHeadline(r);
    const description = r.pair('descriptionZh', 'descriptionEn', DESCRIPTION, false);
    const aggregation = r.choice('aggregation', AGGREGATION_WORDS, false);
    if (id === null || name === null || unit === null || decimals === null || better === null)
      return null;
    return {
      id,
      name,
      unit,
      ...(unitLabel ? { unitLabel } : {}),
      decimals,
      better,
      programme,
      ...(headline ? { headline: true } : {}),
      ...(description ? { description } : {}),
      ...(aggregation ? { aggregation } : {}),
    };
  });
  noRows(sheet, out.records);
  return out;
}

export function readAssessments(
  sheet: Sheet<KeyOf<typeof ASSESSMENTS_SHEET>> | null,
  regions: KnownIds,
): Sheetful<WireAssessment> {
  return rowsOf(sheet, (r, firstRow, known) => {
    const { id, name } = idAndName(r, firstRow, known);
    const scope = r.id('scope', false);
    checkRef(r, 'scope', scope, regions, ID_KIND.scope);
    const scopeName = r.pair('scopeNameZh', 'scopeNameEn', SCOPE_NAME, false);
    // (1.1) No scope region: the ranking body is outside the data, and its name says which.
    const blank = (['scope', 'scopeNameZh', 'scopeNameEn'] as const).every((k) =>
      isBlank(r.cell(k)),
    );
    if (blank && r.cell('scope')?.kind !== 'merged')
      r.fail('scope', { code: 'missing-value', message: messages.scopeMissing() });
    const better = r.choice('better', SCORE_BETTER_WORDS, false);
    const scoreDecimals = r.integer('scoreDecimals', false, 0, 4);
    if (id === null || name === null || (scope === null && scopeName === null)) return null;
    return {
      id,
      name,
      scope,
      ...(scopeName ? { scopeName } : {}),
      ...(better ? { better } : {}),
      ...(scoreDecimals !== null ? { scoreDecimals } : {}),
    };
  });
}
