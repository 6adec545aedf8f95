/**
 * Measurements taken inside the page, on the production build: load milestones, filter-change
 * latency and export durations. Times come from the page's own clock (performance.now(), i.e.
 * milliseconds since navigation start) unless stated otherwise.
 */
import { statSync } from 'node:fs';
import { performance as nodePerformance } from 'node:perf_hooks';
import { gzipSync } from 'node:zlib';
import type { Locator, Page, Request } from 'playwright-core';
import type { WireDataset } from '../contract/wire-types';
import { respond } from '../contract/filter';
import { matchEndpoint } from '../contract/query';

const LOAD_TIMEOUT = 120_000;

/** Milliseconds from navigation start until every Overview card is filled (no skeleton left). */
export async function waitOverviewFilled(page: Page, timeout = LOAD_TIMEOUT): Promise<number> {
  const handle = await page.waitForFunction(
    () => {
      const main = document.querySelector('main');
      if (!main || main.querySelector('.skeleton')) return false;
      const cards = [...main.querySelectorAll('article')];
      if (cards.length === 0) return false;
      return cards.every((c) => c.querySelector('.kpi-card__number, .kpi-card__missing'))
        ? performance.now()
        : false;
    },
    undefined,
    { polling: 'raf', timeout },
  );
  return (await handle.jsonValue()) as number;
}

/** Milliseconds from navigation start until the first chart line has a path. */
export async function waitFirstChart(page: Page, timeout = LOAD_TIMEOUT): Promise<number> {
  const handle = await page.waitForFunction(
    () => {
      // The app draws its own SVG; the floor page draws with recharts.
      const d =
        document.querySelector('.line-chart__plot polyline')?.getAttribute('points') ??
        document.querySelector('.recharts-line path')?.getAttribute('d');
      return d && d.trim() !== '' ? performance.now() : false;
    },
    undefined,
    { polling: 'raf', timeout },
  );
  return (await handle.jsonValue()) as number;
}

/** Fail with the page's own errors when a milestone is never reached. */
export async function withPageErrors<T>(
  errors: readonly string[],
  what: string,
  fn: () => Promise<T>,
): Promise<T> {
  try {
    return await fn();
  } catch (e) {
    const detail = errors.length ? `\npage errors:\n${errors.slice(0, 5).join('\n')}` : '';
    throw new Error(`${what}: ${e instanceof Error ? e.message : String(e)}${detail}`, {
      cause: e,
    });
  }
}

export type Change =
  { kind: 'select'; label: string; value: string } | { kind: 'checkbox'; label: string };

export interface ChangeSpec {
  change: Change;
  /** What the URL must say afterwards. */
  url: { param: string; op: 'equals' | 'includes' | 'excludes'; value: string };
  /** Elements that must all differ (innerHTML) from before, e.g. every card or every figure. */
  targets: string;
  quietMs?: number;
  timeoutMs?: number;
}

export interface ChangeResult {
  /** Input event → last DOM mutation, once the DOM shows the new selection everywhere. */
  ms: number;
  /** Input event → the first frame painted after that last mutation (rAF + task). */
  paintedMs: number;
  longestTask: number;
  mutations: number;
}

/**
 * One filter change, timed in the page: performance.now() just before the input/change event,
 * a MutationObserver on <main> stamping every mutation; done when the URL carries the new
 * value, no skeleton is left, every target differs from before, and nothing has changed for
 * `quietMs`. The figure is the time of the last mutation (Recharts animation is off on screen).
 */
export async function timeChange(page: Page, spec: ChangeSpec): Promise<ChangeResult> {
  const result = await page.evaluate(async (s) => {
    const main = document.querySelector('main');
    if (!main) throw new Error('no <main>');
    const labels = [...document.querySelectorAll('label')];
    let control: HTMLInputElement | HTMLSelectElement | null;
    const change = s.change;
    if (change.kind === 'select') {
      const label = labels.find((l) => l.textContent.trim() === change.label && l.htmlFor);
      const el = label ? document.getElementById(label.htmlFor) : null;
      control = el instanceof HTMLSelectElement ? el : null;
    } else {
      const label = labels.find(
        (l) => l.textContent.trim() === change.label && l.querySelector('input[type=checkbox]'),
      );
      control = label?.querySelector('input') ?? null;
    }
    if (!control) throw new Error(`no control labelled "${change.label}"`);
    const signature = () => [...main.querySelectorAll(s.targets)].map((el) => el.innerHTML);
    const before = signature();
    const urlOk = () => {
      const raw = new URLSearchParams(location.search).get(s.url.param) ?? '';
      const list = raw.split(',');
      if (s.url.op === 'equals') return raw === s.url.value;
      if (s.url.op === 'includes') return list.includes(s.url.value);
      return !list.includes(s.url.value);
    };
    const changedEverywhere = () => {
      const after = signature();
      if (after.length === 0) return false;
      return after.length !== before.length || after.every((html, i) => html !== before[i]);
    };
    const tasks: number[] = [];
    const taskObserver = new PerformanceObserver((list) => {
      for (const e of list.getEntries()) tasks.push(e.duration);
    });
    try {
      taskObserver.observe({ type: 'longtask' });
    } catch {
      // no long-task support
    }
    let last = 0;
    let painted = 0;
    let mutations = 0;
    const observer = new MutationObserver(() => {
      const stamp = (last = performance.now());
      mutations++;
      // rAF runs before the frame is painted; a task queued from it runs after that paint.
      requestAnimationFrame(() =>
        setTimeout(() => {
          if (stamp === last) painted = performance.now();
        }, 0),
      );
    });
    observer.observe(main, {
      subtree: true,
      childList: true,
      attributes: true,
      characterData: true,
    });

    const t0 = performance.now();
    if (control instanceof HTMLSelectElement) {
      control.value = change.kind === 'select' ? change.value : '';
      control.dispatchEvent(new Event('input', { bubbles: true }));
      control.dispatchEvent(new Event('change', { bubbles: true }));
    } else {
      control.click();
    }
    const quiet = s.quietMs ?? 300;
    const timeout = s.timeoutMs ?? 60_000;
    return new Promise<{
      ms: number;
      paintedMs: number;
      longestTask: number;
      mutations: number;
      error?: string;
    }>((done) => {
      const finish = (error?: string) => {
        observer.disconnect();
        taskObserver.disconnect();
        done({
          ms: last - t0,
          paintedMs: painted - t0,
          longestTask: tasks.length ? Math.max(...tasks) : 0,
          mutations,
          ...(error ? { error } : {}),
        });
      };
      const check = () => {
        const now = performance.now();
        if (
          mutations > 0 &&
          now - last >= quiet &&
          painted > last &&
          urlOk() &&
          !main.querySelector('.skeleton') &&
          changedEverywhere()
        )
          finish();
        else if (now - t0 > timeout)
          finish(
            `timeout: url ${String(urlOk())}, skeleton ${String(!!main.querySelector('.skeleton'))}, mutations ${String(mutations)}`,
          );
        else setTimeout(check, 50);
      };
      setTimeout(check, 50);
    });
  }, spec);
  if (result.error)
    throw new Error(`filter change ${JSON.stringify(spec.change)}: ${result.error}`);
  return {
    ms: result.ms,
    paintedMs: result.paintedMs,
    longestTask: result.longestTask,
    mutations: result.mutations,
  };
}

export interface ApiTransfer {
  path: string;
  /** The answer's body as the e2e contract server sends it (uncompressed JSON). */
  bytes: number;
  /**
   * The same body gzipped as the data service sends it: hono's compress middleware
   * (server/api/app.ts) uses the platform's CompressionStream('gzip'), zlib's default level 6.
   */
  gzipBytes: number;
  records: number;
}

/** Watches a page's GET requests to the API; `since(mark)` lists those finished after a mark. */
export function watchApi(page: Page, apiUrl: string, dataset: WireDataset) {
  const seen: Request[] = [];
  page.on('requestfinished', (r) => {
    if (r.method() === 'GET' && r.url().startsWith(apiUrl)) seen.push(r);
  });
  const base = new URL(apiUrl).pathname;
  return {
    mark: () => seen.length,
    since: (mark: number): Promise<ApiTransfer[]> =>
      Promise.all(
        seen.slice(mark).map(async (r) => {
          const url = new URL(r.url());
          const endpoint = matchEndpoint(url.pathname, base);
          const body = endpoint ? respond(dataset, endpoint, url.searchParams).body : null;
          const list =
            body && typeof body === 'object' && !Array.isArray(body)
              ? Object.values(body as Record<string, unknown>).find(Array.isArray)
              : undefined;
          // The e2e server sends JSON.stringify of exactly this body: gzip it here rather than
          // read it back from the browser (evicted once the page navigates on). Chromium's body
          // size also counts the chunked encoding's framing (a few bytes per 64 KB), so the two
          // lengths agree only to within that.
          const bytes = (await r.sizes()).responseBodySize;
          const text = body === null ? '' : JSON.stringify(body);
          const length = Buffer.byteLength(text);
          return {
            path: url.pathname.slice(base.length) + url.search,
            bytes,
            gzipBytes:
              text !== '' && Math.abs(length - bytes) <= 16 + bytes / 1000
                ? gzipSync(text, { level: 6 }).length
                : NaN,
            records: Array.isArray(list) ? list.length : 0,
          };
        }),
      ),
  };
}

export interface DownloadTiming {
  ms: number;
  name: string;
  bytes: number;
}

/** Node-side clock: click (dispatched in the page, no actionability wait) → 'download' event. */
export async function timeDownload(
  page: Page,
  target: Locator,
  timeout = 120_000,
): Promise<DownloadTiming> {
  await target.waitFor();
  const t0 = nodePerformance.now();
  const event = page.waitForEvent('download', { timeout });
  await target.evaluate((el: HTMLElement) => el.click());
  const dl = await event;
  const ms = nodePerformance.now() - t0;
  const path = await dl.path();
  return { ms, name: dl.suggestedFilename(), bytes: statSync(path).size };
}
