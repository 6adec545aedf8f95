import { afterEach, describe, expect, it } from 'vitest';
import { apiDeployment } from './support/deployment';
import { otherCity } from './fixtures/other-city';

describe('a failing data service (real HTTP server)', () => {
  const env = apiDeployment(otherCity, { config: { requestTimeoutMs: 2000 } });
  afterEach(() => env.api.faults.clear());
  /** Open a URL with no cached data from earlier tests. */
  const fresh = async (path: string) => {
    await env.b.page.goto(`${env.site.url}/404-blank`);
    await env.b.page.evaluate(() => localStorage.clear());
    await env.b.page.goto(`${env.site.url}${path}`);
  };
  const cards = () => env.b.page.getByRole('region', { name: /重点指标/ });
  const ranks = () => env.b.page.getByRole('region', { name: /考评排名/ });

  it('shows a 500 where the cards would be, keeps the ranks, and recovers on retry', async () => {
    env.api.faults.set('observations', { kind: 'status', status: 500 });
    await fresh('/');
    const alert = cards().getByRole('alert');
    await alert.waitFor({ timeout: 20_000 }); // two retries with backoff first
    expect(await alert.innerText()).toContain('HTTP 500');
    await ranks()
      .getByText(/全市第[12]名/)
      .first()
      .waitFor();
    env.api.faults.clear();
    await alert.getByRole('button', { name: '重试' }).click();
    await cards().getByRole('article', { name: '社区康复执行率' }).getByText('97.3').waitFor();
  });

  it("shows a proxy's HTML error page by its title, without retrying a 4xx", async () => {
    env.api.faults.set('rankings', { kind: 'html', status: 404 });
    const before = env.api.requests.length;
    await fresh('/?lang=en');
    const alert = env.b.page
      .getByRole('region', { name: /Assessment rankings/ })
      .getByRole('alert');
    await alert.waitFor();
    expect(await alert.innerText()).toContain('HTTP 404: 404 Bad Gateway');
    expect(await alert.innerText()).not.toContain('<center>');
    expect(
      env.api.requests.slice(before).filter((r) => r.startsWith('/api/v1/rankings')),
    ).toHaveLength(1);
  });

  it('reports truncated JSON and a dropped connection in plain words', async () => {
    env.api.faults.set('meta', { kind: 'truncate' });
    await fresh('/');
    await env.b.page.getByRole('alert').getByText('服务器返回的内容不是 JSON 数据。').waitFor();
    env.api.faults.set('meta', { kind: 'drop' });
    await env.b.page.getByRole('button', { name: '重试' }).click();
    await env.b.page
      .getByRole('alert')
      .getByText(/无法连接数据服务器/)
      .waitFor({ timeout: 20_000 });
    await expect(env.b.page.getByRole('heading', { level: 1 }).isVisible()).resolves.toBe(true);
  });

  it('gives up on a slow server after the configured timeout, and shows a skeleton meanwhile', async () => {
    env.api.faults.set('observations', { kind: 'slow', ms: 2500 });
    await fresh('/?view=trends');
    await env.b.page.getByRole('status').getByText('正在加载…').first().waitFor();
    await env.b.page
      .getByRole('alert')
      .getByText(/超时未响应/)
      .waitFor({ timeout: 30_000 });
  });

  it('after a reload with the server down, shows the last loaded data marked as cached — never demo data', async () => {
    await fresh('/');
    await cards().getByRole('article', { name: '社区康复执行率' }).getByText('97.3').waitFor();
    await env.b.page.waitForTimeout(1500); // the cache is written at most once a second
    env.api.faults.set('*', { kind: 'drop' });
    await env.b.page.reload();
    await cards().getByRole('article', { name: '社区康复执行率' }).getByText('97.3').waitFor();
    await env.b.page
      .getByText(/数据未能刷新，显示的是 .* 获取的缓存数据/)
      .first()
      .waitFor({ timeout: 30_000 });
    await expect(env.b.page.getByText('演示数据 / Demo data').count()).resolves.toBe(0);
  });
});
