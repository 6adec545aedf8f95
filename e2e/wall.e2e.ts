import { describe, expect, it } from 'vitest';
import { demoDeployment } from './support/deployment';

/** Every visible piece of HTML text on the wall (SVG text scales with its drawing, not here). */
function textSizes() {
  const out: { text: string; size: number; cls: string }[] = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const el = n.parentElement;
    const text = n.textContent?.trim() ?? '';
    if (!el || text === '' || el.closest('svg, .visually-hidden')) continue;
    const box = el.getBoundingClientRect();
    if (box.width === 0 || box.height === 0) continue;
    out.push({ text, size: parseFloat(getComputedStyle(el).fontSize), cls: el.className });
  }
  return out;
}

describe('wall mode on the production build at 1920×1080', () => {
  const d = demoDeployment({ width: 1920, height: 1080 });

  it('fills the screen without scrolling, in type readable from 5 m, and cycles', async () => {
    const { site, b } = d;
    await b.page.goto(`${site.url}/?screen=wall&district=460106&year=2022&cycle=2`);
    await b.page.locator('.wall-card__number').first().waitFor();
    await b.page.locator('.wall-map svg').waitFor();
    const scroll = await b.page.evaluate(() => ({
      w: document.documentElement.scrollWidth,
      h: document.documentElement.scrollHeight,
    }));
    expect(scroll).toEqual({ w: 1920, h: 1080 });
    const stage = await b.page.locator('.wall-stage').boundingBox();
    expect(stage).toEqual({ x: 0, y: 0, width: 1920, height: 1080 });
    // Every panel lies inside the screen.
    const outside = await b.page.evaluate(() =>
      [...document.querySelectorAll('.wall-panel, .wall-card, .wall-top')]
        .map((el) => ({ cls: el.className, r: el.getBoundingClientRect() }))
        .filter(({ r }) => r.left < 0 || r.top < 0 || r.right > 1920 || r.bottom > 1080)
        .map(({ cls }) => cls),
    );
    expect(outside).toEqual([]);

    const sizes = await b.page.evaluate(textSizes);
    expect(sizes.length).toBeGreaterThan(40);
    expect(sizes.filter((s) => s.size < 28)).toEqual([]);
    const figures = sizes.filter((s) => s.cls === 'wall-card__number');
    expect(figures).toHaveLength(6);
    expect(figures.filter((s) => s.size < 64)).toEqual([]);
    expect(
      await b.page.locator('.wall-current__value').evaluate((el) => getComputedStyle(el).fontSize),
    ).toBe('64px');

    const position = b.page.getByTestId('wall-position');
    await expect.poll(() => position.textContent()).toBe('1/11');
    await expect.poll(() => position.textContent(), { timeout: 5000 }).toBe('2/11');
    expect(b.errors).toEqual([]);
  });

  it('scales the same stage to a 3840×2160 wall', async () => {
    const { site, b } = d;
    await b.page.setViewportSize({ width: 3840, height: 2160 });
    try {
      await b.page.goto(`${site.url}/?screen=wall&district=460106&year=2022`);
      await b.page.locator('.wall-card__number').first().waitFor();
      const stage = await b.page.locator('.wall-stage').boundingBox();
      expect(stage).toEqual({ x: 0, y: 0, width: 3840, height: 2160 });
      const number = await b.page.locator('.wall-card__number').first().boundingBox();
      // 72 px type at 1080p, twice that on screen.
      expect(number?.height).toBeGreaterThan(140);
    } finally {
      await b.page.setViewportSize({ width: 1920, height: 1080 });
    }
  });

  it('leaves on Esc, and the exit button shows when it has the focus', async () => {
    const { site, b } = d;
    await b.page.goto(`${site.url}/?screen=wall&district=460106`);
    await b.page.locator('.wall-card__number').first().waitFor();
    const exit = b.page.getByRole('button', { name: '退出大屏（Esc）' });
    expect(await exit.evaluate((el) => getComputedStyle(el).opacity)).toBe('0');
    await b.page.keyboard.press('Tab');
    await expect.poll(() => exit.evaluate((el) => getComputedStyle(el).opacity)).toBe('1');
    await b.page.keyboard.press('Escape');
    await b.page.getByRole('button', { name: '大屏模式' }).waitFor();
    expect(new URL(b.page.url()).search).toBe('?district=460106');
    expect(b.errors).toEqual([]);
  });
});
