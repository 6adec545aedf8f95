import * as v from 'valibot';
import { ApiError, shapeError } from './errors';
import {
  assessmentSchema,
  campaignSchema,
  indicatorSchema,
  localized,
  programmeSchema,
  regionSchema,
} from './schema';
import { CAPABILITIES } from './types';
import type { Capability, Meta, Parsed, QualityIssue, Region } from './types';
import { visible } from './ids';
import { describeValue, validateRecord } from './validate-record';

type Raw = Record<string, unknown>;

/** Where each parsed record stood in the response, so later checks report the right position. */
const sourceIndex = new WeakMap<object, number>();
const at = (rec: object): number | null => sourceIndex.get(rec) ?? null;

function recordsOf<T extends { id: string }>(
  raw: Raw,
  field: string,
  schema: v.GenericSchema<unknown, T>,
  issues: QualityIssue[],
  required: boolean,
): T[] {
  const list = raw[field];
  if (!Array.isArray(list)) {
    if (required) throw shapeError('meta', `meta.${field} must be an array`);
    issues.push({
      endpoint: 'meta',
      index: null,
      record: 'meta',
      field,
      reason: 'missing',
      detail: describeValue(list),
    });
    return [];
  }
  const seen = new Set<string>();
  const out: T[] = [];
  list.forEach((item: unknown, index) => {
    const rec = validateRecord(schema, item, {
      endpoint: 'meta',
      index,
      labelKeys: ['id'],
      issues,
    });
    if (!rec) {
      // Name the list too: "regions: null" and "indicators: null" are two different records.
      const last = issues[issues.length - 1];
      if (last) last.record = `${field}: ${last.record}`;
      return;
    }
    if (seen.has(rec.id)) {
      issues.push({
        endpoint: 'meta',
        index,
        record: `${field}: ${visible(rec.id)}`,
        field: 'id',
        reason: 'duplicate',
        detail: visible(rec.id),
      });
      return;
    }
    seen.add(rec.id);
    sourceIndex.set(rec, index);
    out.push(rec);
  });
  return out;
}

/** Keep regions whose parent chain ends at a root inside the list; others break the forest rule. */
function keepForest(regions: Region[], issues: QualityIssue[]): Region[] {
  const byId = new Map(regions.map((r) => [r.id, r]));
  const ok = new Map<string, boolean>();
  // Iterative, so a very deep hierarchy cannot overflow the stack.
  const resolve = (start: Region): boolean => {
    const trail: Region[] = [];
    const onTrail = new Set<string>();
    let current: Region | undefined = start;
    let result = false;
    while (current) {
      const known = ok.get(current.id);
      if (known !== undefined) {
        result = known;
        break;
      }
      if (current.parent === null) {
        result = true;
        trail.push(current);
        break;
      }
      if (onTrail.has(current.id)) break; // a cycle: no root
      trail.push(current);
      onTrail.add(current.id);
      current = byId.get(current.parent);
    }
    for (const r of trail) ok.set(r.id, result);
    return result;
  };
  return regions.filter((r) => {
    const index = at(r);
    const good = resolve(r);
    if (!good) {
      issues.push({
        endpoint: 'meta',
        index,
        record: `regions: ${visible(r.id)}`,
        field: 'parent',
        reason: 'unknown-id',
        detail: describeValue(r.parent),
      });
    }
    return good;
  });
}

/** validFrom after validTo cannot be true of any year: the region is dropped and reported. */
function keepValidity(regions: Region[], issues: QualityIssue[]): Region[] {
  return regions.filter((r) => {
    if (r.validFrom == null || r.validTo == null || r.validFrom <= r.validTo) return true;
    issues.push({
      endpoint: 'meta',
      index: at(r),
      record: `regions: ${visible(r.id)}`,
      field: 'validFrom',
      reason: 'bad-validity',
      detail: `${r.validFrom}–${r.validTo}`,
    });
    return false;
  });
}

/** Unknown capabilities are ignored: a newer server may list features this client cannot use. */
function capabilitiesOf(raw: unknown): Capability[] {
  if (!Array.isArray(raw)) return [];
  return CAPABILITIES.filter((c) => raw.includes(c));
}

function optionalLocalized(raw: Raw, field: string, issues: QualityIssue[]) {
  if (raw[field] === undefined) return null;
  const res = v.safeParse(localized, raw[field]);
  if (res.success) return res.output;
  issues.push({
    endpoint: 'meta',
    index: null,
    record: 'meta',
    field,
    reason: 'invalid',
    detail: describeValue(raw[field]),
  });
  return null;
}

/** (1.1) `dataVersion` of any answer: a non-empty string, else none. */
export function versionOf(body: unknown): string | null {
  if (typeof body !== 'object' || body === null) return null;
  const version = (body as Raw).dataVersion;
  return typeof version === 'string' && version !== '' ? version.slice(0, 200) : null;
}

const isEmptyList = (value: unknown) => Array.isArray(value) && value.length === 0;

export function parseMeta(input: unknown): Parsed<Meta> {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    throw shapeError('meta', 'meta must be a JSON object');
  }
  const raw = input as Raw;
  const issues: QualityIssue[] = [];
  // A version 2 lives under its own base path: reading it as version 1 would misread it.
  if (typeof raw.apiVersion === 'number' && raw.apiVersion !== 1)
    throw new ApiError(
      'meta',
      'version',
      `the server speaks API version ${raw.apiVersion}; this dashboard reads version 1`,
    );
  if (raw.apiVersion != null && typeof raw.apiVersion !== 'number')
    throw shapeError('meta', 'meta.apiVersion must be the number 1');
  if (isEmptyList(raw.years) && isEmptyList(raw.regions) && isEmptyList(raw.indicators))
    throw new ApiError('meta', 'empty', 'meta lists no years, regions or indicators yet');

  const yearsRaw = raw.years;
  if (!Array.isArray(yearsRaw) || yearsRaw.length === 0)
    throw shapeError('meta', 'meta.years must be a non-empty array of years');
  const years: number[] = [];
  yearsRaw.forEach((y: unknown, index) => {
    if (typeof y === 'number' && Number.isInteger(y) && !years.includes(y)) years.push(y);
    else
      issues.push({
        endpoint: 'meta',
        index,
        record: 'years',
        field: `years.${index}`,
        reason: 'invalid',
        detail: describeValue(y),
      });
  });
  if (years.length === 0) throw shapeError('meta', 'meta.years has no valid year');
  if (years.some((y, i) => i > 0 && y < (years[i - 1] ?? y))) {
    issues.push({
      endpoint: 'meta',
      index: null,
      record: 'meta',
      field: 'years',
      reason: 'unsorted-years',
      detail: describeValue(yearsRaw),
    });
    years.sort((a, b) => a - b);
  }

  const regions = keepForest(
    keepValidity(
      recordsOf(raw, 'regions', regionSchema, issues, true).map((r) => {
        // 1.1 fields are set only when sent: a 1.0 answer parses exactly as before.
        const out: Region = { id: r.id, level: r.level, parent: r.parent, name: r.name };
        if (r.validFrom != null) out.validFrom = r.validFrom;
        if (r.validTo != null) out.validTo = r.validTo;
        sourceIndex.set(out, at(r) ?? -1);
        return out;
      }),
      issues,
    ),
    issues,
  );
  if (regions.length === 0) throw shapeError('meta', 'meta.regions has no valid region');
  const regionIds = new Set(regions.map((r) => r.id));

  const programmes = recordsOf(raw, 'programmes', programmeSchema, issues, false);
  const programmeIds = new Set(programmes.map((p) => p.id));

  const campaigns = recordsOf(raw, 'campaigns', campaignSchema, issues, false).filter((c) => {
    const index = at(c);
    const good = c.startYear <= c.endYear && c.baselineYear < c.startYear;
    if (!good)
      issues.push({
        endpoint: 'meta',
        index,
        record: `campaigns: ${visible(c.id)}`,
        field: 'startYear',
        reason: 'bad-campaign-years',
        detail: `${c.baselineYear}/${c.startYear}–${c.endYear}`,
      });
    return good;
  });

  const indicators = recordsOf(raw, 'indicators', indicatorSchema, issues, true)
    .filter((ind) => {
      const index = at(ind);
      const good = ind.programme == null || programmeIds.has(ind.programme);
      if (!good)
        issues.push({
          endpoint: 'meta',
          index,
          record: `indicators: ${visible(ind.id)}`,
          field: 'programme',
          reason: 'unknown-id',
          detail: describeValue(ind.programme),
        });
      return good;
    })
    .map((ind) => ({
      id: ind.id,
      name: ind.name,
      unit: ind.unit,
      unitLabel: ind.unitLabel ?? null,
      decimals: ind.decimals,
      better: ind.better,
      programme: ind.programme ?? null,
      headline: ind.headline ?? false,
      description: ind.description ?? null,
      ...(ind.aggregation != null && { aggregation: ind.aggregation }),
    }));
  if (indicators.length === 0) throw shapeError('meta', 'meta.indicators has no valid indicator');

  const assessments = recordsOf(raw, 'assessments', assessmentSchema, issues, false).filter((a) => {
    const index = at(a);
    const good = a.scope === null || regionIds.has(a.scope);
    if (!good)
      issues.push({
        endpoint: 'meta',
        index,
        record: `assessments: ${visible(a.id)}`,
        field: 'scope',
        reason: 'unknown-id',
        detail: visible(a.scope ?? ''),
      });
    return good;
  });

  const dataAsOf =
    typeof raw.dataAsOf === 'string' && raw.dataAsOf.trim()
      ? raw.dataAsOf.trim().slice(0, 40)
      : null;
  if (raw.dataAsOf !== undefined && dataAsOf === null) {
    issues.push({
      endpoint: 'meta',
      index: null,
      record: 'meta',
      field: 'dataAsOf',
      reason: 'invalid',
      detail: describeValue(raw.dataAsOf),
    });
  }

  const dataVersion = versionOf(raw);
  return {
    data: {
      apiVersion: 1,
      ...(raw.capabilities != null && { capabilities: capabilitiesOf(raw.capabilities) }),
      ...(dataVersion !== null && { dataVersion }),
      title: optionalLocalized(raw, 'title', issues),
      source: optionalLocalized(raw, 'source', issues),
      dataAsOf,
      years,
      regions,
      campaigns: campaigns.map((c) => ({
        id: c.id,
        name: c.name,
        startYear: c.startYear,
        endYear: c.endYear,
        baselineYear: c.baselineYear,
      })),
      programmes: programmes.map((p) => ({ id: p.id, name: p.name })),
      indicators,
      assessments: assessments.map((a) => ({
        id: a.id,
        name: a.name,
        scope: a.scope,
        ...(a.scopeName != null && { scopeName: a.scopeName }),
        ...(a.better != null && { better: a.better }),
        ...(a.scoreDecimals != null && { scoreDecimals: a.scoreDecimals }),
      })),
    },
    issues,
  };
}
