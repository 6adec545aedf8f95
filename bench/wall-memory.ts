/**
 * Wall mode over time (issue 15): the JS heap after 1, 30 and 60 region changes, and what a
 * data refresh costs on the wire. A script, not a test:
 *
 *   npx vite build && npx tsx bench/wall-memory.ts [cycles=60] [refresh minutes=0.25]
 *
 * Part 1 serves the production build on its demo data (msw in the page) and opens
 * `?screen=wall&district=460106&cycle=1&refresh=0.25` (a region a second, a revalidation every
 * 15 s) in Chromium; after a forced GC (CDP HeapProfiler.collectGarbage) it reads
 * Runtime.getHeapUsage, performance.memory and the DOM node / listener counts.
 * Part 2 runs the real data service (server/, SQLite, demo data imported through the workbook)
 * and records every API response of two refreshes: status, bytes on the wire, If-None-Match.
 * Prints the figures and appends them to bench-results/wall-memory.md.
 */
import { appendFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import type { CDPSession, Page } from 'playwright-core';
import { demoDataset } from '../mocks/demo/dataset';
import { serveDataService } from '../e2e/support/data-service';
import { serveDist } from '../e2e/support/static-server';

const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run'];
const CYCLES = Number(process.argv[2] ?? 60);
/** Minutes between revalidations in the heap run (0.25: four a minute, far more than the default 5). */
const REFRESH = Number(process.argv[3] ?? 0.25);
const OUT = 'bench-results/wall-memory.md';

async function open() {
  const ctx = await chromium.launchPersistentContext(mkdtempSync(join(tmpdir(), 'wall-')), {
    executablePath: '/usr/bin/chromium',
    args: [...ARGS, '--enable-precise-memory-info'],
    viewport: { width: 1920, height: 1080 },
    deviceScaleFactor: 1,
  });
  const page = ctx.pages()[0] ?? (await ctx.newPage());
  page.on('pageerror', (e) => console.log('pageerror:', e.message));
  const cdp = await ctx.newCDPSession(page);
  return { ctx, page, cdp };
}

interface Sample {
  cycles: number;
  usedMB: number;
  totalMB: number;
  perfMemMB: number;
  nodes: number;
  listeners: number;
}

async function sample(page: Page, cdp: CDPSession, cycles: number): Promise<Sample> {
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('HeapProfiler.collectGarbage');
  const heap = await cdp.send('Runtime.getHeapUsage');
  const { metrics } = await cdp.send('Performance.getMetrics');
  const metric = (name: string) => metrics.find((m) => m.name === name)?.value ?? NaN;
  const perfMem = await page.evaluate(
    () => (performance as unknown as { memory: { usedJSHeapSize: number } }).memory.usedJSHeapSize,
  );
  const mb = (n: number) => Math.round((n / 1048576) * 100) / 100;
  return {
    cycles,
    usedMB: mb(heap.usedSize),
    totalMB: mb(heap.totalSize),
    perfMemMB: mb(perfMem),
    nodes: metric('Nodes'),
    listeners: metric('JSEventListeners'),
  };
}

/** Region changes counted in the page (the "3/11" text), not by the clock. */
async function waitCycles(page: Page, n: number): Promise<void> {
  await page.waitForFunction(
    (want) => (window as unknown as { __cycles: number }).__cycles >= want,
    n,
    {
      timeout: (n + 30) * 2000,
      polling: 200,
    },
  );
}

async function memory(): Promise<Sample[]> {
  const site = await serveDist();
  const { ctx, page, cdp } = await open();
  try {
    await cdp.send('Performance.enable');
    await page.goto(`${site.url}/?screen=wall&district=460106&cycle=1&refresh=${REFRESH}`);
    await page.getByTestId('wall-position').waitFor({ timeout: 60_000 });
    await page.evaluate(() => {
      const w = window as unknown as { __cycles: number };
      w.__cycles = 0;
      const el = document.querySelector('[data-testid="wall-position"]');
      if (el)
        new MutationObserver(() => (w.__cycles += 1)).observe(el, {
          subtree: true,
          characterData: true,
          childList: true,
        });
    });
    const samples: Sample[] = [];
    for (const at of [...new Set([1, 30, 60, 120, 240, CYCLES])]
      .filter((n) => n <= CYCLES)
      .sort((a, b) => a - b)) {
      await waitCycles(page, at);
      samples.push(await sample(page, cdp, at));
      console.log(samples[samples.length - 1]);
    }
    return samples;
  } finally {
    await ctx.close();
    await site.close();
  }
}

interface Wire {
  path: string;
  status: number;
  wireStatus?: number;
  bytes: number;
  ifNoneMatch: boolean;
}

async function refreshCost(): Promise<{ first: Wire[]; refreshes: Wire[][] }> {
  const service = await serveDataService(demoDataset);
  const { ctx, page, cdp } = await open();
  const seen = new Map<string, Wire>();
  const done: Wire[] = [];
  try {
    await cdp.send('Network.enable');
    cdp.on('Network.requestWillBeSentExtraInfo', (e) => {
      const w = seen.get(e.requestId);
      const headers = Object.keys(e.headers).map((h) => h.toLowerCase());
      if (w) w.ifNoneMatch ||= headers.includes('if-none-match');
      else
        seen.set(e.requestId, {
          path: '',
          status: 0,
          bytes: 0,
          ifNoneMatch: headers.includes('if-none-match'),
        });
    });
    cdp.on('Network.responseReceived', (e) => {
      const url = new URL(e.response.url);
      if (!url.pathname.startsWith('/api/')) return;
      const w = seen.get(e.requestId) ?? { path: '', status: 0, bytes: 0, ifNoneMatch: false };
      w.wireStatus ??= e.response.status;
      w.path = url.pathname.replace('/api/v1/', '') + url.search;
      w.status = e.response.status;
      seen.set(e.requestId, w);
    });
    // The status on the wire (responseReceived reports the cached 200 a 304 revalidated).
    cdp.on('Network.responseReceivedExtraInfo', (e) => {
      const w = seen.get(e.requestId);
      if (w) w.wireStatus = e.statusCode;
      else
        seen.set(e.requestId, {
          path: '',
          status: 0,
          wireStatus: e.statusCode,
          bytes: 0,
          ifNoneMatch: false,
        });
    });
    cdp.on('Network.loadingFinished', (e) => {
      const w = seen.get(e.requestId);
      if (w?.path) {
        w.bytes = e.encodedDataLength;
        done.push(w);
      }
    });
    // refresh=0.05: every 3 s.
    await page.goto(`${service.url}/?screen=wall&district=460106&refresh=0.05`);
    await page.getByTestId('wall-position').waitFor({ timeout: 60_000 });
    await page.waitForTimeout(1000);
    const first = done.splice(0);
    const refreshes: Wire[][] = [];
    for (let i = 0; i < 2; i++) {
      await page.waitForTimeout(3000);
      refreshes.push(done.splice(0));
    }
    return { first, refreshes };
  } finally {
    await ctx.close();
    await service.close();
  }
}

const samples = await memory();
// (The service's own log of the statuses it sent is in service.requests; CDP's is used here.)
const wire = await refreshCost();
const sum = (ws: Wire[]) => ws.reduce((s, w) => s + w.bytes, 0);
const lines = [
  `\n## ${new Date().toISOString()} — wall mode, Chromium ${process.env.CHROMIUM_VERSION ?? ''}`.trimEnd(),
  '',
  `JS heap after a forced GC, demo data, \`?screen=wall&district=460106&cycle=1&refresh=${REFRESH}\` (11 townships):`,
  '',
  '| region changes | heap used (MB) | heap total (MB) | performance.memory used (MB) | DOM nodes | JS listeners |',
  '| --- | --- | --- | --- | --- | --- |',
  ...samples.map(
    (s) =>
      `| ${s.cycles} | ${s.usedMB} | ${s.totalMB} | ${s.perfMemMB} | ${s.nodes} | ${s.listeners} |`,
  ),
  '',
  `Data service (demo data), first load: ${wire.first.length} API responses, ${sum(wire.first)} bytes on the wire.`,
  ...wire.refreshes.map(
    (r, i) =>
      `Refresh ${i + 1}: ${r.length} responses (HTTP ${[...new Set(r.map((w) => w.wireStatus ?? w.status))].join('/')} on the wire), ${sum(r)} bytes on the wire, If-None-Match sent on ${r.filter((w) => w.ifNoneMatch).length}/${r.length}.`,
  ),
  '',
];
console.log(lines.join('\n'));
console.log(JSON.stringify(wire.refreshes[0], null, 1));
appendFileSync(OUT, lines.join('\n'));
