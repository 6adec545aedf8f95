import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readWorkbook } from '../server/import/read-workbook';
import { otherCity } from './fixtures/other-city';
import { openBrowser } from './support/browser';
import type { BrowserSession } from './support/browser';
import { serveDataService } from './support/data-service';
import type { DataService } from './support/data-service';
import { download } from './support/downloads';
import {
  expectOtherCityOverview,
  OTHER_CITY_SEIZED_JIYANG,
  otherCitySeizedRow,
} from './support/other-city-screens';

describe('the production app on the data service (workbook → database → API → screen)', () => {
  let service: DataService;
  let b: BrowserSession;
  beforeAll(async () => {
    service = await serveDataService(otherCity);
    b = await openBrowser();
  });
  afterAll(async () => {
    await b.close();
    await service.close();
  });

  it('shows the imported figures from its own API, not the demo', async () => {
    await expectOtherCityOverview(b.page, service.url);
    expect(service.requests.some((r) => r.path.startsWith('/api/v1/observations?'))).toBe(true);
    expect(b.errors).toEqual([]);
  });

  it('reads every value back through the table view', async () => {
    expect(await otherCitySeizedRow(b.page, service.url)).toEqual(OTHER_CITY_SEIZED_JIYANG);
    expect(b.errors).toEqual([]);
  });

  it('revalidates with ETags: a reload gets 304s, not the data again', async () => {
    const { page } = b;
    await page.goto(`${service.url}/`);
    await page.getByRole('article', { name: '社区康复执行率' }).getByText('97.3').waitFor();
    const before = service.requests.length;
    await page.reload();
    await page.getByRole('article', { name: '社区康复执行率' }).getByText('97.3').waitFor();
    const after = service.requests.slice(before);
    expect(after.some((r) => r.path === '/api/v1/meta' && r.status === 304)).toBe(true);
    expect(after.filter((r) => r.status === 200 || r.status === 304)).toEqual(after);
  });

  it('offers the template workbook, which the importer recognises', async () => {
    const { page } = b;
    await page.goto(`${service.url}/`);
    const file = await download(page, page.getByRole('link', { name: '数据模板（Excel）' }));
    expect(file.name).toBe('jindu-data-template.xlsx');
    const read = await readWorkbook(file.bytes);
    expect(read.data).toBeNull();
    expect(read.problems.map((p) => p.code)).toContain('dataset-sheet-empty');
  });
});

describe('a data service before its first import', () => {
  let service: DataService;
  let b: BrowserSession;
  beforeAll(async () => {
    service = await serveDataService(null);
    b = await openBrowser({ width: 390, height: 844 });
  });
  afterAll(async () => {
    await b.close();
    await service.close();
  });

  it('says there is no data yet and how to import it, instead of an error', async () => {
    const { page } = b;
    await page.goto(`${service.url}/`);
    const state = page.getByRole('status').filter({ hasText: '数据服务中还没有数据' });
    await state.waitFor();
    await state.getByText('npm run import -- 工作簿.xlsx').waitFor();
    await expect(page.getByRole('alert').count()).resolves.toBe(0);
    const example = await download(page, state.getByRole('link', { name: /演示数据工作簿/ }));
    const read = await readWorkbook(example.bytes);
    expect(read.problems).toEqual([]);
    expect(read.data?.dataset.meta.regions.length).toBeGreaterThan(10);
    expect(b.errors).toEqual([]);
  });
});
