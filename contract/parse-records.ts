import { shapeError } from './errors';
import { fastObservation } from './fast-observation';
import { observationSchema, rankingSchema } from './schema';
import type { Endpoint, Meta, Observation, Parsed, QualityIssue, Ranking } from './types';
import { visible } from './ids';
import { versionOf } from './parse-meta';
import { describeValue, recordLabel, validateRecord } from './validate-record';

function listOf(input: unknown, endpoint: Endpoint, key: string): unknown[] {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    throw shapeError(endpoint, `${endpoint} response must be a JSON object`);
  }
  const list = (input as Record<string, unknown>)[key];
  if (!Array.isArray(list))
    throw shapeError(endpoint, `${endpoint} response needs a "${key}" array`);
  return list;
}

interface RefCheck {
  field: string;
  known: (value: string | number) => boolean;
  reason: 'unknown-id' | 'year-not-in-meta';
}

/** Shared loop: validate each record, check its references, drop duplicates; report every drop. */
interface Entry {
  raw: unknown;
  /** Position in the response, for the notice. */
  index: number;
}

function parseList<T>(
  list: readonly Entry[],
  endpoint: Endpoint,
  labelKeys: readonly string[],
  validate: (raw: unknown, index: number, issues: QualityIssue[]) => T | null,
  refs: readonly RefCheck[],
  keyOf: (rec: T) => string,
  extra?: (rec: T, index: number, issues: QualityIssue[]) => boolean,
): Parsed<T[]> {
  const issues: QualityIssue[] = [];
  const seen = new Set<string>();
  const data: T[] = [];
  list.forEach(({ raw, index }) => {
    const rec = validate(raw, index, issues);
    if (!rec) return;
    const fields = rec as Record<string, string | number>;
    const badRef = refs.find((r) => {
      const value = fields[r.field];
      return value === undefined || !r.known(value);
    });
    if (badRef) {
      issues.push({
        endpoint,
        index,
        record: recordLabel(raw, labelKeys),
        field: badRef.field,
        reason: badRef.reason,
        detail: describeValue(fields[badRef.field]),
      });
      return;
    }
    if (extra && !extra(rec, index, issues)) return;
    const key = keyOf(rec);
    if (seen.has(key)) {
      issues.push({
        endpoint,
        index,
        record: recordLabel(raw, labelKeys),
        field: labelKeys.join('+'),
        reason: 'duplicate',
        detail: visible(key),
      });
      return;
    }
    seen.add(key);
    data.push(rec);
  });
  return { data, issues };
}

export function parseObservations(input: unknown, meta: Meta): Parsed<Observation[]> {
  const list = listOf(input, 'observations', 'observations');
  const indicators = new Set(meta.indicators.map((i) => i.id));
  const regions = new Set(meta.regions.map((r) => r.id));
  const years = new Set(meta.years);
  const keys = ['indicator', 'region', 'year'] as const;
  // (1.1) Regions with validity years: outside them a region has no observations.
  const validity = new Map(
    meta.regions
      .filter((r) => r.validFrom != null || r.validTo != null)
      .map((r) => [r.id, { from: r.validFrom ?? -Infinity, to: r.validTo ?? Infinity }]),
  );
  const seen = new Map<string, Map<string, Set<number>>>();
  const isNew = (o: Observation): boolean => {
    let byRegion = seen.get(o.indicator);
    if (!byRegion) seen.set(o.indicator, (byRegion = new Map<string, Set<number>>()));
    let ys = byRegion.get(o.region);
    if (!ys) byRegion.set(o.region, (ys = new Set<number>()));
    if (ys.has(o.year)) return false;
    ys.add(o.year);
    return true;
  };
  // One pass in response order (the first of duplicates wins). The common case — a well-formed
  // record with known ids — is checked by hand; anything else goes through the schema, which
  // names what is wrong.
  const data: Observation[] = [];
  const issues: QualityIssue[] = [];
  const refs: readonly RefCheck[] = [
    { field: 'indicator', known: (x) => indicators.has(String(x)), reason: 'unknown-id' },
    { field: 'region', known: (x) => regions.has(String(x)), reason: 'unknown-id' },
    { field: 'year', known: (x) => years.has(Number(x)), reason: 'year-not-in-meta' },
  ];
  list.forEach((raw, index) => {
    const fast = fastObservation(raw);
    let rec: Observation | null = fast;
    if (!(
      fast &&
      indicators.has(fast.indicator) &&
      regions.has(fast.region) &&
      years.has(fast.year)
    )) {
      const valid = validateRecord(observationSchema, raw, {
        endpoint: 'observations',
        index,
        labelKeys: keys,
        issues,
      });
      if (!valid) return;
      rec = {
        indicator: valid.indicator,
        region: valid.region,
        year: valid.year,
        value: valid.value,
        target: valid.target ?? null,
        provisional: valid.provisional ?? false,
        note: valid.note ?? null,
        suppressedBelow: null,
        ...(valid.status != null && { status: valid.status }),
      };
      if (rec.status != null && rec.value !== null) {
        issues.push({
          endpoint: 'observations',
          index,
          record: recordLabel(raw, keys),
          field: 'status',
          reason: 'status-with-value',
          detail: `${rec.status} / ${rec.value}`,
        });
        return;
      }
      const fields: Record<string, string | number> = {
        indicator: rec.indicator,
        region: rec.region,
        year: rec.year,
      };
      const bad = refs.find((r) => !r.known(fields[r.field] ?? ''));
      if (bad) {
        issues.push({
          endpoint: 'observations',
          index,
          record: recordLabel(raw, keys),
          field: bad.field,
          reason: bad.reason,
          detail: describeValue(fields[bad.field]),
        });
        return;
      }
    }
    if (!rec) return;
    const valid = validity.get(rec.region);
    if (valid && (rec.year < valid.from || rec.year > valid.to)) {
      issues.push({
        endpoint: 'observations',
        index,
        record: recordLabel(raw, keys),
        field: 'year',
        reason: 'outside-validity',
        detail: `${rec.year}`,
      });
      return;
    }
    if (!isNew(rec)) {
      const key = `${rec.indicator}|${rec.region}|${rec.year}`;
      issues.push({
        endpoint: 'observations',
        index,
        record: recordLabel(raw, keys),
        field: keys.join('+'),
        reason: 'duplicate',
        detail: visible(key),
      });
      return;
    }
    data.push(rec);
  });
  return { data, issues, dataVersion: versionOf(input) };
}

export function parseRankings(input: unknown, meta: Meta): Parsed<Ranking[]> {
  const list = listOf(input, 'rankings', 'rankings');
  return { ...rankingsOf(list, meta), dataVersion: versionOf(input) };
}

function rankingsOf(list: unknown[], meta: Meta): Parsed<Ranking[]> {
  const assessments = new Set(meta.assessments.map((a) => a.id));
  const regions = new Set(meta.regions.map((r) => r.id));
  const years = new Set(meta.years);
  const keys = ['assessment', 'region', 'year'] as const;
  return parseList<Ranking>(
    list.map((raw, index) => ({ raw, index })),
    'rankings',
    keys,
    (raw, index, issues) => {
      const rec = validateRecord(rankingSchema, raw, {
        endpoint: 'rankings',
        index,
        labelKeys: keys,
        issues,
      });
      return (
        rec && {
          assessment: rec.assessment,
          year: rec.year,
          region: rec.region,
          rank: rec.rank,
          of: rec.of,
          score: rec.score ?? null,
        }
      );
    },
    [
      { field: 'assessment', known: (x) => assessments.has(String(x)), reason: 'unknown-id' },
      { field: 'region', known: (x) => regions.has(String(x)), reason: 'unknown-id' },
      { field: 'year', known: (x) => years.has(Number(x)), reason: 'year-not-in-meta' },
    ],
    (r) => `${r.assessment}|${r.region}|${r.year}`,
    (r, index, issues) => {
      if (r.rank <= r.of) return true;
      issues.push({
        endpoint: 'rankings',
        index,
        record: visible(`${r.assessment} · ${r.region} · ${r.year}`),
        field: 'rank',
        reason: 'rank-exceeds-of',
        detail: `${r.rank} > ${r.of}`,
      });
      return false;
    },
  );
}
