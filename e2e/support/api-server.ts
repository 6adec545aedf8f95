import { createServer } from 'node:http';
import type { WireDataset } from '../../contract/wire-types';
import { respond } from '../../contract/filter';
import { matchEndpoint, notFound } from '../../contract/query';
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

export interface ApiServer extends RunningServer {
  /** Every request path + query the server received, to check what the app asks for. */
  requests: string[];
  faults: Map<Endpoint | '*', Fault>;
}

/**
 * A real HTTP server speaking the contract (not msw), on another origin than the app, so the
 * browser does real CORS requests as it would against a district's data service.
 */
export async function serveApi(dataset: WireDataset, basePath = '/api/v1'): Promise<ApiServer> {
  const requests: string[] = [];
  const faults = new Map<Endpoint | '*', Fault>();
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    requests.push(url.pathname + url.search);
    const cors = { 'access-control-allow-origin': '*', 'access-control-allow-headers': 'accept' };
    if (req.method === 'OPTIONS') {
      res.writeHead(204, cors).end();
      return;
    }
    const endpoint = matchEndpoint(url.pathname, basePath);
    const result = endpoint ? respond(dataset, endpoint, url.searchParams) : notFound(url.pathname);
    const body = JSON.stringify(result.body);
    const send = () =>
      res
        .writeHead(result.status, { ...cors, 'content-type': 'application/json; charset=utf-8' })
        .end(body);
    const fault = (endpoint && faults.get(endpoint)) ?? faults.get('*');
    switch (fault?.kind) {
      case undefined:
        return send();
      case 'status':
        res.writeHead(fault.status, { ...cors, 'content-type': 'application/json' }).end(
          JSON.stringify({
            error: {
              code: 'test',
              message: `failure ${fault.status} injected by the test server`,
            },
          }),
        );
        return;
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
  return { url: `${url}${basePath}`, requests, faults, close: closer(server) };
}
