/**
 * `npm run import` end to end on every engine: a workbook goes in, the API gives the same
 * values back; a bad workbook leaves the database untouched; the same file twice changes
 * nothing; a dry run reports without writing; a CSV updates only the observations.
 */
import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { demoDataset } from '@mocks/demo/dataset';
import { respond } from '@contract/filter';
import { CAPABILITIES } from '@contract/types';
import { templateBytes } from '@contract/workbook/write-template';
import { createService } from '../api/app';
import type { Connection } from '../db/connect';
import { listEditions, readDataset } from '../db/read';
import {
  OBSERVATIONS_SHEET,
  RANKINGS_SHEET,
  REGIONS_SHEET,
  columnLetter,
  headerLabel,
} from '@contract/workbook/layout';
import type { Workbook } from 'exceljs';
import {
  columnWith,
  duplicateRow,
  loadWorkbook,
  patchXml,
  rowWith,
  sheetOf,
  toBytes,
} from '../import/test-support';
import { engines, freshDatabase } from '../test/databases';
import { withRevision11 } from '../test/dataset-11';
import type { WireObservation } from '@contract/wire-types';
import { describeOutcome, runImport } from './import-command';

let demoBytes: Uint8Array;
beforeAll(async () => {
  demoBytes = await templateBytes(demoDataset);
});

/** The demo workbook with one observation cell overwritten (found by its ids and year). */
async function withCell(indicator: string, region: string, year: number, value: unknown) {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(demoBytes as unknown as ArrayBuffer);
  const sheet = workbook.getWorksheet('数据 (Observations)');
  if (!sheet) throw new Error('no observations sheet');
  const header = sheet.getRow(1).values as unknown[];
  const column = header.findIndex((v) => String(v) === String(year));
  let hit = 0;
  sheet.eachRow((row, n) => {
    if (n > 1 && row.getCell(1).text === indicator && row.getCell(2).text === region) {
      row.getCell(column).value = value as ExcelJS.CellValue;
      hit = n;
    }
  });
  if (!hit) throw new Error(`no row for ${indicator}/${region}`);
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

const first = demoDataset.observations.find(
  (o) => o.value !== null && !o.note && o.target === undefined,
);
if (!first) throw new Error('demo data has no plain observation');

describe.each(engines)('npm run import on %s', (engine) => {
  let connection: Connection;
  beforeEach(async () => {
    connection = await freshDatabase(engine);
  });
  afterEach(async () => {
    await connection.close();
  });
  const importFile = (bytes: Uint8Array, extra: { dryRun?: boolean; fileName?: string } = {}) =>
    runImport(connection.db, {
      fileName: extra.fileName ?? 'demo.xlsx',
      bytes,
      dryRun: extra.dryRun ?? false,
      now: new Date('2026-11-28T10:00:00Z'),
    });

  it('imports the demo workbook, and the API serves exactly the demo dataset', async () => {
    const outcome = await importFile(demoBytes);
    expect(outcome.status).toBe('imported');
    const app = createService({ db: connection.db });
    // Served as a 1.1 server: every capability, and the answers' dataVersion.
    const served = (await (await app.request('/api/v1/meta')).json()) as { dataVersion: string };
    const reference = {
      ...demoDataset,
      meta: {
        ...demoDataset.meta,
        capabilities: [...CAPABILITIES],
        dataVersion: served.dataVersion,
      },
    };
    for (const [endpoint, query] of [
      ['meta', ''],
      ['observations', ''],
      ['observations', 'region=460106&from=2017&to=2019'],
      ['observations', 'region=460100,460106&depth=1&level=township'],
      ['rankings', ''],
    ] as const) {
      const res = await app.request(`/api/v1/${endpoint}?${query}`);
      expect(await res.json()).toEqual(
        respond(reference, endpoint, new URLSearchParams(query)).body,
      );
    }
    const [edition] = await listEditions(connection.db);
    expect(edition).toMatchObject({
      id: 1,
      as_of: demoDataset.meta.dataAsOf,
      file_name: 'demo.xlsx',
      observations: demoDataset.observations.length,
      rankings: demoDataset.rankings.length,
      cells_added: demoDataset.observations.length + demoDataset.rankings.length,
    });
    expect(edition?.checksum).toMatch(/^[0-9a-f]{64}$/);
  });

  it('imports a workbook with the 1.1 columns, and the API serves every 1.1 field', async () => {
    const d11 = withRevision11(demoDataset);
    const bytes = await templateBytes(d11);
    expect((await importFile(bytes, { fileName: 'demo-11.xlsx' })).status).toBe('imported');
    const app = createService({ db: connection.db });
    const served = (await (await app.request('/api/v1/meta')).json()) as { dataVersion: string };
    const reference = { ...d11, meta: { ...d11.meta, dataVersion: served.dataVersion } };
    for (const [endpoint, query] of [
      ['meta', ''],
      ['rankings', ''],
    ] as const) {
      const res = await app.request(`/api/v1/${endpoint}?${query}`);
      expect(await res.json()).toEqual(respond(reference, endpoint, new URLSearchParams()).body);
    }
    // Cells in workbook order (one row per indicator × region): compared as a set.
    const key = (o: { indicator: string; region: string; year: number }) =>
      `${o.indicator} ${o.region} ${o.year}`;
    const body = (await (await app.request('/api/v1/observations')).json()) as {
      observations: WireObservation[];
    };
    expect(new Map(body.observations.map((o) => [key(o), o]))).toEqual(
      new Map(d11.observations.map((o) => [key(o), o])),
    );
    // The same file again changes nothing: status, validity and the rest compare equal.
    expect((await importFile(bytes, { fileName: 'demo-11.xlsx' })).status).toBe('unchanged');
  });

  it('changes nothing when the same file is imported twice', async () => {
    await importFile(demoBytes);
    const again = await importFile(demoBytes);
    expect(again.status).toBe('unchanged');
    expect(await listEditions(connection.db)).toHaveLength(1);
    expect(describeOutcome(again, 'en')[0]).toMatch(
      /^No changes: identical to the current edition 1/,
    );
  });

  it('rejects a bad workbook with every problem and leaves the database as it was', async () => {
    await importFile(demoBytes);
    const before = await readDataset(connection.db);
    const bad = await withCell(first.indicator, first.region, first.year, '约100');
    const outcome = await importFile(bad, { fileName: 'bad.xlsx' });
    expect(outcome.status).toBe('invalid');
    if (outcome.status !== 'invalid') return;
    expect(outcome.problems.map((p) => p.code)).toEqual(['text-in-number-cell']);
    expect(describeOutcome(outcome, 'zh')[0]).toBe('发现 1 个问题，未写入任何数据：');
    expect(describeOutcome(outcome, 'zh')[1]).toMatch(/数据 \(Observations\).*约100/);
    expect(await readDataset(connection.db)).toEqual(before);
    expect(await listEditions(connection.db)).toHaveLength(1);
  });

  // One of each kind the issue names; the exact messages are checked in server/import/.
  const BAD: [string, string, (wb: Workbook) => void][] = [
    [
      'text in a number cell',
      'text-in-number-cell',
      (wb) => {
        const ws = sheetOf(wb, OBSERVATIONS_SHEET);
        ws.getCell(rowWith(ws, 'new-users', '460106'), columnWith(ws, 2019)).value = 'N/A';
      },
    ],
    [
      'merged cells',
      'merged-cells',
      (wb) => {
        sheetOf(wb, OBSERVATIONS_SHEET).mergeCells('C3:D3');
      },
    ],
    [
      'an unknown id',
      'unknown-id',
      (wb) => {
        const ws = sheetOf(wb, OBSERVATIONS_SHEET);
        ws.getCell(rowWith(ws, 'new-users', '460106'), 1).value = 'new-user';
      },
    ],
    [
      'a duplicate row',
      'duplicate-cell',
      (wb) => {
        const ws = sheetOf(wb, OBSERVATIONS_SHEET);
        duplicateRow(ws, rowWith(ws, 'new-users', '460106'));
      },
    ],
    [
      'a year outside the declared range',
      'year-out-of-range',
      (wb) => {
        const ws = sheetOf(wb, RANKINGS_SHEET);
        ws.getCell(2, columnWith(ws, '年份 (Year)')).value = 2030;
      },
    ],
    [
      'a township whose parent is missing',
      'parent-missing',
      (wb) => {
        const ws = sheetOf(wb, REGIONS_SHEET);
        ws.getCell(rowWith(ws, '460106007'), 3).value = '460199';
      },
    ],
  ];

  it.each(BAD)(
    'rejects %s and leaves the stored edition as it was',
    async (_name, code, breakIt) => {
      await importFile(demoBytes);
      const before = await readDataset(connection.db);
      const wb = await loadWorkbook(demoBytes);
      breakIt(wb);
      const outcome = await importFile(await toBytes(wb), { fileName: 'bad.xlsx' });
      expect(outcome.status === 'invalid' && outcome.problems.map((p) => p.code)).toEqual([code]);
      expect(await readDataset(connection.db)).toEqual(before);
      expect(await listEditions(connection.db)).toHaveLength(1);
    },
  );

  it('dry-runs a changed workbook: reports the changed cell, writes nothing', async () => {
    await importFile(demoBytes);
    const changed = await withCell(first.indicator, first.region, first.year, 12345);
    const dry = await importFile(changed, { dryRun: true });
    expect(dry.status).toBe('dry-run');
    if (dry.status !== 'dry-run') return;
    expect(dry.diff.observations.added).toEqual([]);
    expect(dry.diff.observations.removed).toEqual([]);
    expect(dry.diff.observations.changed.map((c) => [c.before.value, c.after.value])).toEqual([
      [first.value, 12345],
    ]);
    const lines = describeOutcome(dry, 'en');
    expect(lines).toContain(
      `  ~ ${first.indicator} / ${first.region} / ${first.year}: ${first.value} → 12345`,
    );
    expect(lines.at(-1)).toBe('Dry run (--dry-run): nothing was written.');
    expect(await listEditions(connection.db)).toHaveLength(1);

    const real = await importFile(changed, { fileName: 'v2.xlsx' });
    expect(real.status).toBe('imported');
    const editions = await listEditions(connection.db);
    expect(editions.map((e) => [e.id, e.cells_changed, e.cells_added, e.cells_removed])).toEqual([
      [1, 0, demoDataset.observations.length + demoDataset.rankings.length, 0],
      [2, 1, 0, 0],
    ]);
  });

  it('updates only the observations from a CSV, as a new edition dated --as-of', async () => {
    await importFile(demoBytes);
    const ind = demoDataset.meta.indicators[0]?.id ?? '';
    const years = demoDataset.meta.years;
    const csv = [
      ['指标编号 (Indicator ID)', '地区编号 (Region ID)', ...years.map(String)].join(','),
      [ind, '460106', ...years.map((y) => String(y - 2000))].join(','),
    ].join('\r\n');
    const outcome = await runImport(connection.db, {
      fileName: 'update.csv',
      bytes: new TextEncoder().encode(`\uFEFF${csv}`),
      dryRun: false,
      asOf: '2026-11-01',
    });
    expect(outcome.status).toBe('imported');
    const stored = await readDataset(connection.db);
    expect(stored?.meta.dataAsOf).toBe('2026-11-01');
    expect(stored?.observations.map((o) => o.value)).toEqual(years.map((y) => y - 2000));
    expect(stored?.rankings).toEqual(demoDataset.rankings);
  });

  it('refuses a CSV over its limits while reading it, naming the limit and the row; nothing is written', async () => {
    await importFile(demoBytes);
    const before = await listEditions(connection.db);
    const ind = demoDataset.meta.indicators[0]?.id ?? '';
    const years = demoDataset.meta.years;
    const labels = OBSERVATIONS_SHEET.columns.map((c) => headerLabel(c.zh, c.en));
    const line = (fields: string[]) => Papa.unparse([fields]);
    const head = line([...labels.slice(0, 4), ...years.map(String), ...labels.slice(4)]);
    const row = (note: string) =>
      line([ind, '460106', '', '', ...years.map((y) => String(y - 2000)), '', note, '']);
    const csvImport = (name: string, lines: string[]) =>
      importFile(new TextEncoder().encode(lines.join('\r\n')), { fileName: name });
    // The same file with a short note imports (so the refusal below is the limit's alone).
    const ok = await csvImport('note.csv', [head, row(`${years[0] ?? ''}: short`)]);
    expect(ok.status).toBe('imported');
    const editions = await listEditions(connection.db);
    // One row more than a sheet may hold: stopped there. Before the limit every row was read
    // and checked, and refused only for what the rows said (duplicates).
    const many = await csvImport('many-rows.csv', [head, ...Array<string>(100_000).fill(row(''))]);
    expect(many.status === 'invalid' && many.problems.map((p) => [p.code, p.row])).toEqual([
      ['csv-too-many-rows', 100_001],
    ]);
    // A note longer than a cell can hold: named while the file is read (before, only after the
    // whole file had been read and checked, as a text rule).
    const long = await csvImport('long-note.csv', [
      head,
      row(`${years[0] ?? ''}: ${'x'.repeat(32_768 - 6)}`),
    ]);
    expect(long.status).toBe('invalid');
    if (long.status !== 'invalid') return;
    const noteColumn = columnLetter(4 + years.length + 2);
    expect(long.problems.map((p) => [p.code, p.sheet, p.row, p.column])).toEqual([
      ['csv-field-too-long', 'CSV', 2, noteColumn],
    ]);
    expect(describeOutcome(long, 'en')[1]).toMatch(
      new RegExp(
        `row 2, column ${noteColumn}: This field is 32,768 characters long, more than the limit of 32,767`,
      ),
    );
    expect(await listEditions(connection.db)).toEqual(editions);
    expect(editions).toHaveLength(before.length + 1);
  });

  it("refuses a NUL (Excel's _x0000_) in an id or a name at validation, before any write", async () => {
    await importFile(demoBytes);
    const before = await readDataset(connection.db);
    const wb = await loadWorkbook(demoBytes);
    const ws = sheetOf(wb, REGIONS_SHEET);
    const row = duplicateRow(ws, rowWith(ws, '460106'));
    ws.getCell(row, 1).value = '460199NULMARK';
    ws.getCell(row, columnWith(ws, '中文名称 (Name, Chinese)')).value = '新区NULMARK';
    const bytes = patchXml(await toBytes(wb), 'NULMARK', '_x0000_');
    // Before, PostgreSQL failed mid-write with a bare 'invalid byte sequence for encoding
    // "UTF8": 0x00' (no sheet, row or column) and SQLite stored a region whose subtree no
    // query could find.
    const outcome = await importFile(bytes, { fileName: 'nul.xlsx' });
    expect(outcome.status).toBe('invalid');
    if (outcome.status !== 'invalid') return;
    expect(outcome.problems.map((p) => [p.code, p.sheet, p.row, p.column])).toEqual([
      ['invalid-id', '地区 (Regions)', row, 'A'],
      ['invalid-text', '地区 (Regions)', row, 'D'],
    ]);
    expect(describeOutcome(outcome, 'en')[1]).toBe(
      '  Regions sheet, row ' +
        `${row}, column A: The ID "460199<U+0000>" contains the invisible character U+0000 ` +
        '(a control, zero-width or text-direction character); delete it or type the ID again',
    );
    expect(await readDataset(connection.db)).toEqual(before);
    expect(await listEditions(connection.db)).toHaveLength(1);
  });

  it('takes --as-of only as a real date', async () => {
    for (const asOf of ['0000-99-99', '2026-02-30', '2026-13-01', '1899-12-31', '2026-1-5']) {
      const outcome = await runImport(connection.db, {
        fileName: 'demo.xlsx',
        bytes: demoBytes,
        dryRun: false,
        asOf,
      });
      expect(outcome.status === 'invalid' && outcome.problems.map((p) => p.code)).toEqual([
        'bad-as-of',
      ]);
    }
    expect(await listEditions(connection.db)).toHaveLength(0);
    const ok = await runImport(connection.db, {
      fileName: 'demo.xlsx',
      bytes: demoBytes,
      dryRun: false,
      asOf: '2024-02-29',
    });
    expect(ok.status === 'imported' && ok.dataset.meta.dataAsOf).toBe('2024-02-29');
  });

  it('refuses a CSV before any workbook, and unknown file types', async () => {
    const csv = await runImport(connection.db, {
      fileName: 'x.csv',
      bytes: new Uint8Array(),
      dryRun: false,
    });
    expect(csv.status === 'invalid' && csv.problems[0]?.code).toBe('csv-needs-workbook');
    const pdf = await runImport(connection.db, {
      fileName: 'x.pdf',
      bytes: new Uint8Array(),
      dryRun: false,
    });
    expect(pdf.status === 'invalid' && pdf.problems[0]?.code).toBe('unsupported-file');
    expect(await listEditions(connection.db)).toHaveLength(0);
  });
});
