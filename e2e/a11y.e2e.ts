import AxeBuilder from '@axe-core/playwright';
import { describe, expect, it } from 'vitest';
import { demoDeployment } from './support/deployment';

const VIEWS = [
  ['overview', '', 'article'],
  ['trends', 'view=trends&district=460106', 'figure'],
  ['programmes', 'view=programmes', 'figure'],
  ['rankings', 'view=rankings', 'figure'],
  ['league', 'view=league&district=460106&town=460106007', 'figure'],
  ['map', 'view=map&district=460106&year=2016&town=460106007', 'figure'],
  // Wall mode: no controls but its exit button; the panels are sections with headings.
  ['wall', 'screen=wall&district=460106&cycle=600', 'heading'],
] as const;

describe('accessibility (axe-core) of every view in both languages', () => {
  const env = demoDeployment();

  for (const lang of ['zh', 'en'] as const) {
    for (const [name, query, landmark] of VIEWS) {
      it(`${name} in ${lang} has no violations`, async () => {
        const qs = [query, lang === 'en' ? 'lang=en' : ''].filter(Boolean).join('&');
        await env.b.page.goto(`${env.site.url}/${qs ? `?${qs}` : ''}`);
        await env.b.page.getByRole(landmark).first().waitFor();
        await env.b.page.waitForTimeout(300);
        const result = await new AxeBuilder({ page: env.b.page }).analyze();
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
