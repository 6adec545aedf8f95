import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import type { Server } from 'node:http';
import { extname, join, normalize, resolve } from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
};

export interface RunningServer {
  url: string;
  close: () => Promise<void>;
}

export function listen(server: Server): Promise<string> {
  return new Promise((ok) => {
    server.listen(0, '127.0.0.1', () => {
      const addr = server.address();
      ok(`http://127.0.0.1:${typeof addr === 'object' && addr ? addr.port : 0}`);
    });
  });
}

export function closer(server: Server): () => Promise<void> {
  return () =>
    new Promise((ok) => {
      server.closeAllConnections();
      server.close(() => ok());
    });
}

/**
 * Serves the production build like any static web server would, with optional overrides
 * (e.g. a deployment's own config.json, or none at all: `null` answers 404).
 */
export async function serveDist(
  overrides: Record<string, string | null> = {},
  root = resolve('dist'),
): Promise<RunningServer> {
  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    if (path in overrides) {
      const body = overrides[path];
      if (body === null || body === undefined) {
        res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      } else {
        res
          .writeHead(200, { 'content-type': TYPES[extname(path)] ?? 'application/octet-stream' })
          .end(body);
      }
      return;
    }
    const file = normalize(join(root, path.endsWith('/') ? `${path}index.html` : path));
    if (!file.startsWith(root) || !existsSync(file) || !statSync(file).isFile()) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
    createReadStream(file).pipe(res);
  });
  const url = await listen(server);
  return { url, close: closer(server) };
}
