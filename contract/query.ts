/**
 * The contract's query parameters (CONTRACT.md, version 1), parsed the same way by the data
 * service (server/) and by the demo/test API (mocks/): one set of rules for what a 400 is.
 * Pure functions, no Node or browser APIs, so the browser's msw demo can bundle them too.
 */
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
  region: string | null;
  indicators: ReadonlySet<string> | null;
}

export interface RankingQuery extends YearBounds {
  assessments: ReadonlySet<string> | null;
}

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
  return { ok: true, value: { from: from.value, to: to.value } };
}

export function parseObservationQuery(params: URLSearchParams): Parsed<ObservationQuery> {
  const bounds = parseBounds(params);
  if (!bounds.ok) return bounds;
  const region = single(params, 'region');
  if (!region.ok) return region;
  if (region.value === '') return { ok: false, message: '"region" must not be empty' };
  const indicators = parseIdList(params, 'indicator');
  if (!indicators.ok) return indicators;
  return {
    ok: true,
    value: { ...bounds.value, region: region.value, indicators: indicators.value },
  };
}

export function parseRankingQuery(params: URLSearchParams): Parsed<RankingQuery> {
  const bounds = parseBounds(params);
  if (!bounds.ok) return bounds;
  const assessments = parseIdList(params, 'assessment');
  if (!assessments.ok) return assessments;
  return { ok: true, value: { ...bounds.value, assessments: assessments.value } };
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
