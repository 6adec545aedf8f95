import { createServer } from 'node:http';
import type { WireDataset } from '../../contract/wire-types';
import { respond } from '../../contract/filter';
import { errorBody, matchEndpoint, notFound } from '../../contract/query';
import { createEditions, createLogin, errorCodeFor, UNAUTHORIZED_BODY } from '../../mocks/live';
import type { Editions, Login } from '../../mocks/live';
import { asRevision } from '../../mocks/revision';
import type { Revision } from '../../mocks/revision';
import type { Endpoint } from '../../contract/query';
import { closer, listen } from './static-server';
import type { RunningServer } from './static-server';

/** Ways a real data service fails, switchable per endpoint while a test runs. */
export type Fault =
  | { kind: 'status'; status: number }
  | { kind: 'html'; status: number }
  | { kind: 'slow'; ms: number }
  | { kind: 'truncate' }
  | { kind: 'drop' };

export interface ServeApiOptions {
  basePath?: string;
  /**
   * Which contract revision to speak: '1.1' lists every query feature and sends a dataVersion
   * (unless the dataset has its own), '1.0' strips every 1.1 field (contract/version-10.ts).
   * Absent: the dataset exactly as given. The bench serves the same data both ways.
   */
  revision?: Revision;
  /** `unauthorized`: answer this many requests, then 401 until `login.renew()`. */
  expireLoginAfter?: number;
  /** `new-edition`: answer this many requests, then serve the next edition (mocks/live.ts). */
  publishEditionAfter?: number;
}

export interface ApiServer extends RunningServer {
  /** Every request path + query the server received, to check what the app asks for. */
  requests: string[];
  faults: Map<Endpoint | '*', Fault>;
  /** `unauthorized`: `login.expire()` makes every request a 401 until `login.renew()`. */
  login: Login;
  /** `new-edition`: `edition.publish()` serves the next edition from the next request on. */
  edition: Editions;
}

/**
 * A real HTTP server speaking the contract (not msw), on another origin than the app, so the
 * browser does real CORS requests as it would against a district's data service. The query
 * rules, the login and the editions are the ones the msw scenarios use.
 */
export async function serveApi(
  dataset: WireDataset,
  options: ServeApiOptions = {},
): Promise<ApiServer> {
  const { basePath = '/api/v1', revision } = options;
  const requests: string[] = [];
  const faults = new Map<Endpoint | '*', Fault>();
  const login = createLogin({ expireAfter: options.expireLoginAfter });
  const first = asRevision(dataset, revision);
  const edition = createEditions(first, { publishAfter: options.publishEditionAfter });
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    requests.push(url.pathname + url.search);
    const cors = { 'access-control-allow-origin': '*', 'access-control-allow-headers': 'accept' };
    if (req.method === 'OPTIONS') {
      res.writeHead(204, cors).end();
      return;
    }
    const json = (status: number, text: string) =>
      res
        .writeHead(status, { ...cors, 'content-type': 'application/json; charset=utf-8' })
        .end(text);
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res
        .writeHead(405, { ...cors, allow: 'GET, HEAD', 'content-type': 'application/json' })
        .end(JSON.stringify(errorBody('method-not-allowed', 'the API is read-only')));
      return;
    }
    // The sign-on sits in front of the service: an expired login is refused before anything else.
    if (login.refuses()) return json(401, JSON.stringify(UNAUTHORIZED_BODY));
    const endpoint = matchEndpoint(url.pathname, basePath);
    const result = endpoint
      ? respond(edition.serve(), endpoint, url.searchParams)
      : notFound(url.pathname);
    const body = JSON.stringify(result.body);
    const send = () => json(result.status, body);
    const fault = (endpoint && faults.get(endpoint)) ?? faults.get('*');
    switch (fault?.kind) {
      case undefined:
        return send();
      case 'status':
        return json(
          fault.status,
          JSON.stringify(
            errorBody(
              errorCodeFor(fault.status),
              `failure ${String(fault.status)} injected by the test server`,
            ),
          ),
        );
      case 'html':
        res
          .writeHead(fault.status, { ...cors, 'content-type': 'text/html' })
          .end(
            `<html><head><title>${fault.status} Bad Gateway</title></head><body><center><h1>${fault.status} Bad Gateway</h1></center><hr><center>nginx</center></body></html>`,
          );
        return;
      case 'slow':
        setTimeout(send, fault.ms);
        return;
      case 'truncate':
        res
          .writeHead(200, { ...cors, 'content-type': 'application/json' })
          .end(body.slice(0, Math.floor(body.length / 2)));
        return;
      case 'drop':
        req.socket.destroy();
        return;
    }
  });
  const url = await listen(server);
  return { url: `${url}${basePath}`, requests, faults, login, edition, close: closer(server) };
}
