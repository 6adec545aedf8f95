import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openBrowser } from './support/browser';
import type { BrowserSession } from './support/browser';
import { serveDist } from './support/static-server';
import type { RunningServer } from './support/static-server';

/** A touch phone (390×844): taps arrive as touch pointer events, as on a real one. */
describe('on a phone', () => {
  let site: RunningServer;
  let b: BrowserSession;
  let page: Page;
  let errors: string[];
  beforeAll(async () => {
    site = await serveDist();
    b = await openBrowser({ width: 390, height: 844 }, { touch: true });
    ({ page, errors } = b);
  });
  afterAll(async () => {
    await b.close();
    await site.close();
  });

  it('shows every Chinese view tab whole, none under the report button', async () => {
    await page.goto(`${site.url}/`);
    const tabs = page.getByRole('navigation').getByRole('link');
    await tabs.first().waitFor();
    const button = await page.getByRole('button', { name: '导出报告' }).boundingBox();
    if (!button) throw new Error('no report button');
    const width = page.viewportSize()?.width ?? 390;
    for (const name of ['概览', '趋势', '专项工作', '考评排名', '红黑榜', '地图']) {
      const box = await page.getByRole('link', { name, exact: true }).boundingBox();
      if (!box) throw new Error(`no tab ${name}`);
      const overlaps =
        box.x < button.x + button.width &&
        button.x < box.x + box.width &&
        box.y < button.y + button.height &&
        button.y < box.y + box.height;
      expect(overlaps, name).toBe(false);
      expect(box.x + box.width, name).toBeLessThanOrEqual(width);
    }
    expect(errors).toEqual([]);
  });

  it('opens a link to a later view with its tab in sight, in English too', async () => {
    const width = page.viewportSize()?.width ?? 390;
    for (const [url, name] of [
      ['/?view=map&lang=en', 'Map'],
      ['/?view=league&lang=en', 'League'],
      ['/?view=map', '地图'],
    ] as const) {
      await page.goto(`${site.url}${url}`);
      const tab = page.getByRole('navigation').getByRole('link', { name, exact: true });
      await expect.poll(() => tab.getAttribute('aria-current')).toBe('page');
      // The list scrolls sideways to it (after the first render's layout): whole and clear of the fade.
      await expect
        .poll(async () => {
          const box = await tab.boundingBox();
          return box ? box.x >= 0 && box.x + box.width <= width - 16 : false;
        })
        .toBe(true);
      expect(await page.evaluate(() => window.scrollY), url).toBe(0);
    }
    expect(errors).toEqual([]);
  });

  it('is compact, sorted largest first, leaves most of the plot visible, and a tap elsewhere closes it', async () => {
    // Longhua's townships: the trends view's second chart has a line for each.
    await page.goto(`${site.url}/?view=trends&indicator=new-users&district=460106`);
    const figures = page.getByRole('figure');
    await figures.nth(1).locator('.line-chart__plot polyline').first().waitFor();
    const plot = figures.nth(1).locator('.line-chart__plot svg');
    await plot.scrollIntoViewIfNeeded();
    const svg = await plot.boundingBox();
    if (!svg) throw new Error('no plot');
    expect(await figures.nth(1).locator('.line-chart__plot polyline').count()).toBeGreaterThan(4);

    // At 2016: every township reported, most above the small-count threshold.
    const year = await plot.locator('.plot-x-axis text', { hasText: '2016' }).boundingBox();
    if (!year) throw new Error('no 2016 on the axis');
    await page.touchscreen.tap(year.x + year.width / 2, svg.y + svg.height * 0.5);
    const tooltip = figures.nth(1).locator('.chart-tooltip');
    await tooltip.waitFor();
    const box = await tooltip.boundingBox();
    if (!box) throw new Error('no tooltip box');
    // Inside the screen, and most of the plot still in view around it.
    expect(box.x).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width).toBeLessThanOrEqual(390);
    expect(box.height).toBeLessThanOrEqual(svg.height * 0.35);
    expect(box.width * box.height).toBeLessThanOrEqual(svg.width * svg.height * 0.3);

    // Largest first (missing values, if any, last).
    const values = await tooltip
      .locator('.chart-tooltip__value')
      .allInnerTexts()
      .then((texts) =>
        texts.map((t) => (t.includes('—') ? NaN : Number(t.replace(/[^\d.]/g, '')))),
      );
    const numbers = values.filter((v) => Number.isFinite(v));
    expect(new Set(numbers).size).toBeGreaterThan(1);
    expect(numbers).toEqual([...numbers].sort((a, b) => b - a));

    // A tap outside the chart closes it.
    await page.touchscreen.tap(195, 10);
    await expect.poll(() => tooltip.count()).toBe(0);
    expect(errors).toEqual([]);
  });

  it('reads every column of the completion table without scrolling sideways, in both languages', async () => {
    for (const lang of ['', '&lang=en']) {
      await page.goto(`${site.url}/?district=460106${lang}`);
      const table = page.locator('table.completion__table');
      await table.locator('td.completion__change').first().waitFor();
      const cells = await table.locator('tbody tr:not(.completion__group) > *').evaluateAll((els) =>
        els
          .filter((el) => getComputedStyle(el).display !== 'none')
          .map((el) => {
            const r = el.getBoundingClientRect();
            return { text: el.textContent.trim(), left: r.left, right: r.right };
          }),
      );
      expect(cells.length).toBeGreaterThan(50);
      // Every shown cell (name, value, changes, target, met, place) is inside the screen.
      expect(cells.filter((c) => c.left < 0 || c.right > 390)).toEqual([]);
      // Each change is written with its column's header before it.
      const first = await table
        .locator('td.completion__change')
        .first()
        .evaluate((el) => ({
          label: el.getAttribute('data-label'),
          before: getComputedStyle(el, '::before').content,
        }));
      expect(first.before).toContain(first.label ?? 'none');
    }
    expect(errors).toEqual([]);
  });

  it('fits the completion table to a 1440 px screen in English, every column in view', async () => {
    await page.setViewportSize({ width: 1440, height: 900 });
    await page.goto(`${site.url}/?district=460106&lang=en`);
    const scroll = page.locator('.completion__scroll');
    await scroll.locator('td.completion__rank').first().waitFor();
    const { scrollWidth, clientWidth } = await scroll.evaluate((el) => ({
      scrollWidth: el.scrollWidth,
      clientWidth: el.clientWidth,
    }));
    expect(scrollWidth).toBeLessThanOrEqual(clientWidth);
    await page.setViewportSize({ width: 390, height: 844 });
    expect(errors).toEqual([]);
  });

  it('shows the warnings as one line a tap opens, and four headline cards on the first screen', async () => {
    await page.goto(`${site.url}/`);
    const warnings = page.locator('details.warnings');
    await warnings.waitFor();
    expect(await warnings.evaluate((d) => (d as HTMLDetailsElement).open)).toBe(false);
    const cards = page.locator('.kpi-grid article');
    await cards.nth(3).waitFor();
    const fourth = await cards.nth(3).boundingBox();
    expect(fourth && fourth.y + fourth.height).toBeLessThanOrEqual(844);
    await page.locator('details.warnings > summary').tap();
    await expect.poll(() => warnings.evaluate((d) => (d as HTMLDetailsElement).open)).toBe(true);
    expect(await page.locator('.warnings__list a').first().isVisible()).toBe(true);
    expect(errors).toEqual([]);
  });
});
