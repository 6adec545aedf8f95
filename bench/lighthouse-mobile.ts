/**
 * Lighthouse mobile only, for comparing builds: the app (one or more dist folders, e.g. before
 * and after a change) and the floor page, each against the demo dataset behind the test API,
 * served gzipped as `npm run bench` serves them. Runs are interleaved (every build and the floor
 * once per round) so a burst of machine load hits all alike; the medians are printed.
 *
 *   npx vite build && npx tsx bench/lighthouse-mobile.ts 5 before=/tmp/dist-before after=dist
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { demoDataset } from '../mocks/demo/dataset';
import { serveApi } from '../e2e/support/api-server';
import { buildFloor } from './floor-build';
import { serveGzip } from './gzip-server';
import { launchDebuggableChromium, runLighthouseWithRetry } from './lighthouse';
import type { LighthouseRun } from './lighthouse';
import { summarize } from './stats';

const [runsArg = '5', ...builds] = process.argv.slice(2);
const runs = Number(runsArg);
const pages = (builds.length > 0 ? builds : ['app=dist']).map((b) => {
  const [label = b, dir = b] = b.split('=');
  return { label, dir: resolve(dir) };
});

const api = await serveApi(demoDataset);
const config = { '/config.json': JSON.stringify({ apiBaseUrl: api.url }) };
const floorDir = mkdtempSync(join(tmpdir(), 'bench-floor-'));
await buildFloor(floorDir);
const sites = [
  ...(await Promise.all(pages.map(async (p) => ({ ...p, site: await serveGzip(p.dir, config) })))),
  { label: 'floor', dir: floorDir, site: await serveGzip(floorDir, config) },
];
const chromium = await launchDebuggableChromium();
const results = new Map<string, LighthouseRun[]>(sites.map((s) => [s.label, []]));
try {
  for (let i = 0; i < runs; i++) {
    for (const s of sites) {
      const run = await runLighthouseWithRetry(`${s.site.url}/`, chromium.port, 'mobile', (e) =>
        console.error(`${s.label}: retrying once after ${String(e)}`),
      );
      results.get(s.label)?.push(run);
      console.error(
        `round ${String(i + 1)}/${String(runs)} ${s.label}: perf ${String(run.performance)}, LCP ${String(Math.round(run.lcp))} ms, TBT ${String(Math.round(run.tbt))} ms`,
      );
    }
  }
} finally {
  await chromium.close();
  for (const s of sites) await s.site.close();
  await api.close();
  rmSync(floorDir, { recursive: true, force: true });
}

const row = (label: string, r: LighthouseRun[]) => {
  const m = (f: (x: LighthouseRun) => number) => summarize(r.map(f));
  const perf = m((x) => x.performance);
  const fmt = (s: { median: number; min: number; max: number }, d = 0) =>
    `${s.median.toFixed(d)} (${s.min.toFixed(d)}–${s.max.toFixed(d)})`;
  return `| ${label} | ${fmt(perf)} | ${fmt(m((x) => x.fcp))} | ${fmt(m((x) => x.lcp))} | ${fmt(m((x) => x.tbt))} | ${fmt(
    m((x) => x.cls),
    3,
  )} | ${fmt(m((x) => x.accessibility))} |`;
};
console.log(`Lighthouse mobile, ${String(runs)} runs each, median (min–max)\n`);
console.log('| page | performance | FCP ms | LCP ms | TBT ms | CLS | accessibility |');
console.log('| --- | --- | --- | --- | --- | --- | --- |');
for (const [label, r] of results) console.log(row(label, r));
const warnings = [...new Set([...results.values()].flat().flatMap((r) => r.warnings))];
if (warnings.length > 0) console.log(`\nwarnings: ${warnings.join('; ')}`);
