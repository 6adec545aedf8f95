/**
 * "Trustworthy under bad data", at the boundary: whatever a server sends, parseMeta,
 * parseObservations and parseRankings either return data plus issues or throw an ApiError of
 * kind 'shape' (and only when the response is not the contract's shape at all). Every valid
 * record is kept exactly as sent; every invalid one is left out and reported once, at its
 * position, with the field and the reason.
 */
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { ApiError } from '@contract/errors';
import { parseMeta } from '@contract/parse-meta';
import { parseObservations, parseRankings } from '@contract/parse-records';
import type { Endpoint, IssueReason, Meta, Parsed, QualityIssue } from '@contract/types';
import {
  PARSE_OPTIONS,
  junkArb,
  metaCaseArb,
  observationsCaseArb,
  okMetaArb,
  rankingsCaseArb,
  replaceAt,
} from './arbitraries';
import type { ExpectedDrop, ExpectedMetaIssue, ListCase, Tagged } from './arbitraries';

/** Runs per property: the parsers are pure and fast, so many. */
const RUNS = {
  meta: 300,
  observations: 300,
  rankings: 300,
  junk: 300,
  mutated: 300,
} as const;

const generated = { meta: 0, observations: 0, rankings: 0 };

const REASONS: readonly IssueReason[] = [
  'invalid',
  'missing',
  'not-finite',
  'unknown-id',
  'duplicate',
  'rank-exceeds-of',
  'year-not-in-meta',
  'bad-campaign-years',
  'unsorted-years',
];

/** Run `parse`; it may only succeed or throw ApiError('shape') for `endpoint`. */
function parseOrShapeError<T>(
  parse: () => T,
  endpoint: Endpoint,
): { ok: true; value: T } | { ok: false } {
  try {
    return { ok: true, value: parse() };
  } catch (err) {
    // A junk number where apiVersion was is a version error (1.1), not a shape error.
    const refused = err instanceof ApiError && (err.kind === 'shape' || err.kind === 'version');
    if (!refused || err.endpoint !== endpoint) {
      throw new Error(`expected success or ApiError(shape, ${endpoint}), got ${String(err)}`, {
        cause: err,
      });
    }
    return { ok: false };
  }
}

function expectWellFormed(issue: QualityIssue, endpoint: Endpoint): void {
  expect(issue.endpoint).toBe(endpoint);
  expect(issue.index === null || Number.isInteger(issue.index)).toBe(true);
  expect(issue.field.length).toBeGreaterThan(0);
  expect(REASONS).toContain(issue.reason);
  expect(typeof issue.record).toBe('string');
  expect(issue.record.length).toBeGreaterThan(0);
  // The notice shows the offending value shortened, never a 10,000-character string.
  expect(issue.detail.length).toBeLessThanOrEqual(80);
}

const fieldMatches = (actual: string, expected: string) =>
  actual === expected || actual.startsWith(`${expected}.`);

const matches = (a: QualityIssue, e: ExpectedDrop & { index: number | null }) =>
  a.index === e.index && fieldMatches(a.field, e.field) && e.reasons.includes(a.reason);

/** Each expected issue is reported exactly once, and nothing else is reported. */
function expectIssues(
  actual: QualityIssue[],
  expected: (ExpectedDrop & { index: number | null })[],
  endpoint: Endpoint,
): void {
  for (const a of actual) expectWellFormed(a, endpoint);
  const left = [...actual];
  const problems: string[] = [];
  for (const e of expected) {
    const at = left.findIndex((a) => matches(a, e));
    if (at < 0) {
      const near = actual.filter((a) => a.index === e.index);
      problems.push(
        `not reported: ${e.kind} at index ${String(e.index)} (${e.field}: ${e.reasons.join('|')}); ` +
          `issues there: ${JSON.stringify(near)}`,
      );
    } else left.splice(at, 1);
  }
  for (const a of left) problems.push(`unexpected issue: ${JSON.stringify(a)}`);
  expect(problems).toEqual([]);
}

/** The record-list properties shared by observations and rankings. */
function checkList<Out extends object>(
  c: ListCase<Out>,
  endpoint: 'observations' | 'rankings',
  parse: (body: unknown) => Parsed<Out[]>,
): void {
  const res = parseOrShapeError(() => parse(c.body), endpoint);
  if (c.shapeBreak !== null) {
    expect(res.ok, `a ${c.shapeBreak} break must be a shape error`).toBe(false);
    return;
  }
  if (!res.ok) throw new Error('a response of the contract shape was refused as a whole');
  const { data, issues } = res.value;
  const kept = c.records.flatMap((r) => (r.keep ? [r.keep] : []));
  const dropped = c.records.flatMap((r: Tagged<Out>, index) =>
    r.drop ? [{ ...r.drop, index }] : [],
  );
  // Every valid record is kept, in order, exactly as sent (null stays null, 0 stays 0).
  expect(data).toEqual(kept);
  data.forEach((d, i) => {
    const k = kept[i];
    if (k && 'value' in d && 'value' in k) expect(Object.is(d.value, k.value)).toBe(true);
  });
  // Every invalid record is dropped and reported once, at its position.
  expectIssues(issues, dropped, endpoint);
  expect(new Set(issues.map((i) => i.index)).size).toBe(issues.length);
  expect(data.length + issues.length).toBe(c.records.length);
}

/** Elements actually present: junk may be a sparse array, which JSON can never produce. */
const present = (list: unknown[]) => list.reduce<number>((n) => n + 1, 0);

function expectNoPollution(): void {
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  expect(Object.prototype).not.toHaveProperty('n');
}

describe('parseMeta (property)', () => {
  it('keeps every valid meta record unchanged and reports every broken one once', () => {
    fc.assert(
      fc.property(metaCaseArb({ ...PARSE_OPTIONS, shapeBreakPercent: 20 }), (c) => {
        generated.meta++;
        const res = parseOrShapeError(() => parseMeta(c.wire), 'meta');
        if (c.throws) {
          expect(res.ok, `${c.kind} must be a shape error`).toBe(false);
          return;
        }
        if (!res.ok) throw new Error('meta with every required field was refused as a whole');
        expect(res.value.data).toEqual(c.meta);
        expectIssues(res.value.issues, c.issues satisfies ExpectedMetaIssue[], 'meta');
        expectNoPollution();
      }),
      { numRuns: RUNS.meta },
    );
  }, 60_000);

  it('throws nothing but a shape error, whatever the value or wherever it is put', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          junkArb,
          fc.record({ years: fc.array(junkArb), regions: junkArb, indicators: junkArb }),
          okMetaArb(PARSE_OPTIONS).chain((m) =>
            fc
              .tuple(fc.array(fc.nat(), { maxLength: 5 }), junkArb)
              .map(([path, junk]) => replaceAt(m.wire, path, junk)),
          ),
        ),
        (input) => {
          generated.meta++;
          parseOrShapeError(() => parseMeta(input), 'meta');
          expectNoPollution();
        },
      ),
      { numRuns: RUNS.junk },
    );
  }, 60_000);

  // Found by the properties: keepForest once followed parent chains by recursion and a deep
  // chain listed child-first overflowed the stack. It is iterative now.
  it('parses a 12,000-deep region chain in either order', () => {
    const n = 12_000;
    const regions = Array.from({ length: n }, (_, i) => ({
      id: `r${String(i)}`,
      level: 'city',
      parent: i < n - 1 ? `r${String(i + 1)}` : null,
      name: { zh: '地区', en: 'region' },
    }));
    const indicators = [
      { id: 'i', name: { zh: '指标' }, unit: 'count', decimals: 0, better: 'lower' },
    ];
    expect(parseMeta({ years: [2019], regions, indicators }).data.regions).toHaveLength(n);
    expect(
      parseMeta({ years: [2019], regions: [...regions].reverse(), indicators }).data.regions,
    ).toHaveLength(n);
  });
});

describe('parseObservations / parseRankings (property)', () => {
  it('observations: keeps valid records as sent, drops and reports each broken one once', () => {
    fc.assert(
      fc.property(
        okMetaArb(PARSE_OPTIONS).chain((m) =>
          observationsCaseArb(m, { ...PARSE_OPTIONS, shapeBreakPercent: 10 }).map(
            (c) => [m.meta, c] as const,
          ),
        ),
        ([meta, c]) => {
          generated.observations++;
          checkList(c, 'observations', (body) => parseObservations(body, meta));
          expectNoPollution();
        },
      ),
      { numRuns: RUNS.observations },
    );
  }, 60_000);

  it('rankings: keeps valid records as sent, drops and reports each broken one once', () => {
    fc.assert(
      fc.property(
        okMetaArb(PARSE_OPTIONS).chain((m) =>
          rankingsCaseArb(m, { ...PARSE_OPTIONS, shapeBreakPercent: 10 }).map(
            (c) => [m.meta, c] as const,
          ),
        ),
        ([meta, c]) => {
          generated.rankings++;
          checkList(c, 'rankings', (body) => parseRankings(body, meta));
          expectNoPollution();
        },
      ),
      { numRuns: RUNS.rankings },
    );
  }, 60_000);

  it('throw nothing but a shape error, and account for every record of any list', () => {
    const listArb = fc.oneof(
      junkArb,
      fc.array(junkArb, { maxLength: 12 }).map((list) => ({ observations: list, rankings: list })),
    );
    fc.assert(
      fc.property(okMetaArb(PARSE_OPTIONS), listArb, (m, body) => {
        generated.observations++;
        generated.rankings++;
        const parsers: [Endpoint, (b: unknown, meta: Meta) => Parsed<unknown[]>][] = [
          ['observations', parseObservations],
          ['rankings', parseRankings],
        ];
        for (const [endpoint, parse] of parsers) {
          const res = parseOrShapeError(() => parse(body, m.meta), endpoint);
          if (!res.ok) continue;
          const list = (body as Record<string, unknown[]>)[endpoint] ?? [];
          for (const issue of res.value.issues) expectWellFormed(issue, endpoint);
          const indexes = res.value.issues.map((i) => i.index);
          expect(new Set(indexes).size).toBe(indexes.length);
          expect(res.value.data.length + res.value.issues.length).toBe(present(list));
        }
        expectNoPollution();
      }),
      { numRuns: RUNS.junk },
    );
  }, 60_000);

  it('account for every record when any part of a valid response is replaced by junk', () => {
    fc.assert(
      fc.property(
        okMetaArb(PARSE_OPTIONS).chain((m) =>
          fc.record({
            meta: fc.constant(m.meta),
            obs: observationsCaseArb(m, { ...PARSE_OPTIONS, shapeBreakPercent: 0 }),
            ranks: rankingsCaseArb(m, { ...PARSE_OPTIONS, shapeBreakPercent: 0 }),
            path: fc.array(fc.nat(), { minLength: 1, maxLength: 4 }),
            junk: junkArb,
          }),
        ),
        ({ meta, obs, ranks, path, junk }) => {
          generated.observations++;
          generated.rankings++;
          const cases: [Endpoint, unknown, (b: unknown) => Parsed<unknown[]>][] = [
            ['observations', replaceAt(obs.body, path, junk), (b) => parseObservations(b, meta)],
            ['rankings', replaceAt(ranks.body, path, junk), (b) => parseRankings(b, meta)],
          ];
          for (const [endpoint, body, parse] of cases) {
            const res = parseOrShapeError(() => parse(body), endpoint);
            if (!res.ok) continue;
            const list = (body as Record<string, unknown>)[endpoint];
            const length = Array.isArray(list) ? present(list) : 0;
            expect(res.value.data.length + res.value.issues.length).toBe(length);
          }
          expectNoPollution();
        },
      ),
      { numRuns: RUNS.mutated },
    );
  }, 60_000);
});

afterAll(() => {
  const { meta, observations, rankings } = generated;
  console.log(
    `[property:parse] generated ${String(meta + observations + rankings)} responses: ${String(meta)} meta, ${String(observations)} observations, ${String(rankings)} rankings`,
  );
});
