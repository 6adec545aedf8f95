import { describe, expect, it } from 'vitest';
import { demoDeployment } from './support/deployment';
import { demoDataset } from '../mocks/demo/dataset';
import { openBrowser } from './support/browser';

const LONGHUA = '460106';

/** The demo's Longhua townships in one year, best first (fewer new users is better; ties keep meta order). */
function expectedOrder(year: number): string[] {
  // The townships that existed that year (遵谭街道 only from 2019).
  const towns = demoDataset.meta.regions.filter(
    (r) =>
      r.parent === LONGHUA && (r.validFrom ?? -Infinity) <= year && year <= (r.validTo ?? Infinity),
  );
  const value = (id: string) =>
    demoDataset.observations.find(
      (o) => o.indicator === 'new-users' && o.region === id && o.year === year,
    )?.value ?? null;
  return towns
    .map((r, i) => ({ id: r.id, name: r.name.zh, v: value(r.id), i }))
    .sort((a, b) => (a.v ?? Infinity) - (b.v ?? Infinity) || a.i - b.i)
    .map((r) => r.name);
}

describe('the league (红黑榜) in the production build', () => {
  const env = demoDeployment();

  it('loads its code only when its tab is opened', async () => {
    const { page } = env.b;
    await page.goto(`${env.site.url}/?district=${LONGHUA}&year=2016`);
    await page.getByRole('article', { name: '新发现吸毒人员' }).waitFor();
    const scripts = () =>
      page.evaluate(() =>
        performance.getEntriesByType('resource').map((e) => e.name.split('/').pop() ?? ''),
      );
    expect((await scripts()).filter((n) => n.startsWith('league-view'))).toEqual([]);
    await page.getByRole('link', { name: '红黑榜' }).click();
    await page.getByRole('combobox', { name: '指标' }).selectOption('new-users');
    await page.getByRole('figure', { name: '新发现吸毒人员：龙华区各镇/街道红黑榜' }).waitFor();
    expect((await scripts()).some((n) => n.startsWith('league-view'))).toBe(true);
  });

  it('orders the Longhua townships as the demo data say, on the bars and in the table', async () => {
    const { page } = env.b;
    await page.goto(
      `${env.site.url}/?view=league&indicator=new-users&district=${LONGHUA}&year=2016`,
    );
    const figure = page.getByRole('figure', { name: '新发现吸毒人员：龙华区各镇/街道红黑榜' });
    await figure.locator('svg g.bar-row').first().waitFor();
    const names = new Map(demoDataset.meta.regions.map((r) => [r.id, r.name.zh]));
    const barOrder = await figure
      .locator('svg g.bar-row')
      .evaluateAll((gs) => gs.map((g) => g.getAttribute('data-region') ?? ''));
    const expected = expectedOrder(2016);
    expect(barOrder.map((id) => names.get(id))).toEqual(expected);
    // Fewer is better here, so the bars grow longer down the list.
    const widths = await figure
      .locator('svg rect.bar')
      .evaluateAll((rs) => rs.map((r) => r.getBoundingClientRect().width));
    expect(widths).toEqual([...widths].sort((x, y) => x - y));

    await figure.getByRole('button', { name: '显示表格' }).click();
    const rows = await figure.getByRole('rowheader').allInnerTexts();
    expect(rows).toEqual(expected);
    expect(env.b.errors).toEqual([]);
  });

  it('keeps every bar and label inside a 390 px phone screen', async () => {
    const phone = await openBrowser({ width: 390, height: 844 });
    try {
      await phone.page.goto(
        `${env.site.url}/?view=league&lang=en&indicator=rehab-reporting-rate&district=${LONGHUA}&year=2021`,
      );
      const figure = phone.page.getByRole('figure', { name: /league of townships in Longhua/ });
      await figure.locator('svg g.bar-row').first().waitFor();
      const overflow = await figure.locator('svg').evaluate((svg) => {
        const box = svg.getBoundingClientRect();
        return [...svg.querySelectorAll('text, rect.bar')]
          .map((el) => el.getBoundingClientRect())
          .filter((r) => r.right > box.right + 1 || r.left < box.left - 1).length;
      });
      expect(overflow).toBe(0);
      expect(
        await phone.page.evaluate(() => document.documentElement.scrollWidth),
      ).toBeLessThanOrEqual(390);
      expect(phone.errors).toEqual([]);
    } finally {
      await phone.close();
    }
  });
});
