import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { otherCity } from './fixtures/other-city';
import { serveApi } from './support/api-server';
import type { ApiServer } from './support/api-server';
import { openBrowser } from './support/browser';
import type { BrowserSession } from './support/browser';
import {
  expectOtherCityOverview,
  OTHER_CITY_SEIZED_JIYANG,
  otherCitySeizedRow,
} from './support/other-city-screens';
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
    await expectOtherCityOverview(b.page, site.url);
    expect(api.requests.some((r) => r.startsWith('/api/v1/observations?indicator='))).toBe(true);
    // public/boot.js asked for /meta while the code downloaded; the app took that answer.
    expect(api.requests.filter((r) => r === '/api/v1/meta')).toHaveLength(1);
    const taken = await b.page.evaluate(() => {
      const early = (window as { __jinduEarly?: object }).__jinduEarly;
      return early ? Object.keys(early) : null;
    });
    expect(taken).toEqual([]); // both handed out: the app fetched neither a second time
    // boot.js's early header was replaced by the app's, not kept next to it
    await expect.poll(() => b.page.locator('h1').count()).toBe(1);
    expect(await b.page.locator('.app--shell').count()).toBe(0);
    expect(b.errors).toEqual([]);
  });

  it('asks only for the district a link names, and shows its figures', async () => {
    const before = api.requests.length;
    await b.page.goto(`${site.url}/?district=sy-jiyang`);
    await b.page.getByRole('heading', { level: 2, name: /重点指标.*吉阳区/ }).waitFor();
    await b.page.getByRole('article').first().waitFor();
    // The cards' requests (the completion table asks for every indicator of the district's
    // peers on its own, without an indicator list).
    const asked = api.requests
      .slice(before)
      .filter((r) => r.startsWith('/api/v1/observations?'))
      .map((r) => new URLSearchParams(r.split('?')[1]))
      .filter((p) => p.has('indicator'))
      .map((p) => p.get('region'));
    expect(asked).toEqual(['sy-jiyang']);
    expect(b.errors).toEqual([]);
  });

  it('a link to a view fetches the files index.html lists for it, and they exist', async () => {
    const html = await (await fetch(`${site.url}/`)).text();
    const listed = /<script type="application\/json" id="preloads">(.*?)<\/script>/.exec(html)?.[1];
    const files = JSON.parse(listed ?? '{}') as Record<string, string[]>;
    expect(Object.keys(files).sort()).toEqual([
      'lang:en',
      'screen:wall',
      'view:league',
      'view:map',
      'view:programmes',
      'view:rankings',
      'view:trends',
    ]);
    for (const list of Object.values(files))
      for (const file of list) expect((await fetch(`${site.url}/${file}`)).status, file).toBe(200);
    const fetched: string[] = [];
    b.page.on('request', (r) => fetched.push(new URL(r.url()).pathname.replace(/^\//, '')));
    await b.page.goto(`${site.url}/?view=trends&lang=en`);
    await b.page.getByRole('heading', { level: 2 }).first().waitFor();
    for (const file of [...(files['view:trends'] ?? []), ...(files['lang:en'] ?? [])])
      expect(fetched, file).toContain(file);
    // preloaded once, not fetched again by the app
    expect(fetched.filter((f) => f.includes('trends-view'))).toHaveLength(1);
    expect(b.errors).toEqual([]);
  });

  it('reads the same values back from the table view', async () => {
    expect(await otherCitySeizedRow(b.page, site.url)).toEqual(OTHER_CITY_SEIZED_JIYANG);
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
