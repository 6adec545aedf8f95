/**
 * fast-check arbitraries for API responses (CONTRACT.md, version 1): valid ones, and ones broken
 * in every way the contract's "Data that breaks the rules" names — wrong types, unknown ids,
 * duplicated cells, rank > of, NaN/Infinity written as strings, huge strings, deep nesting, empty
 * and missing arrays, missing meta fields, extra unknown fields, markup in labels.
 *
 * Every generated record carries what a correct client must do with it: keep it (`keep` is the
 * parsed record it must become) or drop it and report it (`drop` names the field and the
 * acceptable reasons). Properties compare the parser and the views with this model, built from
 * the contract, never with the parser's own output.
 */
import fc from 'fast-check';
import type {
  Assessment,
  Campaign,
  Indicator,
  IssueReason,
  Localized,
  Meta,
  Observation,
  Programme,
  Ranking,
  Region,
  RegionLevel,
} from '@contract/types';
import { REGION_LEVELS } from '@contract/types';

// ---------------------------------------------------------------------------------------------
// Options and model types
// ---------------------------------------------------------------------------------------------

export interface GenOptions {
  /** Only what JSON can carry (no NaN/Infinity numbers, no -0, no undefined, no BigInt). */
  json: boolean;
  /**
   * Only objects as records of observation/ranking lists. The demo server (contract/filter.ts)
   * filters lists by reading fields of each record, so it cannot serve `null` as a record.
   */
  objectRecords: boolean;
  maxYears: number;
  maxRegions: number;
  maxIndicators: number;
  maxObservations: number;
  maxRankings: number;
  /** Broken records per list (meta arrays, observations, rankings). */
  maxBroken: number;
  /**
   * Broken meta records without a usable id of their own (not an object, an array, id missing
   * or not a valid id). Two of those at the same index of different meta arrays get the same
   * notice key, and the notice merges them (known bug, pinned in views.property.test.tsx), so
   * the view properties leave them to the parse properties.
   */
  idlessMetaBreaks: boolean;
  /**
   * Non-zero yuan amounts under 50, which the Chinese cards round to "0万元" (known bug, pinned
   * in views.property.test.tsx); the view properties leave them out.
   */
  smallYuan: boolean;
  /** How often (%) a whole dataset is generated without any broken record. */
  cleanPercent: number;
}

export const PARSE_OPTIONS: GenOptions = {
  json: false,
  objectRecords: false,
  maxYears: 4,
  maxRegions: 6,
  maxIndicators: 3,
  maxObservations: 30,
  maxRankings: 16,
  maxBroken: 8,
  idlessMetaBreaks: true,
  smallYuan: true,
  cleanPercent: 10,
};

export const VIEW_OPTIONS: GenOptions = {
  json: true,
  objectRecords: true,
  maxYears: 4,
  maxRegions: 6,
  maxIndicators: 3,
  maxObservations: 24,
  maxRankings: 10,
  maxBroken: 4,
  idlessMetaBreaks: true,
  smallYuan: true,
  cleanPercent: 20,
};

/** What the parser must report for a dropped record. */
export interface ExpectedDrop {
  kind: string;
  /** The field the issue must name; a nested path below it (note.zh) also counts. */
  field: string;
  reasons: readonly IssueReason[];
}

/** One record of a list, in response order, with the model's verdict. */
export interface Tagged<Out> {
  raw: unknown;
  keep: Out | null;
  drop: ExpectedDrop | null;
}

/** An issue the meta parser must report; index is the position in its array, or null. */
export interface ExpectedMetaIssue extends ExpectedDrop {
  index: number | null;
}

export type MetaCase =
  | { throws: true; kind: string; wire: unknown }
  | {
      throws: false;
      wire: Record<string, unknown>;
      meta: Meta;
      issues: ExpectedMetaIssue[];
      /** Hostile (markup) labels of records that are kept. */
      hostile: string[];
      /** Nothing broken anywhere in this dataset (meta, observations, rankings). */
      clean: boolean;
      /** Ids of meta records that were dropped: records referring to them must be dropped too. */
      deadIds: { indicators: string[]; regions: string[]; assessments: string[] };
    };

export type OkMetaCase = Extract<MetaCase, { throws: false }>;

export interface ListCase<Out> {
  /** The response body. */
  body: unknown;
  /** Set when the body is not the contract's shape at all: the parser must throw. */
  shapeBreak: string | null;
  records: Tagged<Out>[];
}

// ---------------------------------------------------------------------------------------------
// Text, ids, values
// ---------------------------------------------------------------------------------------------

export const HOSTILE_LABELS = [
  '<img src=x onerror=alert(1)>',
  '<script>alert(1)</script>',
  '"><svg onload=alert(1)>',
  '<b>加粗</b>',
  '{{count}}',
  '$t(app.title)',
  '&lt;tag&gt; &amp;',
  "'; DROP TABLE observations; --",
] as const;
const HOSTILE_SET: ReadonlySet<string> = new Set(HOSTILE_LABELS);

const PLAIN_LABELS = [
  '龙华区',
  '海口市',
  '城西镇',
  '新发现吸毒人员',
  '严打击',
  'Longhua',
  'Chengxi Town',
  'Ünïcödé',
  '🙂 emoji',
  'x',
] as const;

const collapse = (s: string) => s.replace(/\s+/g, ' ').trim();

/** Printable label text, whitespace already collapsed (as the DOM text matchers see it). */
export const textArb: fc.Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...HOSTILE_LABELS) },
  { weight: 3, arbitrary: fc.constantFrom(...PLAIN_LABELS) },
  {
    weight: 2,
    arbitrary: fc
      .string({ unit: 'grapheme', minLength: 1, maxLength: 16 })
      .map(collapse)
      .filter((s) => s.length > 0),
  },
);

/** 10,000 characters: over every length limit a client may reasonably set for labels and ids. */
export const hugeArb: fc.Arbitrary<string> = fc
  .constantFrom('x', '长', '<')
  .map((c) => c.repeat(10_000));

/** An object/array nested `depth` levels deep. */
export function nest(depth: number, leaf: unknown = 'leaf'): unknown {
  let v: unknown = leaf;
  for (let i = 0; i < depth; i++) v = i % 2 === 0 ? { n: v } : [v];
  return v;
}
const deepArb = fc.integer({ min: 50, max: 800 }).map((d) => nest(d));

export interface GenLocalized {
  wire: unknown;
  out: Localized;
}

/** A valid {zh, en}: both, one missing, one empty or null, padded with spaces, extra keys. */
export const localizedArb: fc.Arbitrary<GenLocalized> = fc
  .tuple(
    textArb,
    textArb,
    fc.constantFrom('both', 'zh-only', 'en-only', 'zh-empty', 'en-null', 'padded', 'extra-key'),
  )
  .map(([zh, en, form]): GenLocalized => {
    switch (form) {
      case 'zh-only':
        return { wire: { zh }, out: { zh, en: zh } };
      case 'en-only':
        return { wire: { en }, out: { zh: en, en } };
      case 'zh-empty':
        return { wire: { zh: '', en }, out: { zh: en, en } };
      case 'en-null':
        return { wire: { zh, en: null }, out: { zh, en: zh } };
      case 'padded':
        return { wire: { zh: `  ${zh} `, en: `\n${en}\t` }, out: { zh, en } };
      case 'extra-key':
        return { wire: { zh, en, fr: 'étiquette' }, out: { zh, en } };
      default:
        return { wire: { zh, en }, out: { zh, en } };
    }
  });

const ID_UNITS = Array.from('abcdefghijklmnopqrstuvwxyz0123456789-_.区镇');
/**
 * Valid ids. No commas or surrounding blanks: the contract passes ids in comma-separated query
 * parameters, so such ids could not be asked for. Never starting with "bad-" or "zz-", which
 * broken records use so that they never collide with valid ones.
 */
export const idArb: fc.Arbitrary<string> = fc.oneof(
  {
    weight: 9,
    arbitrary: fc
      .string({ unit: fc.constantFrom(...ID_UNITS), minLength: 1, maxLength: 10 })
      .filter((s) => !s.startsWith('bad-') && !s.startsWith('zz-')),
  },
  {
    weight: 1,
    arbitrary: fc.constantFrom(
      '__proto__',
      'constructor',
      'toString',
      '0',
      '460106',
      'hasOwnProperty',
    ),
  },
);

/** Unknown fields a newer server may add (forward compatibility): must be ignored. */
const EXTRA_KEYS = ['comment', 'x-source', 'links', 'constructor', '__proto__', '<script>', '备注'];
const extrasArb: fc.Arbitrary<[string, unknown][]> = fc.uniqueArray(
  fc.tuple(
    fc.constantFrom(...EXTRA_KEYS),
    fc.oneof(
      fc.jsonValue({ maxDepth: 2 }),
      deepArb,
      hugeArb,
      fc.constantFrom<unknown>(...HOSTILE_LABELS),
    ),
  ),
  { maxLength: 2, selector: ([k]) => k },
);

/** Copy `base` and add unknown fields as own properties (even "__proto__", as JSON.parse does). */
function withExtras(base: Record<string, unknown>, extras: [string, unknown][] | undefined) {
  const out: Record<string, unknown> = { ...base };
  for (const [k, v] of extras ?? []) {
    Object.defineProperty(out, k, {
      value: v,
      enumerable: true,
      writable: true,
      configurable: true,
    });
  }
  return out;
}

function pick<T>(list: readonly T[], n: number): T {
  if (list.length === 0) throw new Error('pick from an empty list');
  return list[n % list.length] as T;
}

/** `arb` about once in `1 + rest` draws, else `nil`. */
function rarely<T, N>(arb: fc.Arbitrary<T>, nil: N, rest = 3): fc.Arbitrary<T | N> {
  return fc.oneof({ weight: rest, arbitrary: fc.constant(nil) }, { weight: 1, arbitrary: arb });
}

/** `arb` in `percent`% of draws, else null. */
function percentOf<T>(arb: fc.Arbitrary<T>, percent: number): fc.Arbitrary<T | null> {
  if (percent <= 0) return fc.constant(null);
  return fc.oneof(
    { weight: 100 - percent, arbitrary: fc.constant(null) },
    { weight: percent, arbitrary: arb },
  );
}

/** A copy without `key` (a field that is absent, not undefined). */
function without(rec: Record<string, unknown>, key: string): Record<string, unknown> {
  const out = { ...rec };
  Reflect.deleteProperty(out, key);
  return out;
}

/** A value published with `decimals` decimals: k / 10^decimals. */
function valueArb(
  decimals: number,
  unit: Indicator['unit'],
  opts: GenOptions,
): fc.Arbitrary<number | null> {
  const scaled = (min: number, max: number) =>
    fc.integer({ min, max }).map((k) => k / 10 ** decimals);
  const arbs: fc.WeightedArbitrary<number | null>[] = [
    { weight: 2, arbitrary: fc.constant(null) },
    { weight: 2, arbitrary: fc.constant(0) },
    { weight: 5, arbitrary: scaled(1, 1_000_000) },
    { weight: 2, arbitrary: scaled(1, 99) },
    { weight: 1, arbitrary: scaled(-50_000, -1) },
    { weight: 1, arbitrary: fc.integer({ min: 1_000_000, max: 2_000_000_000 }) },
  ];
  if (unit === 'cny' && !opts.smallYuan) {
    return fc
      .oneof(...arbs)
      .map((v) => (v !== null && v !== 0 && Math.abs(v) < 50 ? Math.sign(v) * 50 : v));
  }
  if (!opts.json) {
    arbs.push({
      weight: 1,
      arbitrary: fc.constantFrom(-0, Number.MAX_VALUE, Number.MIN_VALUE, -1e300, 1e-9),
    });
  }
  return fc.oneof(...arbs);
}

function finiteArb(opts: GenOptions): fc.Arbitrary<number> {
  return fc
    .double({ noNaN: true, noDefaultInfinity: true, min: -1e9, max: 1e9 })
    .map((x) => (opts.json && Object.is(x, -0) ? 0 : x));
}

const UNITS = ['count', 'percent', 'permille', 'cny', 'kg', 'score'] as const;
const BETTER = ['lower', 'higher', 'neutral'] as const;

// ---------------------------------------------------------------------------------------------
// Placing records: valid and broken ones interleaved, duplicates after their original
// ---------------------------------------------------------------------------------------------

interface Slotted<Out> extends Tagged<Out> {
  slot: number;
}

/** Sort by slot, stably: valid records first among equals, so a duplicate follows its original. */
function place<Out>(valid: Slotted<Out>[], broken: Slotted<Out>[]): Tagged<Out>[] {
  return [...valid, ...broken]
    .map((r, order) => ({ r, order }))
    .sort((a, b) => a.r.slot - b.r.slot || a.order - b.order)
    .map(({ r }) => ({ raw: r.raw, keep: r.keep, drop: r.drop }));
}

const slotArb = fc.nat(1000);

interface BrokenPick {
  kind: number;
  n: number;
  slot: number;
}
function brokenPicksArb(kinds: number, max: number): fc.Arbitrary<BrokenPick[]> {
  return fc.array(fc.record({ kind: fc.nat(kinds - 1), n: fc.nat(), slot: slotArb }), {
    maxLength: max,
  });
}

// ---------------------------------------------------------------------------------------------
// Meta
// ---------------------------------------------------------------------------------------------

interface Entity<Out> {
  wire: Record<string, unknown>;
  out: Out;
  slot: number;
}

function hostileOf(...labels: (Localized | null | undefined)[]): string[] {
  return labels.flatMap((l) => (l ? [l.zh, l.en].filter((s) => HOSTILE_SET.has(s)) : []));
}

interface World {
  years: number[];
  regions: Entity<Region>[];
  programmes: Entity<Programme>[];
  indicators: Entity<Indicator>[];
  campaigns: Entity<Campaign>[];
  assessments: Entity<Assessment>[];
}

const levelAt = (i: number): RegionLevel => REGION_LEVELS[Math.min(i, 3)] ?? 'township';

function regionsArb(opts: GenOptions): fc.Arbitrary<Entity<Region>[]> {
  return fc.uniqueArray(idArb, { minLength: 1, maxLength: opts.maxRegions }).chain((ids) =>
    fc
      .tuple(
        ...ids.map(() =>
          fc.record({
            parentPick: fc.nat(),
            rootLevel: fc.nat(2),
            oddLevel: rarely(fc.constantFrom(...REGION_LEVELS), null, 7),
            name: localizedArb,
            extras: rarely(extrasArb, undefined),
            slot: slotArb,
          }),
        ),
      )
      .map((specs) => {
        // A forest by construction: each region's parent comes earlier in generation order.
        const depth: number[] = [];
        const base: number[] = [];
        return specs.map((s, i): Entity<Region> => {
          const id = ids[i] ?? '';
          const p = s.parentPick % (i + 1);
          const parent = p === i ? null : (ids[p] ?? null);
          depth[i] = parent === null ? 0 : (depth[p] ?? 0) + 1;
          base[i] = parent === null ? s.rootLevel : (base[p] ?? 0);
          const level = s.oddLevel ?? levelAt((base[i] ?? 0) + (depth[i] ?? 0));
          return {
            wire: withExtras({ id, level, parent, name: s.name.wire }, s.extras),
            out: { id, level, parent, name: s.name.out },
            slot: s.slot,
          };
        });
      }),
  );
}

function worldArb(opts: GenOptions): fc.Arbitrary<World> {
  const yearsArb = fc
    .uniqueArray(fc.integer({ min: 2010, max: 2025 }), { minLength: 1, maxLength: opts.maxYears })
    .map((ys) => [...ys].sort((a, b) => a - b));
  const programmesArb = fc.uniqueArray(
    fc.record({ id: idArb, name: localizedArb, slot: slotArb }),
    { maxLength: 2, selector: (p) => p.id },
  );
  return fc
    .record({ years: yearsArb, regions: regionsArb(opts), programmes: programmesArb })
    .chain(({ years, regions, programmes }) => {
      const regionIds = regions.map((r) => r.out.id);
      const indicatorsArb = fc
        .uniqueArray(
          fc.record({
            id: idArb,
            name: localizedArb,
            unit: fc.constantFrom(...UNITS),
            decimals: fc.integer({ min: 0, max: 4 }),
            better: fc.constantFrom(...BETTER),
            programmePick: fc.option(fc.nat(), { nil: undefined }),
            programmeAbsent: fc.boolean(),
            headline: fc.option(fc.boolean(), { nil: undefined }),
            unitLabel: fc.option(fc.option(localizedArb), { nil: undefined }),
            description: fc.option(fc.option(localizedArb), { nil: undefined }),
            extras: rarely(extrasArb, undefined),
            slot: slotArb,
          }),
          { minLength: 1, maxLength: opts.maxIndicators, selector: (i) => i.id },
        )
        // Cards are found by the indicator's name: keep names distinct in each language.
        .filter(
          (list) =>
            new Set(list.map((i) => i.name.out.zh)).size === list.length &&
            new Set(list.map((i) => i.name.out.en)).size === list.length,
        );
      const campaignsArb = fc.uniqueArray(
        fc.record({
          id: idArb,
          name: localizedArb,
          start: fc.integer({ min: 2008, max: 2026 }),
          length: fc.nat(4),
          gap: fc.integer({ min: 1, max: 3 }),
          slot: slotArb,
        }),
        { maxLength: 2, selector: (c) => c.id },
      );
      const assessmentsArb = fc.uniqueArray(
        fc.record({ id: idArb, name: localizedArb, scopePick: fc.nat(), slot: slotArb }),
        { maxLength: 2, selector: (a) => a.id },
      );
      return fc
        .record({
          indicators: indicatorsArb,
          campaigns: campaignsArb,
          assessments: assessmentsArb,
        })
        .map((rest): World => ({
          years,
          regions,
          programmes: programmes.map((p) => ({
            wire: { id: p.id, name: p.name.wire },
            out: { id: p.id, name: p.name.out },
            slot: p.slot,
          })),
          indicators: rest.indicators.map((i) => {
            const programme =
              i.programmePick === undefined || programmes.length === 0
                ? null
                : pick(programmes, i.programmePick).id;
            const wire: Record<string, unknown> = {
              id: i.id,
              name: i.name.wire,
              unit: i.unit,
              decimals: i.decimals,
              better: i.better,
            };
            if (programme !== null || !i.programmeAbsent) wire.programme = programme;
            if (i.headline !== undefined) wire.headline = i.headline;
            if (i.unitLabel !== undefined) wire.unitLabel = i.unitLabel?.wire ?? null;
            if (i.description !== undefined) wire.description = i.description?.wire ?? null;
            return {
              wire: withExtras(wire, i.extras),
              out: {
                id: i.id,
                name: i.name.out,
                unit: i.unit,
                unitLabel: i.unitLabel?.out ?? null,
                decimals: i.decimals,
                better: i.better,
                programme,
                headline: i.headline ?? false,
                description: i.description?.out ?? null,
              },
              slot: i.slot,
            };
          }),
          campaigns: rest.campaigns.map((c) => {
            const out = {
              id: c.id,
              name: c.name.out,
              startYear: c.start,
              endYear: c.start + c.length,
              baselineYear: c.start - c.gap,
            };
            return {
              wire: { ...out, name: c.name.wire },
              out,
              slot: c.slot,
            };
          }),
          assessments: rest.assessments.map((a) => {
            const scope = pick(regionIds, a.scopePick);
            return {
              wire: { id: a.id, name: a.name.wire, scope },
              out: { id: a.id, name: a.name.out, scope },
              slot: a.slot,
            };
          }),
        }));
    });
}

/** A broken meta record: a template made wrong in exactly one way. */
interface MetaBreak {
  kind: string;
  field: string;
  reasons: readonly IssueReason[];
  /** Records to add; `dupOf` places the record after that valid record's slot. */
  make: (ctx: { fresh: string; n: number; valid: Entity<unknown>[] }) => {
    raws: unknown[];
    dupOf?: number;
    /** The record's id is not in meta afterwards (unless it duplicates a valid one). */
    dead?: string;
  } | null;
}

const NOT_OBJECTS: readonly unknown[] = [null, 'record', 42, true];
/** Arrays are objects to the record schemas, so an array record lacks the first field. */
const ARRAYS: readonly unknown[] = [[], [{ id: 'x' }], ['id']];
const goodName = { zh: '坏记录', en: 'bad record' };

function templateBreaks(
  template: (id: string) => Record<string, unknown>,
  changes: { kind: string; field: string; reasons: readonly IssueReason[]; values: unknown[] }[],
): MetaBreak[] {
  const out: MetaBreak[] = changes.map((c) => ({
    kind: c.kind,
    field: c.field,
    reasons: c.reasons,
    make: ({ fresh, n }) => {
      const value = pick(c.values, n);
      const base = template(fresh);
      return {
        raws: [value === ABSENT ? without(base, c.field) : { ...base, [c.field]: value }],
        dead: fresh,
      };
    },
  }));
  out.push(
    {
      kind: 'not-object',
      field: '(record)',
      reasons: ['invalid'],
      make: ({ n }) => ({ raws: [pick(NOT_OBJECTS, n)] }),
    },
    {
      kind: 'array-record',
      field: 'id',
      reasons: ['missing'],
      make: ({ n }) => ({ raws: [pick(ARRAYS, n)] }),
    },
    {
      kind: 'duplicate-id',
      field: 'id',
      reasons: ['duplicate'],
      make: ({ n, valid }) => {
        if (valid.length === 0) return null;
        const index = n % valid.length;
        const original = valid[index];
        if (!original) return null;
        return { raws: [{ ...original.wire, name: goodName }], dupOf: index };
      },
    },
  );
  return out;
}

const ABSENT = Symbol('absent');

const NAME_BREAKS = [
  { kind: 'name-missing', field: 'name', reasons: ['missing'] as const, values: [ABSENT] },
  {
    kind: 'name-invalid',
    field: 'name',
    reasons: ['invalid'] as const,
    values: ['龙华区', { zh: '', en: '  ' }, { zh: null }, 42, [], nest(300)],
  },
  {
    kind: 'name-huge',
    field: 'name',
    reasons: ['invalid'] as const,
    values: [{ zh: 'x'.repeat(10_000), en: 'ok' }, { en: '长'.repeat(10_000) }],
  },
];
const ID_BREAKS = [
  { kind: 'id-missing', field: 'id', reasons: ['missing'] as const, values: [ABSENT] },
  {
    kind: 'id-invalid',
    field: 'id',
    reasons: ['invalid'] as const,
    values: [42, '', null, 'x'.repeat(10_000), { id: 'x' }],
  },
];

function regionBreaks(): MetaBreak[] {
  const template = (id: string) => ({ id, level: 'district', parent: null, name: goodName });
  return [
    ...templateBreaks(template, [
      ...NAME_BREAKS,
      ...ID_BREAKS,
      {
        kind: 'level-invalid',
        field: 'level',
        reasons: ['invalid'],
        values: ['county', 'District', 3, null],
      },
      { kind: 'level-missing', field: 'level', reasons: ['missing'], values: [ABSENT] },
      { kind: 'parent-missing', field: 'parent', reasons: ['missing'], values: [ABSENT] },
      { kind: 'parent-invalid', field: 'parent', reasons: ['invalid'], values: [5, '', false] },
      {
        kind: 'parent-unknown',
        field: 'parent',
        reasons: ['unknown-id'],
        values: ['zz-nowhere', 'bad-elsewhere'],
      },
    ]),
    {
      kind: 'parent-self',
      field: 'parent',
      reasons: ['unknown-id'],
      make: ({ fresh }) => ({ raws: [{ ...template(fresh), parent: fresh }], dead: fresh }),
    },
    {
      kind: 'parent-cycle',
      field: 'parent',
      reasons: ['unknown-id'],
      make: ({ fresh }) => ({
        raws: [
          { ...template(`${fresh}-a`), parent: `${fresh}-b` },
          { ...template(`${fresh}-b`), parent: `${fresh}-a` },
        ],
        dead: `${fresh}-a`,
      }),
    },
  ];
}

function programmeBreaks(): MetaBreak[] {
  return templateBreaks((id) => ({ id, name: goodName }), [...NAME_BREAKS, ...ID_BREAKS]);
}

function indicatorBreaks(): MetaBreak[] {
  const template = (id: string) => ({
    id,
    name: goodName,
    unit: 'count',
    decimals: 0,
    better: 'lower',
    programme: null,
  });
  return templateBreaks(template, [
    ...NAME_BREAKS,
    ...ID_BREAKS,
    {
      kind: 'unit-invalid',
      field: 'unit',
      reasons: ['invalid'],
      values: ['liters', '', 7, null],
    },
    { kind: 'unit-missing', field: 'unit', reasons: ['missing'], values: [ABSENT] },
    {
      kind: 'decimals-invalid',
      field: 'decimals',
      reasons: ['invalid'],
      values: [5, -1, 1.5, '2', null],
    },
    { kind: 'better-invalid', field: 'better', reasons: ['invalid'], values: ['up', true] },
    { kind: 'headline-invalid', field: 'headline', reasons: ['invalid'], values: ['yes', 1] },
    {
      kind: 'programme-unknown',
      field: 'programme',
      reasons: ['unknown-id'],
      values: ['zz-prog'],
    },
    { kind: 'programme-invalid', field: 'programme', reasons: ['invalid'], values: [42, ''] },
    {
      kind: 'unit-label-invalid',
      field: 'unitLabel',
      reasons: ['invalid'],
      values: ['人', { zh: '' }, 3],
    },
    { kind: 'description-invalid', field: 'description', reasons: ['invalid'], values: [5, 'x'] },
  ]);
}

function campaignBreaks(): MetaBreak[] {
  const template = (id: string) => ({
    id,
    name: goodName,
    startYear: 2017,
    endYear: 2019,
    baselineYear: 2016,
  });
  return [
    ...templateBreaks(template, [
      ...NAME_BREAKS,
      {
        kind: 'start-year-invalid',
        field: 'startYear',
        reasons: ['invalid'],
        values: ['2017', 2017.5, null],
      },
      { kind: 'end-year-invalid', field: 'endYear', reasons: ['invalid'], values: [1800, 'x'] },
      { kind: 'baseline-missing', field: 'baselineYear', reasons: ['missing'], values: [ABSENT] },
    ]),
    {
      kind: 'campaign-years-out-of-order',
      field: 'startYear',
      reasons: ['bad-campaign-years'],
      make: ({ fresh, n }) => ({
        raws: [
          pick(
            [
              { ...template(fresh), baselineYear: 2017 },
              { ...template(fresh), baselineYear: 2018 },
              { ...template(fresh), startYear: 2020, endYear: 2019 },
            ],
            n,
          ),
        ],
      }),
    },
  ];
}

function assessmentBreaks(): MetaBreak[] {
  return templateBreaks(
    (id) => ({ id, name: goodName, scope: 'zz-will-be-replaced' }),
    [
      ...NAME_BREAKS,
      ...ID_BREAKS,
      { kind: 'scope-invalid', field: 'scope', reasons: ['invalid'], values: [7, '', false] },
      { kind: 'scope-missing', field: 'scope', reasons: ['missing'], values: [ABSENT] },
    ],
  ).concat([
    {
      kind: 'scope-unknown',
      field: 'scope',
      reasons: ['unknown-id'],
      make: ({ fresh }) => ({
        raws: [{ id: fresh, name: goodName, scope: 'zz-no-such-region' }],
        dead: fresh,
      }),
    },
  ]);
}

const IDLESS_KINDS: ReadonlySet<string> = new Set([
  'not-object',
  'array-record',
  'id-missing',
  'id-invalid',
]);

/** The broken-record kinds of each meta array that `opts` allows. */
function metaBreaksFor(opts: GenOptions) {
  const allow = (list: MetaBreak[]) =>
    opts.idlessMetaBreaks ? list : list.filter((b) => !IDLESS_KINDS.has(b.kind));
  return {
    regions: allow(regionBreaks()),
    programmes: allow(programmeBreaks()),
    indicators: allow(indicatorBreaks()),
    campaigns: allow(campaignBreaks()),
    assessments: allow(assessmentBreaks()),
  };
}
type MetaBreaks = ReturnType<typeof metaBreaksFor>;

interface Section<Out> {
  key: 'regions' | 'programmes' | 'indicators' | 'campaigns' | 'assessments';
  breaks: MetaBreak[];
  valid: Entity<Out>[];
}

/** Valid + broken records of one meta array, placed, with the issues the parser must report. */
function assembleSection<Out>(
  section: Section<Out>,
  picks: BrokenPick[],
  fixScope: (raw: unknown) => unknown,
) {
  const broken: Slotted<Out>[] = [];
  const dead: string[] = [];
  picks.forEach((p, i) => {
    const b = pick(section.breaks, p.kind);
    const made = b.make({
      fresh: `bad-${section.key.slice(0, 3)}-${i}`,
      n: p.n,
      valid: section.valid,
    });
    if (!made) return;
    if (made.dead !== undefined) dead.push(made.dead);
    const slot =
      made.dupOf !== undefined ? (section.valid[made.dupOf]?.slot ?? 0) + 1 + (p.n % 3) : p.slot;
    for (const raw of made.raws) {
      broken.push({
        raw: fixScope(raw),
        keep: null,
        drop: { kind: b.kind, field: b.field, reasons: b.reasons },
        slot,
      });
    }
  });
  const valid = section.valid.map((e) => ({ raw: e.wire, keep: e.out, drop: null, slot: e.slot }));
  const placed = place(valid, broken);
  return { placed, dead };
}

const META_SHAPE_BREAKS = [
  'not-object',
  'years-missing',
  'years-empty',
  'years-not-array',
  'years-all-invalid',
  'regions-missing',
  'regions-not-array',
  'regions-all-invalid',
  'regions-all-cyclic',
  'indicators-missing',
  'indicators-not-array',
  'indicators-all-invalid',
  'indicators-all-unknown-programme',
] as const;

function breakMetaShape(wire: Record<string, unknown>, kind: string, n: number): unknown {
  switch (kind) {
    case 'not-object':
      return pick([null, [], 'meta', 42, true, [wire]], n);
    case 'years-missing':
      return without(wire, 'years');
    case 'years-empty':
      return { ...wire, years: [] };
    case 'years-not-array':
      return { ...wire, years: pick(['2016,2017', 2017, { 0: 2017 }, null], n) };
    case 'years-all-invalid':
      return { ...wire, years: ['2017', null, 2017.5, 'NaN'] };
    case 'regions-missing':
      return without(wire, 'regions');
    case 'regions-not-array':
      return { ...wire, regions: pick([{}, 'haikou', null, 3], n) };
    case 'regions-all-invalid':
      return { ...wire, regions: [null, { id: 1 }, { id: 'x', level: 'county', name: goodName }] };
    case 'regions-all-cyclic':
      return {
        ...wire,
        regions: [
          { id: 'a', level: 'city', parent: 'b', name: goodName },
          { id: 'b', level: 'city', parent: 'a', name: goodName },
        ],
      };
    case 'indicators-missing':
      return without(wire, 'indicators');
    case 'indicators-not-array':
      return { ...wire, indicators: pick([{}, 'x', null], n) };
    case 'indicators-all-invalid':
      return { ...wire, indicators: [null, { id: 'x', unit: 'liters' }] };
    default:
      return {
        ...wire,
        indicators: [
          { id: 'x', name: goodName, unit: 'count', decimals: 0, better: 'lower', programme: 'zz' },
        ],
      };
  }
}

export interface ShapeOptions extends GenOptions {
  /** How often (%) a response is not the contract's shape at all. */
  shapeBreakPercent: number;
}

/** A meta response with its model: the Meta it must parse to and the issues it must report. */
export function metaCaseArb(opts: ShapeOptions): fc.Arbitrary<MetaCase> {
  const breaks = metaBreaksFor(opts);
  const optionalArray = fc.constantFrom<unknown>(ABSENT, ABSENT, null, 'none', {});
  return worldArb(opts).chain((world) =>
    fc
      .record({
        regions: brokenPicksArb(breaks.regions.length, opts.maxBroken),
        programmes: brokenPicksArb(breaks.programmes.length, Math.min(2, opts.maxBroken)),
        indicators: brokenPicksArb(breaks.indicators.length, opts.maxBroken),
        campaigns: brokenPicksArb(breaks.campaigns.length, Math.min(2, opts.maxBroken)),
        assessments: brokenPicksArb(breaks.assessments.length, Math.min(2, opts.maxBroken)),
        badYears: fc.array(
          fc.record({
            value: fc.constantFrom<unknown>(
              '2018',
              2018.5,
              null,
              'NaN',
              'dup',
              ...(opts.json ? [] : [NaN]),
            ),
            slot: fc.nat(world.years.length + 2),
          }),
          { maxLength: 2 },
        ),
        shuffleYears: rarely(fc.nat(), null, 5),
        missingArrays: fc.record({
          programmes: rarely(optionalArray, undefined, 5),
          campaigns: rarely(optionalArray, undefined, 5),
          assessments: rarely(optionalArray, undefined, 5),
        }),
        title: fc.oneof(
          { weight: 4, arbitrary: localizedArb.map((l) => ({ ok: l })) },
          { weight: 1, arbitrary: fc.constant({ absent: true as const }) },
          {
            weight: 1,
            arbitrary: fc.constantFrom({ bad: { zh: '', en: '' } }, { bad: 42 }, { bad: null }),
          },
        ),
        source: fc.oneof(
          { weight: 4, arbitrary: localizedArb.map((l) => ({ ok: l })) },
          { weight: 1, arbitrary: fc.constant({ absent: true as const }) },
          { weight: 1, arbitrary: fc.constantFrom({ bad: 'source' }, { bad: [] }) },
        ),
        dataAsOf: fc.oneof(
          {
            weight: 4,
            arbitrary: fc
              .constantFrom('2020-06-23', '  2024-01-01  ', 'x'.repeat(60))
              .map((s) => ({ ok: s })),
          },
          { weight: 1, arbitrary: fc.constant({ absent: true as const }) },
          {
            weight: 1,
            arbitrary: fc.constantFrom(
              { bad: '' },
              { bad: '   ' },
              { bad: 20200623 },
              { bad: null },
            ),
          },
        ),
        apiVersion: fc.constantFrom<unknown>(1, 1, ABSENT),
        clean: percentOf(fc.constant(true), opts.cleanPercent).map((c) => c === true),
        extras: fc.option(extrasArb, { nil: undefined }),
        shapeBreak: percentOf(
          fc.record({ kind: fc.constantFrom(...META_SHAPE_BREAKS), n: fc.nat() }),
          opts.shapeBreakPercent,
        ),
      })
      .map((g): MetaCase => buildMeta(world, g, breaks)),
  );
}

type Opt<T> = { ok: T } | { absent: true } | { bad: unknown };

function buildMeta(
  world: World,
  g: {
    regions: BrokenPick[];
    programmes: BrokenPick[];
    indicators: BrokenPick[];
    campaigns: BrokenPick[];
    assessments: BrokenPick[];
    badYears: { value: unknown; slot: number }[];
    shuffleYears: number | null;
    missingArrays: Record<'programmes' | 'campaigns' | 'assessments', unknown>;
    title: Opt<GenLocalized>;
    source: Opt<GenLocalized>;
    dataAsOf: Opt<string>;
    apiVersion: unknown;
    extras: [string, unknown][] | undefined;
    shapeBreak: { kind: string; n: number } | null;
    clean: boolean;
  },
  breaks: MetaBreaks,
): MetaCase {
  if (g.clean) {
    const fine = <T>(o: Opt<T>): Opt<T> => ('bad' in o ? { absent: true } : o);
    g = {
      ...g,
      regions: [],
      programmes: [],
      indicators: [],
      campaigns: [],
      assessments: [],
      badYears: [],
      shuffleYears: null,
      missingArrays: { programmes: undefined, campaigns: undefined, assessments: undefined },
      title: fine(g.title),
      source: fine(g.source),
      dataAsOf: fine(g.dataAsOf),
      shapeBreak: null,
    };
  }
  const issues: ExpectedMetaIssue[] = [];
  const wire: Record<string, unknown> = {};
  if (g.apiVersion !== ABSENT) wire.apiVersion = g.apiVersion;

  const topLocalized = (key: 'title' | 'source', o: Opt<GenLocalized>): Localized | null => {
    if ('ok' in o) {
      wire[key] = o.ok.wire;
      return o.ok.out;
    }
    if ('bad' in o) {
      wire[key] = o.bad;
      issues.push({ index: null, kind: `${key}-invalid`, field: key, reasons: ['invalid'] });
    }
    return null;
  };
  const title = topLocalized('title', g.title);
  const source = topLocalized('source', g.source);
  let dataAsOf: string | null = null;
  if ('ok' in g.dataAsOf) {
    wire.dataAsOf = g.dataAsOf.ok;
    dataAsOf = g.dataAsOf.ok.trim().slice(0, 40);
  } else if ('bad' in g.dataAsOf) {
    wire.dataAsOf = g.dataAsOf.bad;
    issues.push({
      index: null,
      kind: 'data-as-of-invalid',
      field: 'dataAsOf',
      reasons: ['invalid'],
    });
  }

  // Years: valid ones (maybe shuffled), broken ones and duplicates in between.
  const validYears =
    g.shuffleYears === null
      ? [...world.years]
      : [...world.years].sort(
          (a, b) =>
            ((a * 7919 + (g.shuffleYears ?? 0)) % 97) - ((b * 7919 + (g.shuffleYears ?? 0)) % 97),
        );
  const yearsWire: unknown[] = [...validYears];
  for (const b of g.badYears) {
    const value = b.value === 'dup' ? world.years[b.slot % world.years.length] : b.value;
    yearsWire.splice(Math.min(b.slot, yearsWire.length), 0, value);
  }
  const keptYears: number[] = [];
  yearsWire.forEach((y, index) => {
    if (typeof y === 'number' && Number.isInteger(y) && !keptYears.includes(y)) keptYears.push(y);
    else
      issues.push({ index, kind: 'year-invalid', field: `years.${index}`, reasons: ['invalid'] });
  });
  if (keptYears.some((y, i) => i > 0 && y < (keptYears[i - 1] ?? y))) {
    issues.push({
      index: null,
      kind: 'years-unsorted',
      field: 'years',
      reasons: ['unsorted-years'],
    });
  }
  wire.years = yearsWire;

  const regionIds = world.regions.map((r) => r.out.id);
  const fixScope = (raw: unknown) =>
    typeof raw === 'object' && raw !== null && 'scope' in raw && raw.scope === 'zz-will-be-replaced'
      ? { ...raw, scope: regionIds[0] }
      : raw;
  const keep = <Out>(
    key: Section<Out>['key'],
    valid: Entity<Out>[],
    breaks: MetaBreak[],
    picks: BrokenPick[],
  ) => {
    const { placed, dead } = assembleSection({ key, breaks, valid }, picks, fixScope);
    wire[key] = placed.map((p) => p.raw);
    placed.forEach((p, index) => {
      if (p.drop) issues.push({ index, ...p.drop });
    });
    return { kept: placed.flatMap((p) => (p.keep ? [p.keep] : [])), dead };
  };

  const regions = keep('regions', world.regions, breaks.regions, g.regions);
  const optional = <Out>(
    key: 'programmes' | 'campaigns' | 'assessments',
    valid: Entity<Out>[],
    breaks: MetaBreak[],
    picks: BrokenPick[],
  ) => {
    const missing = g.missingArrays[key];
    // Leaving out an array that valid records refer to would cascade; only drop unused ones.
    const referenced =
      (key === 'programmes' && world.indicators.some((i) => i.out.programme !== null)) ||
      (key !== 'programmes' && valid.length > 0);
    if (missing === undefined || referenced) return keep(key, valid, breaks, picks);
    if (missing !== ABSENT) wire[key] = missing;
    issues.push({ index: null, kind: `${key}-missing`, field: key, reasons: ['missing'] });
    return { kept: [] as Out[], dead: [] as string[] };
  };
  const programmes = optional('programmes', world.programmes, breaks.programmes, g.programmes);
  const campaigns = optional('campaigns', world.campaigns, breaks.campaigns, g.campaigns);
  const indicators = keep('indicators', world.indicators, breaks.indicators, g.indicators);
  const assessments = optional('assessments', world.assessments, breaks.assessments, g.assessments);
  const full = withExtras(wire, g.extras);

  // Order the keys as a server might; the parser must not care.
  if (g.shapeBreak) {
    return {
      throws: true,
      kind: g.shapeBreak.kind,
      wire: breakMetaShape(full, g.shapeBreak.kind, g.shapeBreak.n),
    };
  }
  const named: { name: Localized }[] = [
    ...regions.kept,
    ...programmes.kept,
    ...indicators.kept,
    ...campaigns.kept,
    ...assessments.kept,
  ];
  return {
    throws: false,
    wire: full,
    meta: {
      apiVersion: typeof g.apiVersion === 'number' ? g.apiVersion : 1,
      title,
      source,
      dataAsOf,
      years: [...keptYears].sort((a, b) => a - b),
      regions: regions.kept,
      campaigns: campaigns.kept,
      programmes: programmes.kept,
      indicators: indicators.kept,
      assessments: assessments.kept,
    },
    issues,
    clean: g.clean,
    hostile: [
      ...new Set([...named.flatMap((e) => hostileOf(e.name)), ...hostileOf(title, source)]),
    ],
    deadIds: { regions: regions.dead, indicators: indicators.dead, assessments: assessments.dead },
  };
}

// ---------------------------------------------------------------------------------------------
// Observations and rankings
// ---------------------------------------------------------------------------------------------

interface RecordBreak {
  kind: string;
  field: string;
  reasons: readonly IssueReason[];
  json: boolean;
  object: boolean;
  /** A valid base record made wrong in one way; null when this kind cannot be made here. */
  make: (base: Record<string, unknown>, n: number, ctx: BreakContext) => unknown;
}

interface BreakContext {
  meta: Meta;
  unknown: { indicator: string[]; region: string[]; assessment: string[] };
}

const rb = (
  kind: string,
  field: string,
  reasons: readonly IssueReason[],
  make: RecordBreak['make'],
  flags: { json?: boolean; object?: boolean } = {},
): RecordBreak => ({
  kind,
  field,
  reasons,
  make,
  json: flags.json ?? true,
  object: flags.object ?? true,
});

const set =
  (field: string, values: readonly unknown[]): RecordBreak['make'] =>
  (base, n) => ({
    ...base,
    [field]: pick(values, n),
  });

function yearNotInMeta(meta: Meta, n: number): number {
  for (let k = 0; k < 301; k++) {
    const y = 1900 + ((n + k) % 301);
    if (!meta.years.includes(y)) return y;
  }
  return 2200;
}

const COMMON_BREAKS: RecordBreak[] = [
  rb('region-unknown', 'region', ['unknown-id'], (b, n, c) => ({
    ...b,
    region: pick(c.unknown.region, n),
  })),
  rb(
    'region-invalid',
    'region',
    ['invalid'],
    set('region', [7, false, null, '', 'x'.repeat(10_000)]),
  ),
  rb('region-missing', 'region', ['missing'], (b) => without(b, 'region')),
  rb('year-string', 'year', ['invalid'], (b) => ({ ...b, year: String(b.year) })),
  rb('year-fraction', 'year', ['invalid'], (b) => ({ ...b, year: Number(b.year) + 0.5 })),
  rb('year-not-in-meta', 'year', ['year-not-in-meta'], (b, n, c) => ({
    ...b,
    year: yearNotInMeta(c.meta, n),
  })),
  rb(
    'year-out-of-range',
    'year',
    ['invalid', 'year-not-in-meta'],
    set('year', [1066, 99_999, -1, 0]),
  ),
  rb('year-missing', 'year', ['missing'], (b) => without(b, 'year')),
  rb('not-object', '(record)', ['invalid'], (_b, n) => pick(NOT_OBJECTS, n), { object: false }),
];

/** Arrays and objects without any known field lack the schema's first field. */
const shapeless = (first: string) =>
  rb(
    'array-or-shapeless-record',
    first,
    ['missing'],
    (b, n) => pick([[], [b], nest(400), nest(401), { data: b }], n),
    { object: false },
  );

const OBSERVATION_BREAKS: RecordBreak[] = [
  shapeless('indicator'),
  rb('value-nan-string', 'value', ['not-finite'], set('value', ['NaN', 'nan', ' NaN ', '-NaN'])),
  rb(
    'value-infinity-string',
    'value',
    ['not-finite'],
    set('value', ['Infinity', '-Infinity', 'inf', '+INF']),
  ),
  rb('value-numeric-string', 'value', ['invalid'], set('value', ['12', '1e3', '', '0', '１２'])),
  rb(
    'value-wrong-type',
    'value',
    ['invalid'],
    set('value', [true, {}, [1], { value: 1 }, nest(300)]),
  ),
  rb('value-missing', 'value', ['missing'], (b) => without(b, 'value')),
  rb(
    'value-not-finite-number',
    'value',
    ['not-finite', 'invalid'],
    set('value', [NaN, Infinity, -Infinity]),
    { json: false },
  ),
  rb('value-undefined', 'value', ['missing'], set('value', [undefined]), { json: false }),
  rb('value-exotic', 'value', ['invalid'], set('value', [BigInt(5), new Number(5), Symbol('v')]), {
    json: false,
  }),
  rb('indicator-unknown', 'indicator', ['unknown-id'], (b, n, c) => ({
    ...b,
    indicator: pick(c.unknown.indicator, n),
  })),
  rb(
    'indicator-invalid',
    'indicator',
    ['invalid'],
    set('indicator', [42, null, ['a'], { id: 'x' }, '', 'x'.repeat(10_000)]),
  ),
  rb('indicator-missing', 'indicator', ['missing'], (b) => without(b, 'indicator')),
  rb('target-not-finite-string', 'target', ['not-finite'], set('target', ['Infinity', 'NaN'])),
  rb('target-invalid', 'target', ['invalid'], set('target', ['5', true, {}])),
  rb('provisional-invalid', 'provisional', ['invalid'], set('provisional', ['yes', 1, 'false'])),
  rb(
    'note-invalid',
    'note',
    ['invalid'],
    set('note', ['footnote', 5, { zh: '', en: '' }, { zh: ' ', en: null }, [], nest(200)]),
  ),
  rb(
    'note-huge',
    'note',
    ['invalid'],
    set('note', [
      { zh: 'x'.repeat(10_000), en: 'ok' },
      { zh: '说明', en: '<'.repeat(10_000) },
    ]),
  ),
  ...COMMON_BREAKS,
];

const RANKING_BREAKS: RecordBreak[] = [
  shapeless('assessment'),
  rb('rank-exceeds-of', 'rank', ['rank-exceeds-of'], (b, n) => ({
    ...b,
    rank: Number(b.of) + 1 + (n % 5),
  })),
  rb('rank-invalid', 'rank', ['invalid'], set('rank', [0, -1, 1.5, '3', null, true])),
  rb('rank-nan-string', 'rank', ['not-finite'], set('rank', ['NaN', 'Infinity'])),
  rb('rank-missing', 'rank', ['missing'], (b) => without(b, 'rank')),
  rb('rank-not-finite-number', 'rank', ['not-finite', 'invalid'], set('rank', [NaN, Infinity]), {
    json: false,
  }),
  rb('of-invalid', 'of', ['invalid'], (b, n) => ({
    ...b,
    rank: 1,
    of: pick([0, -3, '19', 2.5, null], n),
  })),
  rb('of-missing', 'of', ['missing'], (b) => without(b, 'of')),
  rb('score-not-finite-string', 'score', ['not-finite'], set('score', ['Infinity', 'NaN', '-inf'])),
  rb('score-invalid', 'score', ['invalid'], set('score', ['96.5', true, [96.5]])),
  rb('assessment-unknown', 'assessment', ['unknown-id'], (b, n, c) => ({
    ...b,
    assessment: pick(c.unknown.assessment, n),
  })),
  rb(
    'assessment-invalid',
    'assessment',
    ['invalid'],
    set('assessment', [1, null, '', 'x'.repeat(10_000)]),
  ),
  rb('assessment-missing', 'assessment', ['missing'], (b) => without(b, 'assessment')),
  ...COMMON_BREAKS,
];

const OBS_SHAPE_BREAKS: readonly unknown[] = [
  null,
  [],
  'observations',
  42,
  {},
  { observations: null },
  { observations: 'none' },
  { observations: { 0: {} } },
  { data: [] },
];

function breaksFor(all: RecordBreak[], opts: GenOptions): RecordBreak[] {
  return all.filter((b) => (!opts.json || b.json) && (!opts.objectRecords || b.object));
}

interface ListSpec<Out> {
  key: 'observations' | 'rankings';
  validArb: fc.Arbitrary<Slotted<Out>[]>;
  breaks: RecordBreak[];
  baseOf: (n: number, kind: string) => Record<string, unknown> | null;
  dupField: string;
  /** A duplicate is a valid record with another value for the same cell. */
  dupPatch: Record<string, unknown>;
  ctx: BreakContext;
}

function listCaseArb<Out>(spec: ListSpec<Out>, opts: ShapeOptions) {
  return fc
    .record({
      valid: spec.validArb,
      broken: brokenPicksArb(spec.breaks.length + 1, opts.maxBroken),
      extras: rarely(extrasArb, undefined),
      shape: percentOf(fc.nat(), opts.shapeBreakPercent),
    })
    .map(({ valid, broken, extras, shape }): ListCase<Out> => {
      const brokenRecords: Slotted<Out>[] = [];
      for (const p of broken) {
        if (p.kind === spec.breaks.length) {
          // A duplicated cell: the same (…, region, year) as a kept record, after it.
          const original = valid.length > 0 ? valid[p.n % valid.length] : undefined;
          if (!original || typeof original.raw !== 'object' || original.raw === null) continue;
          brokenRecords.push({
            raw: { ...original.raw, ...spec.dupPatch },
            keep: null,
            drop: { kind: 'duplicate', field: spec.dupField, reasons: ['duplicate'] },
            slot: original.slot + 1 + (p.n % 3),
          });
          continue;
        }
        const b = pick(spec.breaks, p.kind);
        const base = spec.baseOf(p.n, b.kind);
        if (!base) continue;
        brokenRecords.push({
          raw: b.make(base, p.n, spec.ctx),
          keep: null,
          drop: { kind: b.kind, field: b.field, reasons: b.reasons },
          slot: p.slot,
        });
      }
      const records = place(valid, brokenRecords);
      const list = records.map((r) => r.raw);
      if (shape !== null) {
        return { body: pick(OBS_SHAPE_BREAKS, shape), shapeBreak: 'top-level', records: [] };
      }
      return { body: withExtras({ [spec.key]: list }, extras), shapeBreak: null, records };
    });
}

function contextOf(meta: OkMetaCase): BreakContext {
  return {
    meta: meta.meta,
    unknown: {
      indicator: ['zz-heroin-price', ...meta.deadIds.indicators],
      region: ['zz-460199', ...meta.deadIds.regions],
      assessment: ['zz-national', ...meta.deadIds.assessments],
    },
  };
}

/** Observations for a parsed meta: unique valid cells plus broken records. */
export function observationsCaseArb(
  meta: OkMetaCase,
  opts: ShapeOptions,
): fc.Arbitrary<ListCase<Observation>> {
  const m = meta.meta;
  const cells = m.indicators.flatMap((ind) =>
    m.regions.flatMap((r) => m.years.map((year) => ({ ind, region: r.id, year }))),
  );
  const validArb = fc
    .shuffledSubarray(cells, { maxLength: Math.min(cells.length, opts.maxObservations) })
    .chain((chosen) =>
      fc.tuple(
        ...chosen.map((c) =>
          fc
            .record({
              value: valueArb(c.ind.decimals, c.ind.unit, opts),
              target: fc.option(fc.option(finiteArb(opts)), { nil: undefined }),
              provisional: fc.option(fc.boolean(), { nil: undefined }),
              note: fc.option(fc.option(localizedArb), { nil: undefined }),
              extras: rarely(extrasArb, undefined),
              slot: slotArb,
            })
            .map((f): Slotted<Observation> => {
              const wire: Record<string, unknown> = {
                indicator: c.ind.id,
                region: c.region,
                year: c.year,
                value: f.value,
              };
              if (f.target !== undefined) wire.target = f.target;
              if (f.provisional !== undefined) wire.provisional = f.provisional;
              if (f.note !== undefined) wire.note = f.note?.wire ?? null;
              return {
                raw: withExtras(wire, f.extras),
                keep: {
                  indicator: c.ind.id,
                  region: c.region,
                  year: c.year,
                  value: f.value,
                  target: f.target ?? null,
                  provisional: f.provisional ?? false,
                  note: f.note?.out ?? null,
                  suppressedBelow: null,
                },
                drop: null,
                slot: f.slot,
              };
            }),
        ),
      ),
    );
  return listCaseArb(
    {
      key: 'observations',
      validArb,
      breaks: breaksFor(OBSERVATION_BREAKS, opts),
      baseOf: (n) => {
        const c = cells.length > 0 ? pick(cells, n) : undefined;
        return c ? { indicator: c.ind.id, region: c.region, year: c.year, value: 1 } : null;
      },
      dupField: 'indicator+region+year',
      dupPatch: { value: 424_242, note: { zh: '重复', en: 'duplicate' } },
      ctx: contextOf(meta),
    },
    opts,
  );
}

/** Rankings for a parsed meta: unique valid (assessment, region, year) plus broken records. */
export function rankingsCaseArb(
  meta: OkMetaCase,
  opts: ShapeOptions,
): fc.Arbitrary<ListCase<Ranking>> {
  const m = meta.meta;
  const cells = m.assessments.flatMap((a) =>
    m.regions.flatMap((r) => m.years.map((year) => ({ assessment: a.id, region: r.id, year }))),
  );
  const validArb = fc
    .shuffledSubarray(cells, { maxLength: Math.min(cells.length, opts.maxRankings) })
    .chain((chosen) =>
      fc.tuple(
        ...chosen.map((c) =>
          fc
            .record({
              of: fc.integer({ min: 1, max: 40 }),
              rankPick: fc.nat(),
              score: fc.option(fc.option(finiteArb(opts)), { nil: undefined }),
              extras: rarely(extrasArb, undefined),
              slot: slotArb,
            })
            .map((f): Slotted<Ranking> => {
              const rank = 1 + (f.rankPick % f.of);
              const wire: Record<string, unknown> = { ...c, rank, of: f.of };
              if (f.score !== undefined) wire.score = f.score;
              return {
                raw: withExtras(wire, f.extras),
                keep: { ...c, rank, of: f.of, score: f.score ?? null },
                drop: null,
                slot: f.slot,
              };
            }),
        ),
      ),
    );
  const regionIds = m.regions.map((r) => r.id);
  return listCaseArb(
    {
      key: 'rankings',
      validArb,
      breaks: breaksFor(RANKING_BREAKS, opts),
      // Without assessments every base record already names an unknown one: only the kinds
      // whose verdict does not depend on the other fields can be made.
      baseOf: (n, kind) =>
        m.assessments.length === 0 && kind !== 'assessment-unknown' && kind !== 'not-object'
          ? null
          : {
              assessment: m.assessments.length > 0 ? pick(m.assessments, n).id : 'zz-national',
              region: pick(regionIds, n),
              year: pick(m.years, n),
              rank: 2,
              of: 19,
              score: 90,
            },
      dupField: 'assessment+region+year',
      dupPatch: { rank: 1, of: 1, score: null },
      ctx: contextOf(meta),
    },
    opts,
  );
}

/** A whole server: meta, observations and rankings. */
export interface DatasetCase {
  meta: MetaCase;
  observations: ListCase<Observation> | null;
  rankings: ListCase<Ranking> | null;
}

export function datasetCaseArb(
  opts: GenOptions,
  shapeBreakPercent: { meta: number; records: number },
): fc.Arbitrary<DatasetCase> {
  return metaCaseArb({ ...opts, shapeBreakPercent: shapeBreakPercent.meta }).chain((meta) => {
    if (meta.throws) return fc.constant<DatasetCase>({ meta, observations: null, rankings: null });
    const o = meta.clean
      ? { ...opts, maxBroken: 0, shapeBreakPercent: 0 }
      : { ...opts, shapeBreakPercent: shapeBreakPercent.records };
    return fc
      .record({ observations: observationsCaseArb(meta, o), rankings: rankingsCaseArb(meta, o) })
      .map((r): DatasetCase => ({ meta, ...r }));
  });
}

/** Only meta responses that parse (for the record properties, which need a Meta). */
export const okMetaArb = (opts: GenOptions): fc.Arbitrary<OkMetaCase> =>
  metaCaseArb({ ...opts, shapeBreakPercent: 0 }).filter((m): m is OkMetaCase => !m.throws);

/** Values of every kind, for "whatever arrives, the parser only ever throws a shape error". */
export const junkArb: fc.Arbitrary<unknown> = fc.anything({
  maxDepth: 4,
  withBoxedValues: true,
  withNullPrototype: true,
  withBigInt: true,
  withDate: true,
  withMap: true,
  withSet: true,
  withTypedArray: true,
  withSparseArray: true,
  withObjectString: true,
});

/** Replace the value at a random path inside `value` with `replacement`. */
export function replaceAt(value: unknown, path: readonly number[], replacement: unknown): unknown {
  const [head, ...rest] = path;
  if (head === undefined || typeof value !== 'object' || value === null) return replacement;
  if (Array.isArray(value)) {
    if (value.length === 0) return replacement;
    const i = head % value.length;
    const copy: unknown[] = value.slice();
    copy[i] = replaceAt(copy[i], rest, replacement);
    return copy;
  }
  const keys = Object.keys(value);
  const key = keys[head % Math.max(1, keys.length)];
  if (key === undefined) return replacement;
  const copy: Record<string, unknown> = { ...(value as Record<string, unknown>) };
  copy[key] = replaceAt((value as Record<string, unknown>)[key], rest, replacement);
  return copy;
}
