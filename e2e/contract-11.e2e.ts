/**
 * Contract 1.1 in a real browser against a real HTTP server: an expired login (401) keeps the
 * figures on screen, links to the sign-in page and recovers when the user is back; a new edition
 * published while the page is open is followed, not mixed in.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { apiDeployment } from './support/deployment';
import { demoDataset } from '../mocks/demo/dataset';

const LOGIN = 'https://sso.example.gov.cn/login';

describe('contract 1.1 against a real data service', () => {
  const env = apiDeployment(demoDataset, { config: { loginUrl: LOGIN } });
  afterEach(() => env.api.login.renew());
  const fresh = async (path: string) => {
    await env.b.page.goto(`${env.site.url}/404-blank`);
    await env.b.page.evaluate(() => localStorage.clear());
    await env.b.page.goto(`${env.site.url}${path}`);
  };
  const card = (name: string) =>
    env.b.page.getByRole('region', { name: /重点指标/ }).getByRole('article', { name });
  const tab = (name: string) => env.b.page.getByRole('link', { name, exact: true });

  it('asks for exactly what the overview shows', async () => {
    env.api.requests.length = 0;
    await fresh('/?district=460106&year=2019');
    await card('新发现吸毒人员').getByText('10', { exact: true }).waitFor();
    const cards = env.api.requests.find(
      (r) => r.includes('/observations') && r.includes('new-users'),
    );
    expect(decodeURIComponent(cards ?? '')).toContain('region=460106&depth=0');
  });

  it('keeps the figures when the login expires, links to sign in, and recovers', async () => {
    await fresh('/?district=460106&year=2019');
    await card('新发现吸毒人员').getByText('10', { exact: true }).waitFor();

    env.api.login.expire();
    await tab('趋势').click(); // a view not fetched yet: its request is refused
    // The app-wide notice (the trends panel also says why it is empty, where its chart would be).
    const notice = env.b.page
      .getByRole('alert')
      .filter({ has: env.b.page.getByRole('link', { name: '重新登录' }) });
    await notice.waitFor();
    expect(await notice.getByRole('link', { name: '重新登录' }).getAttribute('href')).toBe(LOGIN);

    await tab('概览').click();
    await card('新发现吸毒人员').getByText('10', { exact: true }).waitFor();

    // Signed in elsewhere; coming back to the tab asks again.
    env.api.login.renew();
    await env.b.page.evaluate(() => window.dispatchEvent(new Event('focus')));
    await notice.waitFor({ state: 'detached' });
    await tab('趋势').click();
    await env.b.page.getByRole('figure').first().waitFor();
  });

  it('follows a new edition published while the page is open', async () => {
    await fresh('/?district=460106');
    const figure = card('新发现吸毒人员').locator('.kpi-card__value');
    await figure.waitFor();
    const before = await figure.innerText();
    const metaBefore = env.api.requests.filter((r) => r.includes('/meta')).length;

    env.api.edition.publish();
    await tab('趋势').click(); // the answer carries the new dataVersion
    await env.b.page.getByRole('figure').first().waitFor();
    await tab('概览').click();
    await expect.poll(() => figure.innerText(), { timeout: 15_000 }).not.toBe(before);
    expect(env.api.requests.filter((r) => r.includes('/meta')).length).toBeGreaterThan(metaBefore);
    expect(await env.b.page.getByText('页面上的数据来自两个数据版本。').count()).toBe(0);
  });
});
