/**
 * Importing from the browser, on every engine: an upload is the CLI's dry run, kept; nothing
 * is written before the confirm, which stores exactly what was previewed — unless another
 * edition landed meanwhile, a confirm of it is already running, or another import holds the
 * lock. A body over the cap is refused while it streams in.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { demoDataset } from '@mocks/demo/dataset';
import { describeOutcome, runImport } from '../../cli/import-command';
import { withImportLock } from '../../db/import-lock';
import { listEditions, readDataset } from '../../db/read';
import { readSnapshot } from '../../db/snapshots';
import { readWorkbook } from '../../import/read-workbook';
import { normalise } from '../../import/test-support';
import { engines, freshDatabase } from '../../test/databases';
import type { TestDatabase } from '../../test/databases';
import type { DiffView } from './diff-view';
import type { EditionSummary } from './summary';
import { CELL, cellValue, demoWorkbook, mount, withCell } from '../../test/edition-routes';

interface Preview {
  status: 'preview';
  upload: { id: string; fileName: string; sha256: string; baseEdition: number | null };
  diff: DiffView;
}
interface Invalid {
  status: 'invalid';
  problems: { code: string; text: { zh: string; en: string } }[];
}
const json = async <T>(res: Response) => (await res.json()) as T;

describe.each(engines)('uploads on %s', (engine) => {
  let database: TestDatabase;
  beforeEach(async () => {
    database = await freshDatabase(engine);
    const first = await runImport(database.db, {
      fileName: 'demo.xlsx',
      bytes: await demoWorkbook(),
      dryRun: false,
      isolated: false,
    });
    expect(first.status).toBe('imported');
  });
  afterEach(async () => {
    await database.close();
  });

  it('previews a changed workbook without writing, then stores exactly it on confirm', async () => {
    // The real isolated reader here; the other tests read in-process.
    const api = mount(database.db, { isolated: true });
    const before = await readDataset(database.db);
    const changed = await withCell(12345);
    const res = await api.upload(changed, 'v2.xlsx');
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
    const preview = await json<Preview>(res);
    expect(preview.status).toBe('preview');
    expect(preview.upload).toMatchObject({ fileName: 'v2.xlsx', baseEdition: 1 });
    expect(preview.diff.totals).toEqual({
      added: 0,
      changed: 1,
      removed: 0,
      rankingsAdded: 0,
      rankingsChanged: 0,
      rankingsRemoved: 0,
    });
    expect(preview.diff.truncated).toBe(false);
    const indicator = demoDataset.meta.indicators.find((i) => i.id === CELL.indicator);
    expect(indicator?.unitLabel).toEqual({ zh: '人', en: 'people' });
    expect(preview.diff.groups).toEqual([
      {
        indicator: {
          id: CELL.indicator,
          name: indicator?.name,
          unit: indicator?.unitLabel,
        },
        region: {
          id: CELL.region,
          name: demoDataset.meta.regions.find((r) => r.id === CELL.region)?.name,
        },
        cells: [
          {
            year: CELL.year,
            kind: 'changed',
            before: { value: cellValue() },
            after: { value: 12345 },
          },
        ],
      },
    ]);

    // Nothing written: the stored data, the editions, the editions the page lists.
    expect(await readDataset(database.db)).toEqual(before);
    expect(await listEditions(database.db)).toHaveLength(1);
    const listed = await json<{ editions: EditionSummary[] }>(await api.request('/editions'));
    expect(listed.editions.map((e) => e.id)).toEqual([1]);

    const confirmed = await api.post(`/uploads/${preview.upload.id}/confirm`);
    expect(confirmed.status).toBe(200);
    const { edition } = await json<{ edition: EditionSummary }>(confirmed);
    expect(edition).toMatchObject({
      id: 2,
      importedBy: 'tester',
      fileName: 'v2.xlsx',
      sha256: preview.upload.sha256,
      cells: { added: 0, changed: 1, removed: 0 },
      restorable: true,
      rolledBackFrom: null,
    });
    const parsed = await readWorkbook(changed);
    if (!parsed.data) throw new Error('the changed workbook does not read');
    const stored = await readDataset(database.db);
    if (!stored) throw new Error('nothing stored');
    expect(normalise(stored)).toEqual(normalise(parsed.data.dataset));
    expect(await readSnapshot(database.db, 2)).toEqual(
      JSON.parse(JSON.stringify(parsed.data.dataset)),
    );
    // The upload is used up.
    const again = await api.post(`/uploads/${preview.upload.id}/confirm`);
    expect(again.status).toBe(404);
    expect(await json<{ error: { code: string } }>(again)).toMatchObject({
      error: { code: 'no-upload' },
    });
    expect(api.audits.map((a) => [a.action, a.user, a.detail?.status])).toEqual([
      ['upload', 'tester', 'preview'],
      ['confirm', 'tester', 'imported'],
    ]);
    expect(api.audits[1]?.detail).toMatchObject({ fileName: 'v2.xlsx', edition: 2 });
    expect(api.logs).toEqual([]);
  });

  it("lists a bad workbook's problems exactly as the CLI prints them, and stores nothing", async () => {
    const api = mount(database.db);
    const before = await readDataset(database.db);
    const bad = await withCell('约100');
    const res = await api.upload(bad, 'bad.xlsx');
    expect(res.status).toBe(200);
    const body = await json<Invalid>(res);
    expect(body.status).toBe('invalid');
    expect(body.problems.map((p) => p.code)).toEqual(['text-in-number-cell']);
    const cli = await runImport(database.db, {
      fileName: 'bad.xlsx',
      bytes: bad,
      dryRun: true,
      isolated: false,
    });
    for (const lang of ['zh', 'en'] as const)
      expect(body.problems.map((p) => `  ${p.text[lang]}`)).toEqual(
        describeOutcome(cli, lang).slice(1),
      );
    expect(await readDataset(database.db)).toEqual(before);
    expect(await listEditions(database.db)).toHaveLength(1);
    expect(api.audits.map((a) => [a.action, a.detail?.status, a.detail?.problems])).toEqual([
      ['upload', 'invalid', 1],
    ]);
    // The same workbook as stored: nothing to confirm.
    const same = await api.upload(await demoWorkbook());
    expect(await json<{ status: string; edition: { id: number } }>(same)).toMatchObject({
      status: 'unchanged',
      edition: { id: 1 },
    });
  });

  it('previews and confirms an observations CSV against the current edition', async () => {
    const api = mount(database.db);
    const years = demoDataset.meta.years;
    const csv = [
      ['指标编号 (Indicator ID)', '地区编号 (Region ID)', ...years.map(String)].join(','),
      [CELL.indicator, CELL.region, ...years.map((y) => String(y - 2000))].join(','),
    ].join('\r\n');
    const res = await api.upload(new TextEncoder().encode(`\uFEFF${csv}`), 'update.csv');
    const preview = await json<Preview & { upload: { asOf: string } }>(res);
    expect(preview.status).toBe('preview');
    // Every other cell of the edition is gone from a CSV of one row: removed, and counted.
    expect(preview.diff.totals.removed).toBe(demoDataset.observations.length - years.length);
    expect(preview.diff.groups[0]?.region.id).toBeDefined();
    const confirmed = await api.post(`/uploads/${preview.upload.id}/confirm`);
    expect(confirmed.status).toBe(200);
    const stored = await readDataset(database.db);
    expect(stored?.observations.map((o) => o.value)).toEqual(years.map((y) => y - 2000));
    expect(stored?.rankings).toEqual(demoDataset.rankings);
    expect(stored?.meta.dataAsOf).toBe(preview.upload.asOf);
  });

  it('refuses a confirm after another edition landed, and writes nothing', async () => {
    const api = mount(database.db);
    const preview = await json<Preview>(await api.upload(await withCell(12345)));
    // Meanwhile, from the command line:
    const other = await runImport(database.db, {
      fileName: 'other.xlsx',
      bytes: await withCell(777),
      dryRun: false,
      isolated: false,
    });
    expect(other.status).toBe('imported');
    const stored = await readDataset(database.db);
    const res = await api.post(`/uploads/${preview.upload.id}/confirm`);
    expect(res.status).toBe(409);
    expect(await json<{ error: { code: string } }>(res)).toMatchObject({
      error: { code: 'edition-moved' },
    });
    expect(await listEditions(database.db)).toHaveLength(2);
    expect(await readDataset(database.db)).toEqual(stored);
    // Dropped: preview again.
    expect((await api.post(`/uploads/${preview.upload.id}/confirm`)).status).toBe(404);
  });

  it('stores one edition when the same upload is confirmed twice at once', async () => {
    const api = mount(database.db);
    const preview = await json<Preview>(await api.upload(await withCell(12345)));
    const answers = await Promise.all([
      api.post(`/uploads/${preview.upload.id}/confirm`),
      api.post(`/uploads/${preview.upload.id}/confirm`),
    ]);
    const codes = await Promise.all(
      answers.map(async (r) =>
        r.status === 200 ? 200 : (await json<{ error: { code: string } }>(r)).error.code,
      ),
    );
    expect(codes.sort()).toEqual([200, 'committing'].sort());
    expect(await listEditions(database.db)).toHaveLength(2);
  });

  it("keeps each keeper's uploads to themselves, and cancels", async () => {
    const api = mount(database.db);
    const preview = await json<Preview>(await api.upload(await withCell(12345)));
    const id = preview.upload.id;
    expect((await api.post(`/uploads/${id}/confirm`, { 'x-test-user': 'other' })).status).toBe(404);
    expect((await api.post(`/uploads/${id}/cancel`, { 'x-test-user': 'none' })).status).toBe(401);
    expect((await api.post(`/uploads/${id}/cancel`)).status).toBe(204);
    expect((await api.post(`/uploads/${id}/confirm`)).status).toBe(404);
    expect((await api.request('/editions', { headers: { 'x-test-user': 'none' } })).status).toBe(
      401,
    );
    expect(api.audits.map((a) => a.action)).toEqual(['upload', 'cancel']);
    expect(await listEditions(database.db)).toHaveLength(1);
  });

  it('answers busy while another import holds the lock, and keeps the upload to confirm later', async () => {
    const api = mount(database.db, { previewWaitMs: 200, commitWaitMs: 200 });
    const changed = await withCell(12345);
    const preview = await json<Preview>(await api.upload(changed));
    const other = await database.reopen();
    let release = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    let locked = () => {};
    const isLocked = new Promise<void>((resolve) => (locked = resolve));
    const holder = withImportLock(other.db, 1000, async () => {
      locked();
      await held;
    });
    try {
      await isLocked;
      const upload = await api.upload(changed);
      expect(upload.status).toBe(409);
      expect(await json<{ error: { code: string } }>(upload)).toMatchObject({
        error: { code: 'busy' },
      });
      const confirm = await api.post(`/uploads/${preview.upload.id}/confirm`);
      expect(confirm.status).toBe(409);
      expect(await json<{ error: { code: string } }>(confirm)).toMatchObject({
        error: { code: 'busy' },
      });
    } finally {
      release();
      await holder;
      await other.close();
    }
    expect(await listEditions(database.db)).toHaveLength(1);
    expect((await api.post(`/uploads/${preview.upload.id}/confirm`)).status).toBe(200);
    expect(await listEditions(database.db)).toHaveLength(2);
  });

  it('refuses a body over the cap while it streams in, and a Content-Length over it unread', async () => {
    const cap = 64 * 1024;
    const api = mount(database.db, { maxUploadBytes: cap });
    const chunk = new Uint8Array(16 * 1024);
    let pulled = 0;
    const endless = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled++;
        if (pulled > 1000) controller.close();
        else controller.enqueue(chunk);
      },
    });
    const res = await api.request('/uploads?file=big.xlsx', {
      method: 'POST',
      body: endless,
      duplex: 'half',
    } as RequestInit);
    expect(res.status).toBe(413);
    expect(await json<{ error: { code: string } }>(res)).toMatchObject({
      error: { code: 'too-large' },
    });
    // Five chunks passed the cap; a few more may have been queued ahead, never the 1,000.
    expect(pulled).toBeGreaterThanOrEqual(5);
    expect(pulled).toBeLessThan(10);

    let touched = 0;
    const declared = new ReadableStream<Uint8Array>({
      pull(controller) {
        touched++;
        controller.close();
      },
    });
    const refused = await api.request('/uploads?file=big.xlsx', {
      method: 'POST',
      headers: { 'content-length': String(cap + 1) },
      body: declared,
      duplex: 'half',
    } as RequestInit);
    expect(refused.status).toBe(413);
    expect(touched).toBeLessThanOrEqual(1);
    expect(api.audits.map((a) => [a.action, a.detail?.status])).toEqual([
      ['upload', 'too-large'],
      ['upload', 'too-large'],
    ]);
    // At the cap exactly, the body is read (and refused as a workbook, not for its size).
    const atCap = await api.upload(new Uint8Array(cap), 'zeros.xlsx');
    expect(atCap.status).toBe(200);
    expect((await json<Invalid>(atCap)).status).toBe('invalid');
    expect(await listEditions(database.db)).toHaveLength(1);
  });
});
