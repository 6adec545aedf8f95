import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { otherCity } from './fixtures/other-city';
import { serveApi } from './support/api-server';
import type { ApiServer } from './support/api-server';
import { openBrowser } from './support/browser';
import type { BrowserSession } from './support/browser';
import { serveDist } from './support/static-server';
import type { RunningServer } from './support/static-server';

describe('a deployment whose config.json points at a real HTTP API', () => {
  let api: ApiServer;
  let site: RunningServer;
  let b: BrowserSession;
  beforeAll(async () => {
    api = await serveApi(otherCity);
    site = await serveDist({ '/config.json': JSON.stringify({ apiBaseUrl: api.url }) });
    b = await openBrowser();
  });
  afterAll(async () => {
    await b.close();
    await site.close();
    await api.close();
  });

  it('shows that server’s data, without the demo marker', async () => {
    const { page } = b;
    await page.goto(`${site.url}/`);
    await page.getByRole('heading', { level: 1, name: '三亚市禁毒数据（测试）' }).waitFor();
    const card = page.getByRole('article', { name: '社区康复执行率' });
    await card.getByText('97.3').waitFor();
    await expect(page.getByText('演示数据 / Demo data').count()).resolves.toBe(0);
    expect(api.requests.some((r) => r.startsWith('/api/v1/observations?indicator='))).toBe(true);
    expect(b.errors).toEqual([]);
  });

  it('reads the same values back from the table view', async () => {
    const { page } = b;
    await page.goto(`${site.url}/?view=trends&indicator=seized-kg&lang=en`);
    const figure = page.getByRole('figure', { name: /Drugs seized: districts compared/ });
    await figure.getByRole('button', { name: 'Show table' }).click();
    const cells = await figure
      .getByRole('row', { name: /Jiyang/ })
      .getByRole('cell')
      .allInnerTexts();
    expect(cells).toEqual(['20.10 kg', '18.00 kg', '15.50 kg', '12.00 kg', '—', '9.25 kg*']);
  });
});

describe('start-up configuration', () => {
  it('reports a broken config.json instead of falling back to demo data', async () => {
    const site = await serveDist({ '/config.json': '{ "apiBaseUrl": ' });
    const b = await openBrowser();
    try {
      await b.page.goto(`${site.url}/`);
      await b.page
        .getByRole('alert')
        .getByText(/config\.json/)
        .first()
        .waitFor();
      await expect(b.page.getByText('演示数据 / Demo data').count()).resolves.toBe(0);
    } finally {
      await b.close();
      await site.close();
    }
  });

  it('refuses an apiBaseUrl that is not http(s) or a path', async () => {
    const site = await serveDist({
      '/config.json': JSON.stringify({ apiBaseUrl: 'javascript:alert(1)' }),
    });
    const b = await openBrowser();
    try {
      await b.page.goto(`${site.url}/`);
      await b.page
        .getByRole('alert')
        .getByText(/apiBaseUrl/)
        .first()
        .waitFor();
    } finally {
      await b.close();
      await site.close();
    }
  });
});
