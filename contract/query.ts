/**
 * The contract's query parameters (CONTRACT.md, version 1), parsed the same way by the data
 * service (server/) and by the demo/test API (mocks/): one set of rules for what a 400 is.
 * Pure functions, no Node or browser APIs, so the browser's msw demo can bundle them too.
 */
import { CAPABILITIES, REGION_LEVELS } from './types';
import type { Capability, RegionLevel } from './types';

export const ENDPOINTS = ['meta', 'observations', 'rankings'] as const;
export type Endpoint = (typeof ENDPOINTS)[number];

export interface ApiErrorBody {
  error: { code: string; message: string };
}

/** A response before it is put on the wire: a status and a JSON-able body. */
export interface ApiResult {
  status: number;
  body: unknown;
}

export interface YearBounds {
  from: number | null;
  to: number | null;
}

export interface ObservationQuery extends YearBounds {
  /** One id (1.0) or, with `region-list`, several: the union of their selections. */
  regions: ReadonlySet<string> | null;
  indicators: ReadonlySet<string> | null;
  /** (1.1, `depth`) levels of parenthood below each listed region; null = all. */
  depth: number | null;
  /** (1.1, `level`) keep only regions of these levels; null = all. */
  levels: ReadonlySet<RegionLevel> | null;
}

export interface RankingQuery extends YearBounds {
  assessments: ReadonlySet<string> | null;
  /** (1.1, `rankings-region`) the rankings of these regions only. */
  regions: ReadonlySet<string> | null;
}

/** What a server honours; a parameter of a feature it does not list is ignored, as in 1.0. */
export type Capabilities = ReadonlySet<Capability>;
export const ALL_CAPABILITIES: Capabilities = new Set(CAPABILITIES);
export const NO_CAPABILITIES: Capabilities = new Set();

export type Parsed<T> = { ok: true; value: T } | { ok: false; message: string };

export function errorBody(code: string, message: string): ApiErrorBody {
  return { error: { code, message } };
}

/** Repeating a scalar parameter is ambiguous, and a server that guesses hides client bugs. */
function single(params: URLSearchParams, name: string): Parsed<string | null> {
  const all = params.getAll(name);
  if (all.length > 1) return { ok: false, message: `"${name}" is given more than once` };
  return { ok: true, value: all[0] ?? null };
}

function parseYear(params: URLSearchParams, name: string): Parsed<number | null> {
  const raw = single(params, name);
  if (!raw.ok) return raw;
  if (raw.value === null) return { ok: true, value: null };
  const year = /^-?\d+$/.test(raw.value) ? Number(raw.value) : NaN;
  if (!Number.isSafeInteger(year)) {
    return { ok: false, message: `"${name}" must be an integer year, got "${raw.value}"` };
  }
  return { ok: true, value: year };
}

/** Comma lists; repeated parameters are merged, as many HTTP stacks send arrays that way. */
function parseIdList(params: URLSearchParams, name: string): Parsed<ReadonlySet<string> | null> {
  const all = params.getAll(name);
  if (all.length === 0) return { ok: true, value: null };
  const ids = all.flatMap((part) => part.split(',')).map((id) => id.trim());
  if (ids.some((id) => id === '')) {
    return { ok: false, message: `"${name}" must be a comma-separated list of ids without blanks` };
  }
  return { ok: true, value: new Set(ids) };
}

function parseBounds(params: URLSearchParams): Parsed<YearBounds> {
  const from = parseYear(params, 'from');
  if (!from.ok) return from;
  const to = parseYear(params, 'to');
  if (!to.ok) return to;
  if (from.value !== null && to.value !== null && from.value > to.value)
    return { ok: false, message: `"from" (${from.value}) is after "to" (${to.value})` };
  return { ok: true, value: { from: from.value, to: to.value } };
}

/** 1.0: one id, commas and all. 1.1 with `region-list`: a comma list. */
function parseRegions(
  params: URLSearchParams,
  asList: boolean,
): Parsed<ReadonlySet<string> | null> {
  if (asList) return parseIdList(params, 'region');
  const region = single(params, 'region');
  if (!region.ok) return region;
  if (region.value === '') return { ok: false, message: '"region" must not be empty' };
  return { ok: true, value: region.value === null ? null : new Set([region.value]) };
}

function parseDepth(params: URLSearchParams): Parsed<number | null> {
  const raw = single(params, 'depth');
  if (!raw.ok || raw.value === null) return raw.ok ? { ok: true, value: null } : raw;
  const depth = /^\d+$/.test(raw.value) ? Number(raw.value) : NaN;
  if (!Number.isSafeInteger(depth))
    return { ok: false, message: `"depth" must be an integer ≥ 0, got "${raw.value}"` };
  return { ok: true, value: depth };
}

function parseLevels(params: URLSearchParams): Parsed<ReadonlySet<RegionLevel> | null> {
  const list = parseIdList(params, 'level');
  if (!list.ok || list.value === null) return list.ok ? { ok: true, value: null } : list;
  const levels = new Set<RegionLevel>();
  for (const item of list.value) {
    const level = REGION_LEVELS.find((l) => l === item);
    if (!level)
      return {
        ok: false,
        message: `"level" items must be ${REGION_LEVELS.join(', ')}; got "${item.slice(0, 40)}"`,
      };
    levels.add(level);
  }
  return { ok: true, value: levels };
}

export function parseObservationQuery(
  params: URLSearchParams,
  capabilities: Capabilities = ALL_CAPABILITIES,
): Parsed<ObservationQuery> {
  const bounds = parseBounds(params);
  if (!bounds.ok) return bounds;
  const regions = parseRegions(params, capabilities.has('region-list'));
  if (!regions.ok) return regions;
  const indicators = parseIdList(params, 'indicator');
  if (!indicators.ok) return indicators;
  const depth: Parsed<number | null> = capabilities.has('depth')
    ? parseDepth(params)
    : { ok: true, value: null };
  if (!depth.ok) return depth;
  const levels: Parsed<ReadonlySet<RegionLevel> | null> = capabilities.has('level')
    ? parseLevels(params)
    : { ok: true, value: null };
  if (!levels.ok) return levels;
  return {
    ok: true,
    value: {
      ...bounds.value,
      regions: regions.value,
      indicators: indicators.value,
      depth: depth.value,
      levels: levels.value,
    },
  };
}

export function parseRankingQuery(
  params: URLSearchParams,
  capabilities: Capabilities = ALL_CAPABILITIES,
): Parsed<RankingQuery> {
  const bounds = parseBounds(params);
  if (!bounds.ok) return bounds;
  const assessments = parseIdList(params, 'assessment');
  if (!assessments.ok) return assessments;
  const regions: Parsed<ReadonlySet<string> | null> = capabilities.has('rankings-region')
    ? parseIdList(params, 'region')
    : { ok: true, value: null };
  if (!regions.ok) return regions;
  return {
    ok: true,
    value: { ...bounds.value, assessments: assessments.value, regions: regions.value },
  };
}

export function badRequest(message: string): ApiResult {
  return { status: 400, body: errorBody('bad-request', message) };
}

export function notFound(pathname: string): ApiResult {
  return { status: 404, body: errorBody('not-found', `No such endpoint: ${pathname}`) };
}

/** Which endpoint a path under `basePath` (e.g. "/api/v1") names. */
export function matchEndpoint(pathname: string, basePath: string): Endpoint | null {
  const base = basePath.replace(/\/+$/, '');
  if (!pathname.startsWith(`${base}/`)) return null;
  const rest = pathname.slice(base.length + 1).replace(/\/+$/, '');
  return ENDPOINTS.find((e) => e === rest) ?? null;
}
