/**
 * Where a cold ?view=trends link spends its time at 4× CPU (demo API, production build served
 * gzipped as the bench serves it): every JS/CSS/API resource with its start and end, the long
 * tasks, and the first chart line, for one build or several (interleaved) and the floor page.
 *
 *   npx vite build && npx tsx bench/trace-trends.ts 3 app=dist
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { demoDataset } from '../mocks/demo/dataset';
import { serveApi } from '../e2e/support/api-server';
import { waitFirstChart } from './app-measures';
import { buildFloor } from './floor-build';
import { serveGzip } from './gzip-server';
import { freshPage, launchBrowser } from './pages';
import { summarize } from './stats';

const [runsArg = '3', ...builds] = process.argv.slice(2);
const runs = Number(runsArg);
const verbose = process.env.TRACE_VERBOSE === '1';
const pages = (builds.length > 0 ? builds : ['app=dist']).map((b) => {
  const [label = b, dir = b] = b.split('=');
  return { label, dir: resolve(dir), path: '/?view=trends' };
});
const api = await serveApi(demoDataset);
const config = { '/config.json': JSON.stringify({ apiBaseUrl: api.url }) };
const floorDir = mkdtempSync(join(tmpdir(), 'bench-floor-'));
await buildFloor(floorDir);
const sites = [
  ...(await Promise.all(pages.map(async (p) => ({ ...p, site: await serveGzip(p.dir, config) })))),
  { label: 'floor', dir: floorDir, path: '/', site: await serveGzip(floorDir, config) },
];
const browser = await launchBrowser();
const times = new Map<string, number[]>(sites.map((s) => [s.label, []]));
try {
  for (let i = 0; i < runs; i++) {
    for (const s of sites) {
      const p = await freshPage(browser);
      const cdp = await p.context.newCDPSession(p.page);
      await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
      await p.page.goto(`${s.site.url}${s.path}`, { waitUntil: 'commit' });
      const drawn = await waitFirstChart(p.page);
      times.get(s.label)?.push(drawn);
      if (i === 0 || verbose) {
        const detail = await p.page.evaluate(() => ({
          resources: performance
            .getEntriesByType('resource')
            .map((e) => e as PerformanceResourceTiming)
            .map((e) => [e.name.replace(/^.*\//, ''), e.startTime, e.responseEnd] as const),
          tasks: window.__benchLongTasks ?? [],
          paint: [
            ...performance.getEntriesByType('mark'),
            ...performance.getEntriesByType('paint'),
          ].map((e) => [e.name, e.startTime] as const),
        }));
        console.log(`\n${s.label}: first chart ${drawn.toFixed(0)} ms`);
        for (const [name, start, end] of detail.resources)
          console.log(`  ${start.toFixed(0).padStart(5)}–${end.toFixed(0).padStart(5)}  ${name}`);
        for (const [name, t] of detail.paint) console.log(`  ${t.toFixed(0).padStart(5)}  ${name}`);
        console.log(
          `  long tasks: ${detail.tasks.map(([a, d]) => `${a.toFixed(0)}+${d.toFixed(0)}`).join(', ')}`,
        );
      }
      await p.close();
    }
  }
} finally {
  await browser.close();
  for (const s of sites) await s.site.close();
  await api.close();
  rmSync(floorDir, { recursive: true, force: true });
}
console.log('\nfirst chart at 4× CPU, median (min–max):');
for (const [label, t] of times) {
  const s = summarize(t);
  console.log(`  ${label}: ${s.median.toFixed(0)} (${s.min.toFixed(0)}–${s.max.toFixed(0)}) ms`);
}
