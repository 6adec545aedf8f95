/**
 * Contract 1.1 in a real browser against a real HTTP server: an expired login (401) keeps the
 * figures on screen, links to the sign-in page and recovers when the user is back; a new edition
 * published while the page is open is followed, not mixed in.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { demoDataset } from '../mocks/demo/dataset';
import { serveApi } from './support/api-server';
import type { ApiServer } from './support/api-server';
import { openBrowser } from './support/browser';
import type { BrowserSession } from './support/browser';
import { serveDist } from './support/static-server';
import type { RunningServer } from './support/static-server';

const LOGIN = 'https://sso.example.gov.cn/login';

describe('contract 1.1 against a real data service', () => {
  let api: ApiServer;
  let site: RunningServer;
  let b: BrowserSession;
  beforeAll(async () => {
    api = await serveApi(demoDataset);
    site = await serveDist({
      '/config.json': JSON.stringify({ apiBaseUrl: api.url, loginUrl: LOGIN }),
    });
    b = await openBrowser();
  });
  afterEach(() => api.login.renew());
  afterAll(async () => {
    await b.close();
    await site.close();
    await api.close();
  });
  const fresh = async (path: string) => {
    await b.page.goto(`${site.url}/404-blank`);
    await b.page.evaluate(() => localStorage.clear());
    await b.page.goto(`${site.url}${path}`);
  };
  const card = (name: string) =>
    b.page.getByRole('region', { name: /重点指标/ }).getByRole('article', { name });
  const tab = (name: string) => b.page.getByRole('link', { name, exact: true });

  it('asks for exactly what the overview shows', async () => {
    api.requests.length = 0;
    await fresh('/?district=460106&year=2019');
    await card('新发现吸毒人员').getByText('10', { exact: true }).waitFor();
    const cards = api.requests.find((r) => r.includes('/observations') && r.includes('new-users'));
    expect(decodeURIComponent(cards ?? '')).toContain('region=460106&depth=0');
  });

  it('keeps the figures when the login expires, links to sign in, and recovers', async () => {
    await fresh('/?district=460106&year=2019');
    await card('新发现吸毒人员').getByText('10', { exact: true }).waitFor();

    api.login.expire();
    await tab('趋势').click(); // a view not fetched yet: its request is refused
    // The app-wide notice (the trends panel also says why it is empty, where its chart would be).
    const notice = b.page
      .getByRole('alert')
      .filter({ has: b.page.getByRole('link', { name: '重新登录' }) });
    await notice.waitFor();
    expect(await notice.getByRole('link', { name: '重新登录' }).getAttribute('href')).toBe(LOGIN);

    await tab('概览').click();
    await card('新发现吸毒人员').getByText('10', { exact: true }).waitFor();

    // Signed in elsewhere; coming back to the tab asks again.
    api.login.renew();
    await b.page.evaluate(() => window.dispatchEvent(new Event('focus')));
    await notice.waitFor({ state: 'detached' });
    await tab('趋势').click();
    await b.page.getByRole('figure').first().waitFor();
  });

  it('follows a new edition published while the page is open', async () => {
    await fresh('/?district=460106');
    const figure = card('新发现吸毒人员').locator('.kpi-card__value');
    await figure.waitFor();
    const before = await figure.innerText();
    const metaBefore = api.requests.filter((r) => r.includes('/meta')).length;

    api.edition.publish();
    await tab('趋势').click(); // the answer carries the new dataVersion
    await b.page.getByRole('figure').first().waitFor();
    await tab('概览').click();
    await expect.poll(() => figure.innerText(), { timeout: 15_000 }).not.toBe(before);
    expect(api.requests.filter((r) => r.includes('/meta')).length).toBeGreaterThan(metaBefore);
    expect(await b.page.getByText('页面上的数据来自两个数据版本。').count()).toBe(0);
  });
});
