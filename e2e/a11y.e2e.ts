import AxeBuilder from '@axe-core/playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openBrowser } from './support/browser';
import type { BrowserSession } from './support/browser';
import { serveDist } from './support/static-server';
import type { RunningServer } from './support/static-server';

const VIEWS = [
  ['overview', '', 'article'],
  ['trends', 'view=trends&district=460106', 'figure'],
  ['programmes', 'view=programmes', 'figure'],
  ['rankings', 'view=rankings', 'figure'],
  ['league', 'view=league&district=460106&town=460106007', 'figure'],
] as const;

describe('accessibility (axe-core) of every view in both languages', () => {
  let site: RunningServer;
  let b: BrowserSession;
  beforeAll(async () => {
    site = await serveDist();
    b = await openBrowser();
  });
  afterAll(async () => {
    await b.close();
    await site.close();
  });

  for (const lang of ['zh', 'en'] as const) {
    for (const [name, query, landmark] of VIEWS) {
      it(`${name} in ${lang} has no violations`, async () => {
        const qs = [query, lang === 'en' ? 'lang=en' : ''].filter(Boolean).join('&');
        await b.page.goto(`${site.url}/${qs ? `?${qs}` : ''}`);
        await b.page.getByRole(landmark).first().waitFor();
        await b.page.waitForTimeout(300);
        const result = await new AxeBuilder({ page: b.page }).analyze();
        const summary = result.violations.map(
          (v) =>
            `${v.id}: ${v.nodes
              .map((n) => n.target.join(' '))
              .slice(0, 3)
              .join(' | ')}`,
        );
        expect(summary).toEqual([]);
      });
    }
  }
});
