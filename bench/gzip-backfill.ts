/**
 * Fills in bench-results/latest.json's as-transferred (gzip) figures from the answers it
 * recorded, for a run whose gzip column came out empty (the run of 2026-12-03 10:39 compared
 * Chromium's body size, which counts chunked framing, with the body's length exactly): each
 * recorded path is answered again by the same query rules from the same synthetic dataset and
 * gzipped at zlib level 6, as the data service sends it. Rewrites latest.{json,md}.
 *
 *   npx tsx bench/gzip-backfill.ts
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { respond } from '../contract/filter';
import { matchEndpoint } from '../contract/query';
import { asVersion10 } from '../contract/version-10';
import type { WireDataset } from '../contract/wire-types';
import { demoDataset } from '../mocks/demo/dataset';
import { writeReport } from './report';
import type { BenchReport } from './report';
import { syntheticDataset } from './synthetic';

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

const RESULTS = resolve(import.meta.dirname, '..', 'bench-results');
const report = JSON.parse(readFileSync(resolve(RESULTS, 'latest.json'), 'utf8')) as BenchReport;
const province = with11(
  syntheticDataset({ districts: 20, townships: 10, indicators: 25, years: 7 }),
);
const country = with11(
  syntheticDataset({ districts: 30, townships: 99, indicators: 25, years: 7 }),
);
const datasets: Record<string, WireDataset> = {
  demo: demoDataset,
  province,
  'province-1.0': asVersion10(province),
  country,
  'country-1.0': asVersion10(country),
};

const gzipOf = (ds: WireDataset, path: string): number => {
  const url = new URL(path, 'http://x/');
  const endpoint = matchEndpoint(url.pathname, '');
  if (!endpoint) return NaN;
  return gzipSync(JSON.stringify(respond(ds, endpoint, url.searchParams).body), { level: 6 })
    .length;
};

for (const scale of report.scales) {
  const ds = datasets[scale.id];
  if (!ds) continue;
  for (const traffic of [scale.loadData, scale.districtLinkData]) {
    for (const a of traffic.answers ?? []) a.gzipBytes = gzipOf(ds, a.path);
    traffic.gzipBytes = (traffic.answers ?? []).reduce((sum, a) => sum + a.gzipBytes, 0);
  }
  for (const change of scale.changes) {
    // The recorded example (the first change's answer) stands for all: the indicators a series
    // cycles through give answers within a few per cent of each other.
    const [path] = change.examplePaths;
    if (!path || change.requestsPerChange.median !== 1) continue;
    const gz = gzipOf(ds, path);
    const samples = change.bytesPerChange.samples.map(() => gz);
    change.gzipBytesPerChange = { ...change.bytesPerChange, median: gz, min: gz, max: gz, samples };
  }
}
report.notes = [
  'the gzip figures of this run were filled in afterwards by `bench/gzip-backfill.ts` (the run ' +
    'compared Chromium’s body size, which counts chunked framing, with the body’s length exactly, ' +
    'and left them empty): the recorded paths answered again by the same query rules from the same ' +
    'dataset, gzipped at level 6; for the trends indicator change, the first change’s answer.',
];
await writeReport(RESULTS, report);
console.log('latest.{json,md}: gzip figures filled in');
