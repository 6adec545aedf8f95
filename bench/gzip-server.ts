import { existsSync, readFileSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { gzipSync } from 'node:zlib';
import { closer, listen } from '../e2e/support/static-server';
import type { RunningServer } from '../e2e/support/static-server';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
};
const COMPRESSIBLE = new Set(['.html', '.js', '.mjs', '.css', '.json', '.svg']);

interface Entry {
  type: string;
  raw: Buffer;
  gzip: Buffer | null;
  cache: string;
}

export interface GzipServer extends RunningServer {
  /** Paths requested so far, in order. */
  requests: string[];
}

/**
 * The production build as a static web server with gzip in front would serve it (as nginx
 * `gzip_static` does): every text file is compressed once at level 9 and kept in memory;
 * hashed assets are cacheable for a year, the HTML and config.json are revalidated.
 * `overrides` replace (or with `null` remove) single paths, e.g. a deployment's config.json.
 */
export async function serveGzip(
  root: string,
  overrides: Record<string, string | null> = {},
): Promise<GzipServer> {
  const base = resolve(root);
  const cache = new Map<string, Entry | null>();
  const entry = (path: string): Entry | null => {
    const hit = cache.get(path);
    if (hit !== undefined) return hit;
    let raw: Buffer | null = null;
    if (path in overrides) {
      const body = overrides[path];
      raw = body === null || body === undefined ? null : Buffer.from(body);
    } else {
      const file = normalize(join(base, path.endsWith('/') ? `${path}index.html` : path));
      if (
        (file === base || file.startsWith(base + sep)) &&
        existsSync(file) &&
        statSync(file).isFile()
      )
        raw = readFileSync(file);
    }
    const ext = extname(path.endsWith('/') ? 'index.html' : path);
    const result: Entry | null = raw && {
      type: TYPES[ext] ?? 'application/octet-stream',
      raw,
      gzip: COMPRESSIBLE.has(ext) ? gzipSync(raw, { level: 9 }) : null,
      cache: path.includes('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache',
    };
    cache.set(path, result);
    return result;
  };
  const requests: string[] = [];
  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    requests.push(path);
    const e = entry(path);
    if (!e) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    const accepts = /\bgzip\b/.test(req.headers['accept-encoding'] ?? '');
    const body = e.gzip && accepts ? e.gzip : e.raw;
    res.writeHead(200, {
      'content-type': e.type,
      'content-length': body.length,
      'cache-control': e.cache,
      ...(e.gzip ? { vary: 'accept-encoding' } : {}),
      ...(body === e.gzip ? { 'content-encoding': 'gzip' } : {}),
    });
    res.end(req.method === 'HEAD' ? undefined : body);
  });
  const url = await listen(server);
  return { url, requests, close: closer(server) };
}
