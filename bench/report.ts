import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { format, resolveConfig } from 'prettier';
import type { ParseTiming } from './parse-timing';
import type { ChunkGroup, FirstLoad } from './sizes';
import type { Summary } from './stats';

export interface LighthouseSummary {
  performance: Summary;
  accessibility: Summary;
  bestPractices: Summary;
  lcp: Summary;
  fcp: Summary;
  tbt: Summary;
  cls: Summary;
  warnings: string[];
}

export interface FilterChangeResult {
  name: string;
  latency: Summary;
  painted: Summary;
  longestTask: Summary;
  requestsPerChange: Summary;
  bytesPerChange: Summary;
  /** The same answers gzipped as the data service sends them (zlib level 6). */
  gzipBytesPerChange?: Summary;
  recordsPerChange: Summary;
  examplePaths: string[];
}

interface ApiTraffic {
  requests: number;
  /** Uncompressed JSON, as the e2e contract server sends it. */
  bytes: number;
  /** As the data service would transfer it: gzip, zlib level 6 (hono compress). */
  gzipBytes?: number;
  records: number;
  paths: string[];
  answers?: { path: string; bytes: number; gzipBytes: number }[];
}

export interface ScaleResult {
  id: string;
  label: string;
  observations: number;
  regions: number;
  indicators: number;
  years: number;
  overviewFilled: Summary;
  overviewLongestTask: Summary;
  firstChart: Summary;
  trendsLongestTask: Summary;
  /** API traffic of the first cold Overview load. */
  loadData: ApiTraffic;
  /** A cold visit of a link to one district's Overview. */
  districtLinkFilled: Summary;
  districtLinkData: ApiTraffic;
  firstLoad: FirstLoad | null;
  /** JS/CSS fetched on a cold visit of ?view=trends before its first chart line is drawn. */
  trendsFirstLoad: FirstLoad | null;
  changes: FilterChangeResult[];
  errors: string[];
}

interface ExportTiming {
  time: Summary;
  bytes: number;
  name: string;
}

export interface BenchReport {
  generatedAt: string;
  runs: number;
  machine: {
    cpus: number;
    cpuModel: string;
    node: string;
    chromium: string;
    loadAverage: { start: number[]; during: number[][]; end: number[] };
  };
  durationSeconds: number;
  sizes: {
    appFirstLoad: FirstLoad | null;
    appTrendsFirstLoad: FirstLoad | null;
    floorFirstLoad: FirstLoad | null;
    appChunks: ChunkGroup[];
    /** dist/assets files not fetched before the Overview was filled. */
    appLazyChunks: ChunkGroup[];
    floorChunks: ChunkGroup[];
  };
  lighthouse: Record<'app' | 'floor', Record<'mobile' | 'desktop', LighthouseSummary>>;
  floor: { firstChart: Summary; longestTask: Summary; errors: string[] };
  /** How a figure was obtained when not by the run itself (e.g. filled in afterwards). */
  notes?: string[];
  /** Cold ?view=trends (demo API) and the floor page at `rate`× CPU throttling. */
  throttledFirstChart?: { app: Summary; floor: Summary; rate: number; errors: string[] };
  scales: ScaleResult[];
  parse: Record<string, ParseTiming>;
  exports: {
    png: ExportTiming;
    reportTrends: ExportTiming;
    reportAll: ExportTiming;
    errors: string[];
  };
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
const size = (bytes: number) =>
  bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(2)} MB` : kb(bytes);
const ms = (x: number) => (x >= 10_000 ? `${(x / 1000).toFixed(1)} s` : `${x.toFixed(0)} ms`);
const ratio = (a: number, b: number) =>
  b > 0 && Number.isFinite(a) ? `${(a / b).toFixed(2)}×` : '—';

/** "median (min–max)" with a unit formatter; a single sample shows just the value. */
function spread(s: Summary, unit: (x: number) => string = ms): string {
  if (s.n === 0) return '—';
  const median = unit(s.median);
  if (s.min === s.max) return median;
  // "2404 ms (2017–2740)": the unit once, unless min or max needs another one.
  const suffix = /\s[^\d\s]+$/.exec(median)?.[0] ?? '';
  const bare = (x: number) => {
    const text = unit(x);
    return suffix && text.endsWith(suffix) ? text.slice(0, -suffix.length) : text;
  };
  return `${median} (${bare(s.min)}–${bare(s.max)})`;
}
const plain = (digits: number) => (x: number) => x.toFixed(digits);
const count = (x: number) => Math.round(x).toLocaleString('en-US');
const traffic = (t: ApiTraffic) =>
  `${String(t.requests)} req, ${size(t.bytes)}, ${count(t.records)} rec`;

function table(head: string[], rows: string[][]): string {
  const line = (cells: string[]) => `| ${cells.map((c) => c.replace(/\|/g, '\\|')).join(' | ')} |`;
  return [line(head), line(head.map(() => '---')), ...rows.map(line)].join('\n');
}

export function markdown(r: BenchReport): string {
  const out: string[] = [];
  const la = (xs: number[]) => xs.map((x) => x.toFixed(2)).join(' / ');
  out.push('# Benchmark — 禁毒工作数据看板');
  out.push(
    `${r.generatedAt} · ${String(r.runs)} runs per figure, shown as median (min–max) · ` +
      `${String(r.machine.cpus)} × ${r.machine.cpuModel} · Node ${r.machine.node} · ` +
      `Chromium ${r.machine.chromium} · ` +
      `run took ${(r.durationSeconds / 60).toFixed(1)} min · load average (1/5/15 min) at start ` +
      `${la(r.machine.loadAverage.start)}, at end ${la(r.machine.loadAverage.end)}, highest 1-min seen ` +
      `${Math.max(...[r.machine.loadAverage.start, ...r.machine.loadAverage.during, r.machine.loadAverage.end].map((x) => x[0] ?? 0)).toFixed(2)}.`,
  );
  out.push(
    'The app is the production build (`vite build`) served with gzip (level 9) as a real deployment: ' +
      'its config.json points at a local HTTP server speaking the data contract. The floor is a page ' +
      'built in the same run with the same react + recharts drawing one LineChart from the same API. ' +
      'Data byte counts are the API’s JSON as sent by the e2e contract server (uncompressed); ' +
      'a section below adds the same answers as the data service transfers them (gzip).',
  );

  out.push('## First-load size (gzip bytes as transferred, real deployment)');
  const app = r.sizes.appFirstLoad;
  const trends = r.sizes.appTrendsFirstLoad;
  const floor = r.sizes.floorFirstLoad;
  const loadRow = (page: string, f: FirstLoad | null) =>
    f
      ? [
          page,
          kb(f.js),
          kb(f.css),
          kb(f.total),
          floor ? ratio(f.total, floor.total) : '—',
          kb(f.html),
          String(f.files.length),
        ]
      : [page, '—', '—', '—', '—', '—', '—'];
  out.push(
    table(
      ['page', 'JS', 'CSS', 'JS + CSS', 'vs floor', 'HTML', 'JS/CSS files'],
      [
        loadRow('app: Overview, until every card is filled', app),
        loadRow('app: ?view=trends, until the first chart line', trends),
        loadRow('floor: one LineChart, until its line', floor),
      ],
    ),
  );
  const fileList = (label: string, f: FirstLoad | null) =>
    f
      ? `- ${label}: ${f.files.map((x) => `${x.file.replace(/^assets\//, '')} ${kb(x.gzip)}`).join(', ')}`
      : '';
  out.push(
    [fileList('Overview', app), fileList('trends', trends), fileList('floor', floor)]
      .filter(Boolean)
      .join('\n'),
  );
  const trendsFiles = new Set((trends?.files ?? []).map((f) => f.file.replace(/^assets\//, '')));
  const inTrends = (name: string) =>
    [...trendsFiles].some((f) => f.replace(/-[\w-]{8}(\.\w+)$/, '$1') === name);
  out.push(
    '### Lazily loaded chunks (dist/assets not fetched for the Overview, gzip -9, grouped by name)',
  );
  out.push(
    table(
      ['chunk', 'files', 'gzip', 'raw', 'fetched for the first trends chart'],
      r.sizes.appLazyChunks.map((c) => [
        c.name,
        String(c.files),
        kb(c.gzip),
        kb(c.raw),
        inTrends(c.name) ? 'yes' : '',
      ]),
    ),
  );
  if (r.sizes.appLazyChunks.some((c) => c.name === 'browser.js'))
    out.push('`browser.js` is the msw demo worker: only demo mode loads it.');

  out.push(`## Lighthouse 12.8.2 (${String(r.runs)} runs each)`);
  const lhRow = (page: string, preset: 'mobile' | 'desktop', s: LighthouseSummary) => [
    page,
    preset,
    spread(s.performance, plain(0)),
    spread(s.accessibility, plain(0)),
    spread(s.bestPractices, plain(0)),
    spread(s.lcp),
    spread(s.tbt),
    spread(s.cls, plain(3)),
  ];
  out.push(
    table(
      ['page', 'preset', 'performance', 'accessibility', 'best practices', 'LCP', 'TBT', 'CLS'],
      [
        lhRow('app', 'mobile', r.lighthouse.app.mobile),
        lhRow('floor', 'mobile', r.lighthouse.floor.mobile),
        lhRow('app', 'desktop', r.lighthouse.app.desktop),
        lhRow('floor', 'desktop', r.lighthouse.floor.desktop),
      ],
    ),
  );
  const ratios = (preset: 'mobile' | 'desktop') => {
    const a = r.lighthouse.app[preset];
    const f = r.lighthouse.floor[preset];
    return `${preset}: performance ${ratio(a.performance.median, f.performance.median)}, LCP ${ratio(a.lcp.median, f.lcp.median)}, TBT ${f.tbt.median > 0 ? ratio(a.tbt.median, f.tbt.median) : `${ms(a.tbt.median)} vs ${ms(f.tbt.median)}`}`;
  };
  out.push(`App as a ratio of the floor (medians) — ${ratios('mobile')}; ${ratios('desktop')}.`);
  const warnings = [
    ...new Set(
      [...Object.values(r.lighthouse.app), ...Object.values(r.lighthouse.floor)].flatMap(
        (s) => s.warnings,
      ),
    ),
  ];
  if (warnings.length) out.push(`Lighthouse warnings: ${warnings.join(' · ')}`);

  out.push('## Load milestones (cold first visit, desktop 1440×900, no throttling)');
  out.push(
    table(
      [
        'data',
        'observations',
        'data at Overview load',
        'Overview cards filled',
        'longest task (Overview load)',
        'data at a district link',
        'district link cards filled',
        'first chart (trends)',
        'longest task (trends load)',
      ],
      [
        ...r.scales.map((s) => [
          s.id,
          count(s.observations),
          traffic(s.loadData),
          spread(s.overviewFilled),
          spread(s.overviewLongestTask),
          traffic(s.districtLinkData),
          spread(s.districtLinkFilled),
          spread(s.firstChart),
          spread(s.trendsLongestTask),
        ]),
        [
          'floor (demo API)',
          '—',
          '—',
          '—',
          '—',
          '—',
          '—',
          spread(r.floor.firstChart),
          spread(r.floor.longestTask),
        ],
      ],
    ),
  );
  const demo = r.scales[0];
  if (demo)
    out.push(
      `First chart, app vs floor (demo data): ${ratio(demo.firstChart.median, r.floor.firstChart.median)}.`,
    );
  const t = r.throttledFirstChart;
  if (t) {
    out.push(
      `## First chart at ${String(t.rate)}× CPU throttling (cold visit, demo API, desktop 1440×900, network not throttled)`,
    );
    out.push(
      table(
        ['page', 'first chart line drawn', 'vs floor'],
        [
          ['app: ?view=trends', spread(t.app), ratio(t.app.median, t.floor.median)],
          ['floor: one recharts LineChart', spread(t.floor), '1.00×'],
        ],
      ),
    );
    out.push(
      'Chromium `Emulation.setCPUThrottlingRate` set on a CDP session before navigation; app and floor ' +
        'interleaved run by run in the same browser.',
    );
  }

  const withGzip = r.scales.filter((s) => s.loadData.gzipBytes !== undefined);
  if (withGzip.length) {
    out.push('## API bytes: uncompressed and as transferred (gzip)');
    out.push(
      'Uncompressed is the JSON as the e2e contract server sends it (the figure used everywhere else ' +
        'in this report). As transferred is the same body gzipped the way the data service sends it ' +
        '(server/api/app.ts: hono `compress`, zlib level 6), computed here from the body; a deployment ' +
        'without compression in front of its API transfers the uncompressed figure.',
    );
    const both = (raw: number, gz: number | undefined) =>
      `${size(raw)} / ${gz === undefined || !Number.isFinite(gz) ? '—' : size(gz)}`;
    const rows: string[][] = [];
    for (const s of withGzip) {
      rows.push([s.id, 'Overview, first load', both(s.loadData.bytes, s.loadData.gzipBytes)]);
      for (const a of s.loadData.answers ?? [])
        rows.push([s.id, `  ${a.path.split('?')[0] ?? a.path}`, both(a.bytes, a.gzipBytes)]);
      rows.push([
        s.id,
        'a link to one district',
        both(s.districtLinkData.bytes, s.districtLinkData.gzipBytes),
      ]);
      const ind = s.changes.find((c) => c.name.startsWith('Trends: 指标'));
      if (ind)
        rows.push([
          s.id,
          'trends, one indicator (new fetch)',
          both(ind.bytesPerChange.median, ind.gzipBytesPerChange?.median),
        ]);
    }
    out.push(table(['data', 'answer', 'uncompressed / gzip'], rows));
    for (const note of r.notes ?? []) out.push(`Note: ${note}`);
  }

  out.push(
    '## Filter changes (input event → DOM settled with the new selection in every chart/card)',
  );
  out.push(
    table(
      ['data', 'change', 'DOM settled', 'next paint', 'longest task', 'requested per change'],
      r.scales.flatMap((s) =>
        s.changes.map((c) => [
          s.id,
          c.name,
          spread(c.latency),
          spread(c.painted),
          spread(c.longestTask),
          c.requestsPerChange.median === 0
            ? 'nothing (cached)'
            : `${spread(c.requestsPerChange, count)} req, ${spread(c.bytesPerChange, size)}, ${spread(c.recordsPerChange, count)} rec`,
        ]),
      ),
    ),
  );
  const paths = r.scales.flatMap((s) =>
    s.changes
      .filter((c) => c.examplePaths.length)
      .map((c) => `${s.id} ${c.name}: \`${c.examplePaths.join(' ')}\``),
  );
  if (paths.length) out.push(`Example requests: ${paths.join('; ')}.`);

  out.push('## Validation + indexing in Node (parseObservations + indexObservations)');
  out.push(
    table(
      ['data', 'observations', 'validate', 'index', 'total'],
      Object.entries(r.parse).map(([id, p]) => [
        id,
        count(p.observations),
        spread(p.validate),
        spread(p.index),
        spread(p.total),
      ]),
    ),
  );

  out.push('## Exports (demo data, trends view; click → download event)');
  out.push(
    table(
      ['export', 'time', 'file'],
      [
        [
          'PNG 2× of one chart',
          spread(r.exports.png.time),
          `${r.exports.png.name} (${kb(r.exports.png.bytes)})`,
        ],
        [
          'report, Word, current view (趋势)',
          spread(r.exports.reportTrends.time),
          `${r.exports.reportTrends.name} (${kb(r.exports.reportTrends.bytes)})`,
        ],
        [
          'report, Word, all views (全部视图)',
          spread(r.exports.reportAll.time),
          `${r.exports.reportAll.name} (${kb(r.exports.reportAll.bytes)})`,
        ],
      ],
    ),
  );

  const errors = [
    ...r.scales.flatMap((s) => s.errors.map((e) => `${s.id}: ${e}`)),
    ...r.floor.errors.map((e) => `floor: ${e}`),
    ...r.exports.errors.map((e) => `exports: ${e}`),
    ...(r.throttledFirstChart?.errors ?? []),
  ];
  out.push('## Page errors');
  out.push(errors.length ? errors.map((e) => `- ${e}`).join('\n') : 'None.');
  return `${out.join('\n\n')}\n`;
}

/** latest.json (everything, every sample) and latest.md (the tables), prettier-formatted. */
export async function writeReport(dir: string, report: BenchReport): Promise<void> {
  mkdirSync(dir, { recursive: true });
  const json = join(dir, 'latest.json');
  const md = join(dir, 'latest.md');
  const options = (await resolveConfig(md)) ?? {};
  writeFileSync(json, await format(JSON.stringify(report), { ...options, parser: 'json' }));
  writeFileSync(md, await format(markdown(report), { ...options, parser: 'markdown' }));
}
