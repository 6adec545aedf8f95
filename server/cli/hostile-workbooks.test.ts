// @vitest-environment node
/**
 * Issue 12's hostile workbooks against `npm run import` as a process: each one is refused with
 * exit code 1 and a message naming what is wrong (and the sheet), nothing is written, and
 * nothing aborts. Before the guard, the column range made the importer grow to 4.7 GB and
 * abort (exit 134), the repeated cell ran for minutes, and the deep chains and the macro file
 * were imported. The workbooks are built from the demo workbook here (see hostile-fixtures.ts).
 * Two CSVs too: before their limits, a file of line breaks or a quote never closed was read
 * whole (and, with an edition in the database, checked row by row: 99,999 problems).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoDataset } from '@mocks/demo/dataset';
import { templateBytes } from '@contract/workbook/write-template';
import {
  hugeColumnRange,
  manyCells,
  manyEntries,
  regionChain,
  repeatedCell,
  withMacros,
} from '../import/guard/hostile-fixtures';

const TSX = 'node_modules/tsx/dist/cli.mjs';
const env = { ...process.env, DATABASE_URL: '', LANG: 'C' };
let dir = '';
let db = '';

function importFile(name: string, ...args: string[]) {
  return spawnSync(
    process.execPath,
    [TSX, 'server/cli/import.ts', join(dir, name), '--db', db, '--lang', 'en', ...args],
    { env, encoding: 'utf8', timeout: 90_000 },
  );
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'hostile-'));
  db = join(dir, 'dashboard.sqlite');
  const demo = await templateBytes(demoDataset);
  writeFileSync(join(dir, 'col-range.xlsx'), hugeColumnRange(demo));
  writeFileSync(join(dir, 'many-cells.xlsx'), manyCells(demo, 600_000));
  writeFileSync(join(dir, 'repeated-cell.xlsx'), repeatedCell(demo, 16_000_000));
  writeFileSync(join(dir, 'chain-100000.xlsx'), regionChain(demo, 100_000));
  writeFileSync(join(dir, 'chain-10000.xlsx'), regionChain(demo, 10_000));
  writeFileSync(join(dir, 'many-entries.xlsx'), manyEntries(demo, 1000));
  writeFileSync(join(dir, 'macro.xlsx'), withMacros(demo));
  // CSVs: a line too many (empty lines count), and a quote never closed.
  writeFileSync(join(dir, 'many-rows.csv'), `h\n${'\n'.repeat(100_000)}`);
  writeFileSync(join(dir, 'open-quote.csv'), `a,b\n1,"${'x,'.repeat(5_000_000)}`);
  // Sparse files: 21 MiB on paper, nothing on disk.
  for (const name of ['huge.xlsx', 'huge.csv']) {
    writeFileSync(join(dir, name), 'x');
    truncateSync(join(dir, name), 21 * 1024 * 1024);
  }
}, 120_000);
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

const OBS = 'Observations sheet';

// A dry run takes the same path up to the refusal; it is run for one refused by the guard and
// one refused by the reader in its child process.
const DRY_TOO = new Set(['col-range.xlsx', 'chain-10000.xlsx']);

describe.each([
  ['col-range.xlsx', `${OBS}: The column range "1–200000000" lies beyond an Excel sheet`],
  ['many-cells.xlsx', new RegExp(`${OBS}, row \\d+: The workbook has more than 500,000 cells`)],
  [
    'repeated-cell.xlsx',
    `${OBS}: The part xl/worksheets/sheet8.xml inflates to more than 200 times its compressed size (a zip bomb).`,
  ],
  ['chain-100000.xlsx', 'Regions sheet, row 100001: The sheet has more than 100,000 rows'],
  ['chain-10000.xlsx', 'Regions sheet, row 509, column C: The region "chain-9" is 9 levels deep'],
  ['many-entries.xlsx', 'The workbook (a zip) holds 1,025 parts, over the limit of 500.'],
  ['macro.xlsx', 'The workbook contains macros (xl/vbaProject.bin).'],
  ['huge.xlsx', 'The file is 21 MB, over the import limit of 20 MB.'],
  ['huge.csv', 'The file is 21 MB, over the import limit of 20 MB.'],
  [
    'many-rows.csv',
    'CSV, row 100001: The CSV has more than 100,000 rows (the limit, header included): reading stopped at row 100,001.',
  ],
  [
    'open-quote.csv',
    'CSV, row 2, column B: This field is 10,000,000 characters long, more than the limit of 32,767',
  ],
])('npm run import -- %s', (name, expected) => {
  it('is refused with exit code 1 and a message saying why', () => {
    for (const args of DRY_TOO.has(name) ? [[], ['--dry-run']] : [[]]) {
      const r = importFile(name, ...args);
      expect(r.stderr).toBe('');
      expect(r.status).toBe(1);
      expect(r.stdout).toMatch(/^Found 1 problem\(s\); nothing was written:\n/);
      if (typeof expected === 'string') expect(r.stdout).toContain(`  ${expected}`);
      else expect(r.stdout).toMatch(expected);
    }
  }, 120_000);
});

describe('after every hostile workbook', () => {
  it('nothing was written', () => {
    const list = spawnSync(
      process.execPath,
      [TSX, 'server/cli/import.ts', '--list', '--db', db, '--lang', 'en'],
      { env, encoding: 'utf8', timeout: 60_000 },
    );
    expect(list.status).toBe(0);
    expect(list.stdout.trim()).toBe('Nothing has been imported yet.');
  }, 60_000);
});
