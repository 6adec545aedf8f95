/**
 * The benchmark: the production build (dist/, from `vite build`) served with gzip as a real,
 * non-demo deployment (config.json → a local contract API), measured against a floor page
 * (react + recharts drawing one LineChart from the same API) built in the same run.
 * Writes bench-results/latest.json and bench-results/latest.md. Run through vitest (node):
 *   vite build && vitest run --config bench/vitest.bench-run.config.ts
 * BENCH_RUNS (default 5) sets how many times each figure is measured; the report shows the
 * median with min–max. Everything listens on 127.0.0.1 only.
 */
import { existsSync, rmSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { basename, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { Browser } from 'playwright-core';
import { test } from 'vitest';
import { demoDataset } from '../mocks/demo/dataset';
import type { WireDataset } from '../contract/wire-types';
import { asVersion10 } from '../contract/version-10';
import { serveApi } from '../e2e/support/api-server';
import type { ApiServer } from '../e2e/support/api-server';
import {
  timeChange,
  timeDownload,
  waitFirstChart,
  waitOverviewFilled,
  watchApi,
  withPageErrors,
} from './app-measures';
import type { ApiTransfer, ChangeSpec } from './app-measures';
import { buildFloor } from './floor-build';
import { serveGzip } from './gzip-server';
import type { GzipServer } from './gzip-server';
import { launchDebuggableChromium, runLighthouseWithRetry } from './lighthouse';
import type { LighthouseRun, Preset } from './lighthouse';
import { freshPage, launchBrowser, longTasks } from './pages';
import { timeParse } from './parse-timing';
import type { ParseTiming } from './parse-timing';
import { writeReport } from './report';
import type { BenchReport, FilterChangeResult, LighthouseSummary, ScaleResult } from './report';
import { assetSizes, firstLoadOf, groupByName, recordTransfers, resourcesEndedBy } from './sizes';
import type { FirstLoad } from './sizes';
import { benchRuns, summarize } from './stats';
import { syntheticDataset } from './synthetic';

const ROOT = resolve(import.meta.dirname, '..');
const DIST = resolve(ROOT, 'dist');
const RESULTS = resolve(ROOT, 'bench-results');
const FLOOR_DIST = resolve(RESULTS, 'floor-dist');

const started = performance.now();
function log(message: string): void {
  const s = ((performance.now() - started) / 1000).toFixed(0).padStart(4);
  const load = loadavg()
    .map((x) => x.toFixed(2))
    .join(' ');
  console.log(`[bench ${s}s | load ${load}] ${message}`);
}

interface Scale {
  id: 'demo' | 'province' | 'province-1.0' | 'country' | 'country-1.0';
  label: string;
  dataset: WireDataset;
}

interface Deployment {
  scale: Scale;
  api: ApiServer;
  site: GzipServer;
}

/** The trends targets of a dataset: a district with townships, one of them, indicators with data there. */
function targetsOf(ds: WireDataset) {
  const regions = ds.meta.regions;
  const townsOf = (id: string) => regions.filter((r) => r.level === 'township' && r.parent === id);
  const district = regions.find((r) => r.level === 'district' && townsOf(r.id).length >= 2);
  if (!district) throw new Error('dataset has no district with townships');
  const towns = new Set(townsOf(district.id).map((r) => r.id));
  const withTownData = new Set(
    ds.observations.filter((o) => towns.has(o.region) && o.value !== null).map((o) => o.indicator),
  );
  const indicators = ds.meta.indicators.map((i) => i.id).filter((id) => withTownData.has(id));
  const town = townsOf(district.id)[0];
  if (!town || indicators.length < 2)
    throw new Error('dataset has too few indicators with township data');
  return { district: district.id, town: town.name.zh, townId: town.id, indicators };
}

const apiSummary = (list: ApiTransfer[]) => ({
  requests: list.length,
  bytes: list.reduce((a, t) => a + t.bytes, 0),
  gzipBytes: list.reduce((a, t) => a + t.gzipBytes, 0),
  records: list.reduce((a, t) => a + t.records, 0),
  paths: list.map((t) => t.path),
  answers: list.map(({ path, bytes, gzipBytes }) => ({ path, bytes, gzipBytes })),
});

/** Cold visits of one Overview address: cards filled, longest task, and the first visit's traffic. */
async function coldOverview(browser: Browser, d: Deployment, path: string, runs: number) {
  const { site, api, scale } = d;
  const filled: number[] = [];
  const tasks: number[] = [];
  let firstLoad: FirstLoad | null = null;
  let data = apiSummary([]);
  const errors: string[] = [];
  for (let i = 0; i < runs; i++) {
    const p = await freshPage(browser);
    const transfers = recordTransfers(p.page);
    const traffic = watchApi(p.page, api.url, scale.dataset);
    await p.page.goto(`${site.url}${path}`, { waitUntil: 'commit' });
    const ms = await withPageErrors(p.errors, `${scale.id} overview ${path}`, () =>
      waitOverviewFilled(p.page),
    );
    filled.push(ms);
    tasks.push((await longTasks(p.page)).longest);
    if (i === 0) {
      firstLoad = firstLoadOf(await transfers.done(), await resourcesEndedBy(p.page, ms), site.url);
      data = apiSummary(await traffic.since(0));
    } else await transfers.done();
    errors.push(...p.errors);
    await p.close();
  }
  return { filled: summarize(filled), tasks: summarize(tasks), firstLoad, data, errors };
}

async function measureScale(browser: Browser, d: Deployment, runs: number): Promise<ScaleResult> {
  const { site, scale } = d;
  const firstChart: number[] = [];
  const trendsTasks: number[] = [];
  const errors = new Set<string>();

  const overview = await coldOverview(browser, d, '/', runs);
  overview.errors.forEach((e) => errors.add(e));
  log(`${scale.id}: overview filled ${overview.filled.median.toFixed(0)} ms`);
  const linked = await coldOverview(
    browser,
    d,
    `/?district=${targetsOf(scale.dataset).district}`,
    runs,
  );
  linked.errors.forEach((e) => errors.add(e));
  log(`${scale.id}: district link filled ${linked.filled.median.toFixed(0)} ms`);

  let trendsFirstLoad: FirstLoad | null = null;
  for (let i = 0; i < runs; i++) {
    const p = await freshPage(browser);
    const transfers = recordTransfers(p.page);
    await p.page.goto(`${site.url}/?view=trends`, { waitUntil: 'commit' });
    const drawn = await withPageErrors(p.errors, `${scale.id} trends`, () =>
      waitFirstChart(p.page),
    );
    firstChart.push(drawn);
    trendsTasks.push((await longTasks(p.page)).longest);
    if (i === 0)
      trendsFirstLoad = firstLoadOf(
        await transfers.done(),
        await resourcesEndedBy(p.page, drawn),
        site.url,
      );
    else await transfers.done();
    p.errors.forEach((e) => errors.add(e));
    await p.close();
  }
  log(`${scale.id}: first chart ${summarize(firstChart).median.toFixed(0)} ms`);

  const changes = await measureChanges(browser, d, runs, errors);
  log(`${scale.id}: filter changes done`);
  return {
    id: scale.id,
    label: scale.label,
    observations: scale.dataset.observations.length,
    regions: scale.dataset.meta.regions.length,
    indicators: scale.dataset.meta.indicators.length,
    years: scale.dataset.meta.years.length,
    overviewFilled: overview.filled,
    overviewLongestTask: overview.tasks,
    districtLinkFilled: linked.filled,
    districtLinkData: linked.data,
    firstChart: summarize(firstChart),
    trendsLongestTask: summarize(trendsTasks),
    loadData: overview.data,
    firstLoad: overview.firstLoad,
    trendsFirstLoad,
    changes,
    errors: [...errors],
  };
}

async function measureChanges(
  browser: Browser,
  { site, api, scale }: Deployment,
  runs: number,
  errors: Set<string>,
): Promise<FilterChangeResult[]> {
  const t = targetsOf(scale.dataset);
  const p = await freshPage(browser);
  const traffic = watchApi(p.page, api.url, scale.dataset);
  const results: FilterChangeResult[] = [];
  const series = async (name: string, specs: (i: number) => ChangeSpec) => {
    const ms: number[] = [];
    const painted: number[] = [];
    const tasks: number[] = [];
    const data: ReturnType<typeof apiSummary>[] = [];
    for (let i = 0; i < runs; i++) {
      const mark = traffic.mark();
      const r = await withPageErrors(p.errors, `${scale.id} ${name}`, () =>
        timeChange(p.page, specs(i)),
      );
      ms.push(r.ms);
      painted.push(r.paintedMs);
      tasks.push(r.longestTask);
      data.push(apiSummary(await traffic.since(mark)));
    }
    results.push({
      name,
      latency: summarize(ms),
      painted: summarize(painted),
      longestTask: summarize(tasks),
      requestsPerChange: summarize(data.map((x) => x.requests)),
      bytesPerChange: summarize(data.map((x) => x.bytes)),
      gzipBytesPerChange: summarize(data.map((x) => x.gzipBytes)),
      recordsPerChange: summarize(data.map((x) => x.records)),
      examplePaths: data.find((x) => x.paths.length > 0)?.paths ?? [],
    });
  };
  const yearSpecs = async (targets: string) => {
    const current = await p.page.getByLabel('年份', { exact: true }).inputValue();
    const years = scale.dataset.meta.years.map(String);
    const other = years[years.indexOf(current) - 1] ?? years[years.indexOf(current) + 1] ?? current;
    return (i: number): ChangeSpec => {
      const value = i % 2 === 0 ? other : current;
      return {
        change: { kind: 'select', label: '年份', value },
        url: { param: 'year', op: 'equals', value },
        targets,
      };
    };
  };

  await p.page.goto(`${site.url}/`, { waitUntil: 'commit' });
  await withPageErrors(p.errors, `${scale.id} overview`, () => waitOverviewFilled(p.page));
  await series('Overview: 年份 (year)', await yearSpecs('article'));

  const first = t.indicators[0] ?? '';
  await p.page.goto(`${site.url}/?view=trends&district=${t.district}&indicator=${first}`, {
    waitUntil: 'commit',
  });
  await withPageErrors(p.errors, `${scale.id} trends`, async () => {
    await waitFirstChart(p.page);
    await p.page.waitForFunction(
      () => document.querySelectorAll('main figure').length >= 2,
      undefined,
      {
        timeout: 60_000,
      },
    );
  });
  await series('Trends: 年份 (year), 2 charts', await yearSpecs('figure'));
  await series('Trends: township checkbox', (i) => ({
    change: { kind: 'checkbox', label: t.town },
    url: { param: 'town', op: i % 2 === 0 ? 'includes' : 'excludes', value: t.townId },
    targets: '.chart-grid figure:last-of-type',
  }));
  const others = t.indicators.slice(1);
  await series('Trends: 指标 (indicator, new fetch)', (i) => {
    const value = others[i % others.length] ?? first;
    return {
      change: { kind: 'select', label: '指标', value },
      url: { param: 'indicator', op: 'equals', value },
      targets: 'figure',
    };
  });
  p.errors.forEach((e) => errors.add(e));
  await p.close();
  return results;
}

async function measureFloor(browser: Browser, floor: GzipServer, runs: number) {
  const chart: number[] = [];
  const tasks: number[] = [];
  let firstLoad: FirstLoad | null = null;
  const errors: string[] = [];
  for (let i = 0; i < runs; i++) {
    const p = await freshPage(browser);
    const transfers = recordTransfers(p.page);
    await p.page.goto(`${floor.url}/`, { waitUntil: 'commit' });
    const drawn = await withPageErrors(p.errors, 'floor', () => waitFirstChart(p.page));
    chart.push(drawn);
    tasks.push((await longTasks(p.page)).longest);
    if (i === 0)
      firstLoad = firstLoadOf(
        await transfers.done(),
        await resourcesEndedBy(p.page, drawn),
        floor.url,
      );
    else await transfers.done();
    errors.push(...p.errors);
    await p.close();
  }
  return { firstChart: summarize(chart), longestTask: summarize(tasks), firstLoad, errors };
}

/**
 * A cold ?view=trends link (demo API) and the floor page at 4× CPU throttling (Chromium's
 * Emulation.setCPUThrottlingRate, set on a CDP session before navigation; network not
 * throttled), interleaved run by run so a burst of machine load hits both alike.
 */
async function measureThrottledFirstChart(
  browser: Browser,
  appUrl: string,
  floorUrl: string,
  runs: number,
) {
  const out = { app: [] as number[], floor: [] as number[] };
  const errors: string[] = [];
  for (let i = 0; i < runs; i++) {
    for (const [which, url] of [
      ['app', `${appUrl}/?view=trends`],
      ['floor', `${floorUrl}/`],
    ] as const) {
      const p = await freshPage(browser);
      const cdp = await p.context.newCDPSession(p.page);
      await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
      await p.page.goto(url, { waitUntil: 'commit' });
      out[which].push(
        await withPageErrors(p.errors, `${which} trends at 4× CPU`, () => waitFirstChart(p.page)),
      );
      errors.push(...p.errors.map((e) => `${which} 4× CPU: ${e}`));
      await p.close();
    }
  }
  return { app: summarize(out.app), floor: summarize(out.floor), rate: 4, errors };
}

async function measureExports(browser: Browser, d: Deployment, runs: number) {
  const t = targetsOf(d.scale.dataset);
  const p = await freshPage(browser);
  const { page } = p;
  await page.goto(`${d.site.url}/?view=trends&district=${t.district}`, { waitUntil: 'commit' });
  await withPageErrors(p.errors, 'exports', () => waitFirstChart(page));
  const figure = page.getByRole('figure').first();
  const toggle = figure.getByRole('button', { name: /^导出“/ });
  const png: number[] = [];
  let pngBytes = 0;
  let pngName = '';
  for (let i = 0; i < runs; i++) {
    if ((await toggle.getAttribute('aria-expanded')) !== 'true') await toggle.click();
    await figure.getByLabel('清晰度').selectOption('2');
    const r = await timeDownload(page, figure.getByRole('button', { name: 'PNG 图片' }));
    png.push(r.ms);
    pngBytes = r.bytes;
    pngName = r.name;
  }
  log(`exports: PNG ${summarize(png).median.toFixed(0)} ms`);

  const report = async (scopeLabel: string | RegExp) => {
    const open = page.getByRole('button', { name: '导出报告' });
    if ((await open.getAttribute('aria-expanded')) !== 'true') await open.click();
    await page.getByLabel(scopeLabel).check();
    await page.getByLabel(/Word/).first().check();
    const ms: number[] = [];
    let bytes = 0;
    let name = '';
    for (let i = 0; i < runs; i++) {
      const r = await timeDownload(page, page.getByRole('button', { name: '开始导出' }), 180_000);
      ms.push(r.ms);
      bytes = r.bytes;
      name = r.name;
    }
    return { time: summarize(ms), bytes, name };
  };
  const reportView = await report('当前视图（趋势）');
  log(`exports: report (trends) ${reportView.time.median.toFixed(0)} ms`);
  const reportAll = await report('全部视图');
  log(`exports: report (all views) ${reportAll.time.median.toFixed(0)} ms`);
  const errors = [...p.errors];
  await p.close();
  return {
    png: { time: summarize(png), bytes: pngBytes, name: pngName },
    reportTrends: reportView,
    reportAll,
    errors,
  };
}

function summarizeLighthouse(runs: LighthouseRun[]): LighthouseSummary {
  return {
    performance: summarize(runs.map((r) => r.performance)),
    accessibility: summarize(runs.map((r) => r.accessibility)),
    bestPractices: summarize(runs.map((r) => r.bestPractices)),
    lcp: summarize(runs.map((r) => r.lcp)),
    fcp: summarize(runs.map((r) => r.fcp)),
    tbt: summarize(runs.map((r) => r.tbt)),
    cls: summarize(runs.map((r) => r.cls)),
    warnings: [...new Set(runs.flatMap((r) => r.warnings))],
  };
}

/** App and floor interleaved run by run, so a burst of machine load hits both alike. */
async function measureLighthouse(app: string, floor: string, runs: number) {
  const chromium = await launchDebuggableChromium();
  const out: Record<'app' | 'floor', Record<Preset, LighthouseRun[]>> = {
    app: { mobile: [], desktop: [] },
    floor: { mobile: [], desktop: [] },
  };
  try {
    for (let i = 0; i < runs; i++) {
      for (const preset of ['mobile', 'desktop'] as const) {
        for (const [page, url] of [
          ['app', app],
          ['floor', floor],
        ] as const) {
          const retry = (e: unknown) =>
            log(`lighthouse ${page} ${preset} failed, retrying once: ${String(e)}`);
          out[page][preset].push(await runLighthouseWithRetry(url, chromium.port, preset, retry));
        }
      }
      const last = out.app.mobile[out.app.mobile.length - 1];
      log(
        `lighthouse run ${String(i + 1)}/${String(runs)}: app mobile perf ${String(last?.performance)}`,
      );
    }
  } finally {
    await chromium.close();
  }
  return {
    app: {
      mobile: summarizeLighthouse(out.app.mobile),
      desktop: summarizeLighthouse(out.app.desktop),
    },
    floor: {
      mobile: summarizeLighthouse(out.floor.mobile),
      desktop: summarizeLighthouse(out.floor.desktop),
    },
  };
}

/** A synthetic dataset as a 1.1 server serves it: every query feature, a data version. */
function with11(dataset: WireDataset): WireDataset {
  return {
    ...dataset,
    meta: {
      ...dataset.meta,
      capabilities: ['region-list', 'depth', 'level', 'rankings-region'],
      dataVersion: `synthetic-${String(dataset.observations.length)}`,
    },
  };
}

export async function runBenchmark(): Promise<BenchReport> {
  const runs = benchRuns();
  const load = { start: loadavg(), samples: [] as number[][] };
  if (!existsSync(resolve(DIST, 'index.html')))
    throw new Error('dist/index.html is missing: run `vite build` first');
  log(`runs per figure: ${String(runs)}; building the floor page`);
  await buildFloor(FLOOR_DIST);

  const province = with11(
    syntheticDataset({ districts: 20, townships: 10, indicators: 25, years: 7 }),
  );
  const country = with11(
    syntheticDataset({ districts: 30, townships: 99, indicators: 25, years: 7 }),
  );
  // Each synthetic scale twice: served as a 1.1 server (the dashboard asks for what it shows)
  // and as a 1.0 server (the same data; it asks for more and cuts what it needs).
  const scales: Scale[] = [
    { id: 'demo', label: 'demo city (mocks/demo)', dataset: demoDataset },
    {
      id: 'province',
      label: 'province: 20 districts × 10 townships, 25 indicators, 7 years — 1.1 server',
      dataset: province,
    },
    {
      id: 'province-1.0',
      label: 'the same province — 1.0 server',
      dataset: asVersion10(province),
    },
    {
      id: 'country',
      label:
        'country slice: 30 districts × 99 townships (3,001 regions), 25 indicators, 7 years — 1.1 server',
      dataset: country,
    },
    {
      id: 'country-1.0',
      label: 'the same country slice — 1.0 server',
      dataset: asVersion10(country),
    },
  ];
  log(
    `datasets ready: ${scales.map((s) => `${s.id} ${String(s.dataset.observations.length)}`).join(', ')}`,
  );

  const deployments: Deployment[] = [];
  const servers: { close: () => Promise<void> }[] = [];
  try {
    for (const scale of scales) {
      const api = await serveApi(scale.dataset);
      servers.push(api);
      const site = await serveGzip(DIST, {
        '/config.json': JSON.stringify({ apiBaseUrl: api.url }),
      });
      servers.push(site);
      deployments.push({ scale, api, site });
    }
    const demo = deployments[0];
    if (!demo) throw new Error('no demo deployment');
    const floor = await serveGzip(FLOOR_DIST, {
      '/config.json': JSON.stringify({ apiBaseUrl: demo.api.url }),
    });
    servers.push(floor);

    const appAssets = assetSizes(DIST);
    const floorAssets = assetSizes(FLOOR_DIST);

    log('parse + index timings (node)');
    const parse: Record<string, ParseTiming> = {};
    for (const s of scales.slice(1).filter((x) => !x.id.endsWith('1.0')))
      parse[s.id] = timeParse(s.dataset, runs);
    load.samples.push(loadavg());

    log('lighthouse');
    const lighthouse = await measureLighthouse(`${demo.site.url}/`, `${floor.url}/`, runs);
    load.samples.push(loadavg());

    const browser = await launchBrowser();
    const chromiumVersion = browser.version();
    let scaleResults: ScaleResult[] = [];
    let floorResult: Awaited<ReturnType<typeof measureFloor>>;
    let throttledResult: Awaited<ReturnType<typeof measureThrottledFirstChart>>;
    let exportsResult: Awaited<ReturnType<typeof measureExports>>;
    try {
      log('floor page');
      floorResult = await measureFloor(browser, floor, runs);
      log('first chart at 4× CPU, app (demo) and floor');
      throttledResult = await measureThrottledFirstChart(browser, demo.site.url, floor.url, runs);
      log(
        `4× CPU first chart: app ${throttledResult.app.median.toFixed(0)} ms, floor ${throttledResult.floor.median.toFixed(0)} ms`,
      );
      scaleResults = [];
      for (const d of deployments) {
        log(`scale ${d.scale.id}`);
        scaleResults.push(await measureScale(browser, d, runs));
        load.samples.push(loadavg());
      }
      log('exports');
      exportsResult = await measureExports(browser, demo, runs);
    } finally {
      await browser.close();
    }
    const firstFiles = new Set(
      (scaleResults[0]?.firstLoad?.files ?? []).map((f) => basename(f.file)),
    );
    const report: BenchReport = {
      generatedAt: new Date().toISOString(),
      runs,
      machine: {
        cpus: cpus().length,
        cpuModel: cpus()[0]?.model ?? '',
        node: process.version,
        chromium: chromiumVersion,
        loadAverage: { start: load.start, during: load.samples, end: loadavg() },
      },
      durationSeconds: (performance.now() - started) / 1000,
      sizes: {
        appFirstLoad: scaleResults[0]?.firstLoad ?? null,
        appTrendsFirstLoad: scaleResults[0]?.trendsFirstLoad ?? null,
        floorFirstLoad: floorResult.firstLoad,
        appChunks: groupByName(appAssets),
        appLazyChunks: groupByName(appAssets.filter((a) => !firstFiles.has(a.file))),
        floorChunks: groupByName(floorAssets),
      },
      lighthouse,
      floor: {
        firstChart: floorResult.firstChart,
        longestTask: floorResult.longestTask,
        errors: floorResult.errors,
      },
      throttledFirstChart: throttledResult,
      scales: scaleResults,
      parse,
      exports: exportsResult,
    };
    await writeReport(RESULTS, report);
    log(`wrote ${resolve(RESULTS, 'latest.md')}`);
    return report;
  } finally {
    for (const s of servers.reverse()) await s.close();
    // The floor build is an artefact of this run (minified, not for prettier/eslint): keep it
    // only when asked.
    if (process.env.BENCH_KEEP_FLOOR !== '1') rmSync(FLOOR_DIST, { recursive: true, force: true });
  }
}

test(
  'benchmark → bench-results/latest.{json,md}',
  async () => {
    await runBenchmark();
  },
  30 * 60_000,
);
