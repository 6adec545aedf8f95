/**
 * Writes one hostile workbook per kind from issue 12, built from the demo workbook, to measure
 * `npm run import` against them (nothing large is committed; the tests build smaller ones).
 * Usage: tsx scripts/make-hostile-fixtures.ts OUT_DIR [--full]
 *   --full  the sizes reported in the issue (19 M cells, 450 MB of XML, …); otherwise each just
 *           crosses its limit.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { demoDataset } from '@mocks/demo/dataset';
import { templateBytes } from '@contract/workbook/write-template';
import {
  hugeColumnRange,
  manyCells,
  manyEntries,
  regionChain,
  repeatedCell,
  withMacros,
} from '../server/import/guard/hostile-fixtures';

const out = process.argv[2];
if (!out) {
  console.error('usage: tsx scripts/make-hostile-fixtures.ts OUT_DIR [--full]');
  process.exit(2);
}
const full = process.argv.includes('--full');
mkdirSync(out, { recursive: true });
const demo = await templateBytes(demoDataset);
const kinds: [string, () => Uint8Array][] = [
  ['demo', () => demo],
  ['col-range', () => hugeColumnRange(demo)],
  ['many-cells', () => manyCells(demo, full ? 19_000_000 : 600_000)],
  ['repeated-cell', () => repeatedCell(demo, full ? 450_000_000 : 8_000_000)],
  ['chain-100000', () => regionChain(demo, 100_000)],
  ['chain-10000', () => regionChain(demo, 10_000)],
  ['many-entries', () => manyEntries(demo, 1000)],
  ['macro', () => withMacros(demo)],
];
for (const [name, make] of kinds) {
  const started = performance.now();
  const bytes = make();
  writeFileSync(join(out, `${name}.xlsx`), bytes);
  console.log(
    `${name}.xlsx  ${(bytes.length / 1024).toFixed(0)} KB  (${((performance.now() - started) / 1000).toFixed(1)} s)`,
  );
}
