import { readdirSync, readFileSync } from 'node:fs';
import { extname, join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Page, Request } from 'playwright-core';

export interface AssetSize {
  file: string;
  /** The file name without its content hash, e.g. "trends-view.js". */
  name: string;
  raw: number;
  gzip: number;
}

export interface ChunkGroup {
  name: string;
  files: number;
  raw: number;
  gzip: number;
}

const HASHED = /^(.*)-[\w-]{8}(\.\w+)$/;

/** Every JS and CSS file of a build's assets folder with its gzip -9 size. */
export function assetSizes(distDir: string): AssetSize[] {
  const dir = join(distDir, 'assets');
  return readdirSync(dir)
    .filter((f) => ['.js', '.css'].includes(extname(f)))
    .map((file) => {
      const bytes = readFileSync(join(dir, file));
      const m = HASHED.exec(file);
      return {
        file,
        name: m ? `${m[1] ?? ''}${m[2] ?? ''}` : file,
        raw: bytes.length,
        gzip: gzipSync(bytes, { level: 9 }).length,
      };
    });
}

/** Assets grouped by name (e.g. three "build-specs.js" chunks become one row), largest first. */
export function groupByName(assets: readonly AssetSize[]): ChunkGroup[] {
  const groups = new Map<string, ChunkGroup>();
  for (const a of assets) {
    const g = groups.get(a.name) ?? { name: a.name, files: 0, raw: 0, gzip: 0 };
    g.files++;
    g.raw += a.raw;
    g.gzip += a.gzip;
    groups.set(a.name, g);
  }
  return [...groups.values()].sort((a, b) => b.gzip - a.gzip);
}

export interface Transfer {
  url: string;
  /** Encoded (gzip) body bytes as received. */
  body: number;
  headers: number;
  contentEncoding: string | null;
}

/** Records every finished GET of a page with its encoded size (Playwright network events). */
export function recordTransfers(page: Page): { done: () => Promise<Transfer[]> } {
  const pending: Promise<Transfer>[] = [];
  const onFinished = (request: Request) => {
    pending.push(
      (async () => {
        const [sizes, response] = await Promise.all([request.sizes(), request.response()]);
        return {
          url: request.url(),
          body: sizes.responseBodySize,
          headers: sizes.responseHeadersSize,
          contentEncoding: (await response?.headerValue('content-encoding')) ?? null,
        };
      })(),
    );
  };
  page.on('requestfinished', onFinished);
  return {
    done: async () => {
      page.off('requestfinished', onFinished);
      return Promise.all(pending);
    },
  };
}

/** URLs (without query) of resources whose response ended by `until` (ms since navigation). */
export function resourcesEndedBy(page: Page, until: number): Promise<string[]> {
  return page.evaluate(
    (t) =>
      performance
        .getEntriesByType('resource')
        .filter((e) => (e as PerformanceResourceTiming).responseEnd <= t)
        .map((e) => e.name.split('?')[0] ?? e.name),
    until,
  );
}

export interface FirstLoad {
  js: number;
  css: number;
  /** JS + CSS. */
  total: number;
  html: number;
  files: { file: string; gzip: number; encoding: string | null }[];
}

/** Sum of the .js/.css transfers of `origin` among `loaded` (the files fetched before paint). */
export function firstLoadOf(
  transfers: readonly Transfer[],
  loaded: readonly string[],
  origin: string,
): FirstLoad {
  const before = new Set(loaded);
  const mine = transfers.filter(
    (t) => t.url.startsWith(origin) && before.has(t.url.split('?')[0] ?? t.url),
  );
  const files = mine
    .filter((t) => /\.(js|css)$/.test(new URL(t.url).pathname))
    .map((t) => ({
      file: new URL(t.url).pathname.replace(/^\//, ''),
      gzip: t.body,
      encoding: t.contentEncoding,
    }));
  const sum = (ext: string) =>
    files.filter((f) => f.file.endsWith(ext)).reduce((a, f) => a + f.gzip, 0);
  // The document itself is a navigation entry, not a resource entry: take it from the transfers.
  const html =
    transfers.find(
      (t) => t.url.startsWith(origin) && /\/(index\.html)?$/.test(new URL(t.url).pathname),
    )?.body ?? 0;
  return { js: sum('.js'), css: sum('.css'), total: sum('.js') + sum('.css'), html, files };
}
