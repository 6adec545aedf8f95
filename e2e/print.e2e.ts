/**
 * Paper is a medium of its own: printed from a wide window, every chart is laid out again at
 * the A4 page's width (no year cut off), without tooltips, under the full scope line, and two
 * charts share a page where they fit.
 */
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

    const pdf = await page.pdf({ format: 'A4' });
    expect(pageCount(pdf)).toBe(1);
    await page.emulateMedia({ media: 'screen' });
    expect(b.errors).toEqual([]);
  });
});
