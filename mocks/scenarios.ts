/**
 * Per-test overrides: `server.use(scenarios.serverError('meta'))`,
 * `server.use(...scenarios.brokenRecords())`. They match the same URLs as `handlers`; use
 * `createScenarios({ baseUrl })` for handlers created with another base.
 *
 * Contract 1.1 variants: `scenarios.version10()` serves the same data as a 1.0 server;
 * `scenarios.unauthorized({ after })` and `scenarios.newEdition({ after })` return the handlers
 * and a control (`login.expire()`/`renew()`, `editions.publish()`) shared with the Node test
 * server (./live.ts), so a test can make the login expire or a new edition appear mid-test.
 */
import { delay, http, HttpResponse, type HttpHandler, type RequestHandler } from 'msw';
import { brokenObservationsBody, brokenRankingsBody, HOSTILE_LABEL } from './broken-records';
import type { WireDataset, WireMeta } from '@contract/wire-types';
import { demoDataset } from './demo/dataset';
import { respond } from '@contract/filter';
import { ENDPOINTS, errorBody, type Endpoint } from '@contract/query';
import {
  createHandlers,
  endpointPath,
  JSON_CONTENT_TYPE,
  jsonResponse,
  toResponse,
} from './handlers';
import { createEditions, createLogin, UNAUTHORIZED_BODY, type Editions, type Login } from './live';

export const SERVER_ERROR_BODY = errorBody('internal', 'The data service failed (demo scenario).');

/** What a reverse proxy in front of a dead API typically sends. */
export const HTML_ERROR_PAGE =
  '<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n' +
  '<center><h1>502 Bad Gateway</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n';

/** Truncated JSON, as when a connection drops mid-body: the status and headers look fine. */
export const MALFORMED_BODIES: Readonly<Record<Endpoint, string>> = {
  meta: '{"apiVersion": 1, "title": {"zh": "海口市禁毒工作数据", "en": "Haikou',
  observations:
    '{"observations": [{"indicator": "new-users", "region": "460106", "year": 2016, "val',
  rankings: '{"rankings": [{"assessment": "province-overall", "year": 2017, "reg',
};

/** Demo meta with markup in a region name and an indicator name; labels must render as text. */
export function hostileMeta(meta: WireMeta = demoDataset.meta): WireMeta {
  return {
    ...meta,
    regions: meta.regions.map((r) =>
      r.id === '460106011'
        ? { ...r, name: { zh: `${r.name.zh}${HOSTILE_LABEL}`, en: `${r.name.en}${HOSTILE_LABEL}` } }
        : r,
    ),
    indicators: meta.indicators.map((i) =>
      i.id === 'staff'
        ? { ...i, name: { zh: `${i.name.zh}${HOSTILE_LABEL}`, en: `${i.name.en}${HOSTILE_LABEL}` } }
        : i,
    ),
  };
}

export interface ScenarioOptions {
  baseUrl?: string;
  dataset?: WireDataset;
}

export interface LoginScenario {
  handlers: HttpHandler[];
  login: Login;
}

export interface EditionScenario {
  handlers: HttpHandler[];
  editions: Editions;
}

export function createScenarios(options: ScenarioOptions = {}) {
  const { baseUrl, dataset = demoDataset } = options;
  const path = (endpoint: Endpoint): string => endpointPath(endpoint, baseUrl);

  return {
    /** The normal answer, late; 'infinite' never answers (for loading states). */
    slow(endpoint: Endpoint, ms: number | 'infinite'): HttpHandler {
      return http.get(path(endpoint), async ({ request }) => {
        await delay(ms);
        return toResponse(respond(dataset, endpoint, new URL(request.url).searchParams));
      });
    },

    serverError(endpoint: Endpoint): HttpHandler {
      return http.get(path(endpoint), () => jsonResponse(SERVER_ERROR_BODY, 500));
    },

    htmlError(endpoint: Endpoint): HttpHandler {
      return http.get(
        path(endpoint),
        () =>
          new HttpResponse(HTML_ERROR_PAGE, {
            status: 502,
            headers: { 'Content-Type': 'text/html' },
          }),
      );
    },

    malformed(endpoint: Endpoint): HttpHandler {
      return http.get(
        path(endpoint),
        () =>
          new HttpResponse(MALFORMED_BODIES[endpoint], {
            status: 200,
            headers: { 'Content-Type': JSON_CONTENT_TYPE },
          }),
      );
    },

    /**
     * Observations and rankings with the broken records of ./broken-records appended. Query
     * parameters are ignored on purpose: whatever a client asks for, it gets exactly
     * brokenRecordCounts bad records to report.
     */
    brokenRecords(): HttpHandler[] {
      return [
        http.get(path('observations'), () => jsonResponse(brokenObservationsBody(dataset))),
        http.get(path('rankings'), () => jsonResponse(brokenRankingsBody(dataset))),
      ];
    },

    hostileLabels(): HttpHandler {
      return http.get(path('meta'), () => jsonResponse(hostileMeta(dataset.meta)));
    },

    /** `version-1.0`: the same data as a revision 1.0 server serves it (no 1.1 fields). */
    version10(): RequestHandler[] {
      return createHandlers(dataset, { baseUrl, revision: '1.0' });
    },

    /**
     * `unauthorized`: answers normally, then 401 with the contract body from the request after
     * `after` answered ones (never, without `after`, until `login.expire()`), until
     * `login.renew()`. Every endpoint counts, as behind a single sign-on proxy.
     */
    unauthorized(options: { after?: number } = {}): LoginScenario {
      const login = createLogin({ expireAfter: options.after });
      const handlers = ENDPOINTS.map((endpoint) =>
        http.get(path(endpoint), ({ request }) =>
          login.refuses()
            ? jsonResponse(UNAUTHORIZED_BODY, 401)
            : toResponse(respond(dataset, endpoint, new URL(request.url).searchParams)),
        ),
      );
      return { handlers, login };
    },

    /**
     * `new-edition`: a data update mid-session. The first `after` requests are answered from
     * the dataset, the rest from its next edition (./live.ts nextEdition: revised provisional
     * figures and a new dataVersion), or from `next` when given; `editions.publish()` switches
     * at once.
     */
    newEdition(options: { after?: number; next?: WireDataset } = {}): EditionScenario {
      const editions = createEditions(dataset, { publishAfter: options.after, next: options.next });
      const handlers = ENDPOINTS.map((endpoint) =>
        http.get(path(endpoint), ({ request }) =>
          toResponse(respond(editions.serve(), endpoint, new URL(request.url).searchParams)),
        ),
      );
      return { handlers, editions };
    },
  };
}

export type Scenarios = ReturnType<typeof createScenarios>;

export const scenarios: Scenarios = createScenarios();
