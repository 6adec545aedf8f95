/**
 * Paper is a medium of its own: printed from a wide window, every chart is laid out again at
 * the A4 page's width (no year cut off), without tooltips, under the full scope line, and two
 * charts share a page where they fit.
 */
import type { Locator } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openBrowser } from './support/browser';
import type { BrowserSession } from './support/browser';
import { serveDist } from './support/static-server';
import type { RunningServer } from './support/static-server';

let site: RunningServer;
let b: BrowserSession;

beforeAll(async () => {
  site = await serveDist();
  b = await openBrowser({ width: 1440, height: 900 });
});
afterAll(async () => {
  await b.close();
  await site.close();
});

/** A4 is 210 mm wide; less 14 mm margins each side, 182 mm ≈ 688 CSS px. */
const A4_CONTENT = 688;

const pageCount = (pdf: Buffer) =>
  (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;

describe('printing', () => {
  it('lays each chart out at the page width with every year, two charts to a page', async () => {
    const { page } = b;
    await page.goto(
      `${site.url}/?view=trends&indicator=new-users&district=460106&town=460106001&year=2021`,
    );
    const figures = page.getByRole('figure');
    await figures.first().locator('.line-chart__plot polyline').first().waitFor();
    expect(await figures.count()).toBe(2);
    const screenWidth = await page.locator('.line-chart__plot svg').first().getAttribute('width');
    expect(Number(screenWidth)).toBeGreaterThan(1000);
    // Hover so a tooltip is open when printing starts: paper must not show it.
    await page.locator('.line-chart__plot svg').first().hover();
    await page.locator('.chart-tooltip').first().waitFor();

    await page.emulateMedia({ media: 'print' });
    const plots = await page.locator('.line-chart__plot svg').evaluateAll((svgs) =>
      svgs.map((svg) => ({
        width: svg.getBoundingClientRect().width,
        // Laid out again, not shrunk: the drawing's own width is the paper's.
        layoutWidth: Number(svg.getAttribute('width')),
        years: [...svg.querySelectorAll('.plot-x-axis text')].map((t) => t.textContent),
        lastYearRight: Math.max(
          ...[...svg.querySelectorAll('.plot-x-axis text')].map(
            (t) => t.getBoundingClientRect().right - svg.getBoundingClientRect().left,
          ),
        ),
      })),
    );
    for (const p of plots) {
      expect(p.width).toBeLessThanOrEqual(A4_CONTENT);
      expect(p.layoutWidth).toBeLessThanOrEqual(A4_CONTENT);
      expect(p.layoutWidth).toBeGreaterThan(A4_CONTENT * 0.85);
      expect(p.years.at(-1)).toBe('2022');
      expect(p.lastYearRight).toBeLessThanOrEqual(p.width);
    }
    expect(await page.locator('.chart-tooltip').first().isVisible()).toBe(false);
    await expect
      .poll(() => page.locator('.print-only').innerText())
      .toContain('海口市 › 龙华区 › 中山街道 · 2021年度 · 较2019年（基线年）');
    // The page says where its figures come from (the cards have no caption of their own);
    // the template links stay on screen.
    const footer = page.getByRole('contentinfo');
    expect(await footer.isVisible()).toBe(true);
    expect(await footer.innerText()).toMatch(/^来源：/);
    expect(await footer.getByRole('link').first().isVisible()).toBe(false);

    const pdf = await page.pdf({ format: 'A4' });
    expect(pageCount(pdf)).toBe(1);
    await page.emulateMedia({ media: 'screen' });
    expect(b.errors).toEqual([]);
  });

  it('prints the map without what only a screen can use: no tap hint, tooltip, play or export', async () => {
    const { page } = b;
    await page.goto(`${site.url}/?view=map&indicator=new-users&year=2019`);
    const figure = page.getByRole('figure', { name: '新发现吸毒人员：各区分布' });
    const region = figure.locator('svg g.choropleth__region').first();
    await region.waitFor();
    // A tooltip is open when printing starts: paper must not show it.
    await region.hover();
    await expect.poll(() => figure.locator('.map-tip').innerText()).not.toBe('');

    await page.emulateMedia({ media: 'print' });
    const shown = async (l: Locator) => (await l.count()) > 0 && (await l.first().isVisible());
    expect(await shown(page.getByText(/点按地区查看数值/))).toBe(false);
    expect(await shown(figure.locator('.map-tip'))).toBe(false);
    expect(await shown(page.getByRole('button', { name: /播放年份/ }))).toBe(false);
    expect(await shown(figure.getByRole('button', { name: /^导出“/ }))).toBe(false);
    // The map, its legend and the year stay, at the page's width.
    expect(await figure.locator('svg.choropleth').isVisible()).toBe(true);
    expect(await figure.getByText('颜色越深越需关注（数值越高）').isVisible()).toBe(true);
    const width = await figure
      .locator('svg.choropleth')
      .evaluate((svg) => svg.getBoundingClientRect().width);
    expect(width).toBeLessThanOrEqual(A4_CONTENT);
    // The legend's swatches are backgrounds: they must be printed, or the key is blank.
    const adjust = await figure
      .locator('.map-legend__swatch')
      .first()
      .evaluate((el) => getComputedStyle(el).printColorAdjust);
    expect(adjust).toBe('exact');

    const pdf = await page.pdf({ format: 'A4' });
    expect(pageCount(pdf)).toBeGreaterThanOrEqual(1);

    // A district's townships: the levels bar (its back button hidden like every button)
    // would leave a lone "› 龙华区"; the figure's subtitle names the place and year.
    await page.emulateMedia({ media: 'screen' });
    await page.goto(`${site.url}/?view=map&indicator=new-users&year=2019&district=460106`);
    const towns = page.getByRole('figure', { name: /龙华区各镇\/街道分布/ });
    await towns.locator('svg g.choropleth__region').first().waitFor();
    await page.emulateMedia({ media: 'print' });
    expect(await shown(page.locator('.map-crumbs'))).toBe(false);
    expect(await towns.getByText('海口市 › 龙华区 · 2019年度').isVisible()).toBe(true);
    await page.emulateMedia({ media: 'screen' });
    expect(b.errors).toEqual([]);
  });
});
