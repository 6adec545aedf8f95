import { createServer } from 'node:http';
import type { WireDataset } from '../../mocks/demo/wire-types';
import { matchEndpoint, notFound, respond } from '../../mocks/filter';
import { closer, listen } from './static-server';
import type { RunningServer } from './static-server';

export interface ApiServer extends RunningServer {
  /** Every request path + query the server received, to check what the app asks for. */
  requests: string[];
}

/**
 * A real HTTP server speaking the contract (not msw), on another origin than the app, so the
 * browser does real CORS requests as it would against a district's data service.
 */
export async function serveApi(dataset: WireDataset, basePath = '/api/v1'): Promise<ApiServer> {
  const requests: string[] = [];
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
    res
      .writeHead(result.status, { ...cors, 'content-type': 'application/json; charset=utf-8' })
      .end(JSON.stringify(result.body));
  });
  const url = await listen(server);
  return { url: `${url}${basePath}`, requests, close: closer(server) };
}
