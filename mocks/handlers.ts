import { http, HttpResponse, type HttpHandler, type RequestHandler } from 'msw';
import type { WireDataset } from '@contract/wire-types';
import { demoDataset } from './demo/dataset';
import { respond } from '@contract/filter';
import { ENDPOINTS, errorBody, notFound, type ApiResult, type Endpoint } from '@contract/query';
import { asRevision, type Revision } from './revision';

export const DEFAULT_BASE_URL = '/api/v1';
export const JSON_CONTENT_TYPE = 'application/json; charset=utf-8';

export interface HandlerOptions {
  /** Absolute ("https://data.example.gov.cn/api/v1") or a path ("/api/v1"). */
  baseUrl?: string;
  /** Serve the dataset as a 1.0 or a 1.1 server (./revision.ts); absent: as it is. */
  revision?: Revision;
}

/**
 * The msw path prefix for a base URL. A path base means "wherever the app is served from", so it
 * is matched on any origin (and under any sub-path when it is relative): that also makes it work
 * in Node, where there is no page location to resolve it against.
 */
export function handlerBase(baseUrl: string = DEFAULT_BASE_URL): string {
  const trimmed = baseUrl.trim().replace(/\/+$/, '');
  if (/^[a-z][a-z\d+.-]*:\/\//i.test(trimmed)) return trimmed;
  if (trimmed === '') return '*';
  return `*${trimmed.startsWith('/') ? '' : '/'}${trimmed}`;
}

export function endpointPath(endpoint: Endpoint, baseUrl?: string): string {
  return `${handlerBase(baseUrl)}/${endpoint}`;
}

export function jsonResponse(body: unknown, status = 200): HttpResponse<string> {
  return new HttpResponse(JSON.stringify(body), {
    status,
    headers: { 'Content-Type': JSON_CONTENT_TYPE },
  });
}

export function toResponse(result: ApiResult): HttpResponse<string> {
  return jsonResponse(result.body, result.status);
}

export function methodNotAllowed(method: string): HttpResponse<string> {
  const response = jsonResponse(
    errorBody('method-not-allowed', `${method.slice(0, 20)} is not allowed: the API is read-only`),
    405,
  );
  response.headers.set('Allow', 'GET');
  return response;
}

export function endpointHandler(
  dataset: WireDataset,
  endpoint: Endpoint,
  baseUrl?: string,
): HttpHandler {
  return http.get(endpointPath(endpoint, baseUrl), ({ request }) =>
    toResponse(respond(dataset, endpoint, new URL(request.url).searchParams)),
  );
}

export function createHandlers(
  dataset: WireDataset,
  options: HandlerOptions = {},
): RequestHandler[] {
  const { baseUrl, revision } = options;
  const served = asRevision(dataset, revision);
  return [
    ...ENDPOINTS.map((endpoint) => endpointHandler(served, endpoint, baseUrl)),
    // Without this, a mistyped endpoint in demo mode would fall through to the dev server and
    // come back as index.html with status 200.
    http.get(`${handlerBase(baseUrl)}/*`, ({ request }) =>
      toResponse(notFound(new URL(request.url).pathname)),
    ),
    // The API is read-only: any other method is a 405, as the contract says.
    http.all(`${handlerBase(baseUrl)}/*`, ({ request }) => methodNotAllowed(request.method)),
  ];
}

export const handlers: RequestHandler[] = createHandlers(demoDataset);
