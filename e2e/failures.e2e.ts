import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { otherCity } from './fixtures/other-city';
import { serveApi } from './support/api-server';
import type { ApiServer } from './support/api-server';
import { openBrowser } from './support/browser';
import type { BrowserSession } from './support/browser';
import { serveDist } from './support/static-server';
import type { RunningServer } from './support/static-server';

describe('a failing data service (real HTTP server)', () => {
  let api: ApiServer;
  let site: RunningServer;
  let b: BrowserSession;
  beforeAll(async () => {
    api = await serveApi(otherCity);
    site = await serveDist({
      '/config.json': JSON.stringify({ apiBaseUrl: api.url, requestTimeoutMs: 2000 }),
    });
    b = await openBrowser();
  });
  afterEach(() => api.faults.clear());
  afterAll(async () => {
    await b.close();
    await site.close();
    await api.close();
  });
  /** Open a URL with no cached data from earlier tests. */
  const fresh = async (path: string) => {
    await b.page.goto(`${site.url}/404-blank`);
    await b.page.evaluate(() => localStorage.clear());
    await b.page.goto(`${site.url}${path}`);
  };
  const cards = () => b.page.getByRole('region', { name: /重点指标/ });
  const ranks = () => b.page.getByRole('region', { name: /考评排名/ });

  it('shows a 500 where the cards would be, keeps the ranks, and recovers on retry', async () => {
    api.faults.set('observations', { kind: 'status', status: 500 });
    await fresh('/');
    const alert = cards().getByRole('alert');
    await alert.waitFor({ timeout: 20_000 }); // two retries with backoff first
    expect(await alert.innerText()).toContain('HTTP 500');
    await ranks()
      .getByText(/全市第[12]名/)
      .first()
      .waitFor();
    api.faults.clear();
    await alert.getByRole('button', { name: '重试' }).click();
    await cards().getByRole('article', { name: '社区康复执行率' }).getByText('97.3').waitFor();
  });

  it("shows a proxy's HTML error page by its title, without retrying a 4xx", async () => {
    api.faults.set('rankings', { kind: 'html', status: 404 });
    const before = api.requests.length;
    await fresh('/?lang=en');
    const alert = b.page.getByRole('region', { name: /Assessment rankings/ }).getByRole('alert');
    await alert.waitFor();
    expect(await alert.innerText()).toContain('HTTP 404: 404 Bad Gateway');
    expect(await alert.innerText()).not.toContain('<center>');
    expect(api.requests.slice(before).filter((r) => r.startsWith('/api/v1/rankings'))).toHaveLength(
      1,
    );
  });

  it('reports truncated JSON and a dropped connection in plain words', async () => {
    api.faults.set('meta', { kind: 'truncate' });
    await fresh('/');
    await b.page.getByRole('alert').getByText('服务器返回的内容不是 JSON 数据。').waitFor();
    api.faults.set('meta', { kind: 'drop' });
    await b.page.getByRole('button', { name: '重试' }).click();
    await b.page
      .getByRole('alert')
      .getByText(/无法连接数据服务器/)
      .waitFor({ timeout: 20_000 });
    await expect(b.page.getByRole('heading', { level: 1 }).isVisible()).resolves.toBe(true);
  });

  it('gives up on a slow server after the configured timeout, and shows a skeleton meanwhile', async () => {
    api.faults.set('observations', { kind: 'slow', ms: 2500 });
    await fresh('/?view=trends');
    await b.page.getByRole('status').getByText('正在加载…').first().waitFor();
    await b.page
      .getByRole('alert')
      .getByText(/超时未响应/)
      .waitFor({ timeout: 30_000 });
  });

  it('after a reload with the server down, shows the last loaded data marked as cached — never demo data', async () => {
    await fresh('/');
    await cards().getByRole('article', { name: '社区康复执行率' }).getByText('97.3').waitFor();
    await b.page.waitForTimeout(1500); // the cache is written at most once a second
    api.faults.set('*', { kind: 'drop' });
    await b.page.reload();
    await cards().getByRole('article', { name: '社区康复执行率' }).getByText('97.3').waitFor();
    await b.page
      .getByText(/数据未能刷新，显示的是 .* 获取的缓存数据/)
      .first()
      .waitFor({ timeout: 30_000 });
    await expect(b.page.getByText('演示数据 / Demo data').count()).resolves.toBe(0);
  });
});
