import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MADE_UP_CITY } from './fixtures/made-up-city';
import { openBrowser } from './support/browser';
import type { BrowserSession } from './support/browser';
import { demoDeployment } from './support/deployment';
import { serveDist } from './support/static-server';
import type { RunningServer } from './support/static-server';

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

/**
 * Every visible SVG text on the wall at its size on screen: the font size in the drawing's units
 * times the drawing's scale (viewBox, and the stage's own transform).
 */
function svgTextSizes() {
  return [...document.querySelectorAll<SVGTextElement>('.wall svg text')]
    .filter((el) => el.textContent.trim() !== '' && el.getBBox().width > 0)
    .map((el) => {
      const m = el.getScreenCTM();
      const scale = m ? Math.hypot(m.a, m.b) : 0;
      return {
        text: el.textContent,
        size: Math.round(parseFloat(getComputedStyle(el).fontSize) * scale * 10) / 10,
      };
    });
}

/**
 * Card names and change lines ("better ▲ 3.9 percentage points") that do not show whole (cut
 * by a line clamp, an ellipsis or a fixed height).
 */
function clippedNames() {
  return [
    ...document.querySelectorAll<HTMLElement>(
      '.wall-card__name, .wall-card__change, .wall-current__change',
    ),
  ]
    .filter((el) => el.scrollHeight > el.clientHeight + 1 || el.scrollWidth > el.clientWidth + 1)
    .map((el) => el.textContent);
}

/**
 * Needs-attention text that does not show whole: reaching below the panel's content box (cut
 * by its edge) or cut short by a line clamp.
 */
function attentionCut() {
  const panel = document.querySelector<HTMLElement>('.wall-warnings');
  if (!panel) return ['no panel'];
  const style = getComputedStyle(panel);
  const bottom =
    panel.getBoundingClientRect().bottom -
    parseFloat(style.borderBottomWidth) -
    parseFloat(style.paddingBottom);
  return [...panel.querySelectorAll<HTMLElement>('h2, li, p')]
    .filter((el) => {
      const r = el.getBoundingClientRect();
      if (r.height === 0) return false;
      return r.bottom > bottom + 0.5 || el.scrollHeight > el.clientHeight + 1;
    })
    .map((el) => el.textContent);
}

/** Tile labels that reach outside their tile, and SVG text outside its drawing. */
function strayLabels() {
  const out: string[] = [];
  const inside = (a: DOMRect, b: DOMRect) =>
    a.left >= b.left - 0.5 &&
    a.right <= b.right + 0.5 &&
    a.top >= b.top - 0.5 &&
    a.bottom <= b.bottom + 0.5;
  for (const g of document.querySelectorAll<SVGGElement>('.wall-map__labels [data-label]')) {
    const tile = document.querySelector(`.wall-map [data-region="${g.dataset.label ?? ''}"] rect`);
    if (!tile || !inside(g.getBoundingClientRect(), tile.getBoundingClientRect()))
      out.push(g.textContent);
  }
  for (const el of document.querySelectorAll<SVGTextElement>('.wall svg text')) {
    const svg = el.ownerSVGElement;
    if (svg && !inside(el.getBoundingClientRect(), svg.getBoundingClientRect()))
      out.push(el.textContent);
  }
  return out;
}

/** The trend's text and line colours against its panel: WCAG contrast ratios, lowest first. */
function trendContrast() {
  const lum = (css: string) => {
    const [r, g, b] = (css.match(/[\d.]+/g) ?? []).slice(0, 3).map((x) => Number(x) / 255);
    const lin = (c: number) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);
    return 0.2126 * lin(r ?? 0) + 0.7152 * lin(g ?? 0) + 0.0722 * lin(b ?? 0);
  };
  const ratio = (a: string, b: string) => {
    const [hi, lo] = [lum(a), lum(b)].sort((x, y) => y - x);
    return ((hi ?? 0) + 0.05) / ((lo ?? 0) + 0.05);
  };
  const panel = document.querySelector('.wall-trend');
  const svg = panel?.querySelector('svg');
  if (!panel || !svg) return { filter: 'missing', text: 0, lines: 0 };
  const ground = getComputedStyle(panel).backgroundColor;
  const texts = [...svg.querySelectorAll('text')].map((t) =>
    ratio(getComputedStyle(t).fill, ground),
  );
  const lines = [...svg.querySelectorAll('polyline')].map((l) =>
    ratio(getComputedStyle(l).stroke, ground),
  );
  return {
    filter: getComputedStyle(svg).filter,
    text: Math.min(...texts),
    lines: Math.min(...lines),
  };
}

describe('wall mode on the production build at 1920×1080', () => {
  const d = demoDeployment({ width: 1920, height: 1080 });

  it('fills the screen without scrolling, in type readable from 5 m, and cycles', async () => {
    const { site, b } = d;
    await b.page.goto(`${site.url}/?screen=wall&district=460106&year=2022&cycle=2`);
    await b.page.locator('.wall-card__number').first().waitFor();
    await b.page.locator('.wall-map svg.choropleth').waitFor();
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

    // SVG text too (map labels, the trend's ticks and labels), at its size on screen.
    const svgSizes = await b.page.evaluate(svgTextSizes);
    expect(svgSizes.length).toBeGreaterThan(10);
    expect(svgSizes.filter((s) => s.size < 28)).toEqual([]);
    expect(await b.page.evaluate(strayLabels)).toEqual([]);
    // A dark palette of its own, not a paper chart turned by a filter.
    const contrast = await b.page.evaluate(trendContrast);
    expect(contrast.filter).toBe('none');
    expect(contrast.text).toBeGreaterThanOrEqual(4.5);
    expect(contrast.lines).toBeGreaterThanOrEqual(3);
    expect(await b.page.evaluate(clippedNames)).toEqual([]);
    expect(await b.page.evaluate(attentionCut)).toEqual([]);

    const position = b.page.getByTestId('wall-position');
    await expect.poll(() => position.textContent()).toBe('1/11');
    await expect.poll(() => position.textContent(), { timeout: 5000 }).toBe('2/11');
    expect(b.errors).toEqual([]);
  });

  it('in English: every card name and change whole, all text large, on one screen', async () => {
    const { site, b } = d;
    await b.page.goto(`${site.url}/?screen=wall&district=460106&year=2022&cycle=600&lang=en`);
    await b.page.locator('.wall-card__number').first().waitFor();
    await b.page.locator('.wall-trend svg').waitFor();
    expect(await b.page.evaluate(clippedNames)).toEqual([]);
    // Ranking rows too: a name that does not fit whole is the short one (as on the map).
    const cutRows = await b.page.evaluate(() =>
      [...document.querySelectorAll<HTMLElement>('.wall-rank__name')]
        .filter((el) => el.scrollWidth > el.clientWidth)
        .map((el) => el.textContent),
    );
    expect(cutRows).toEqual([]);
    expect(await b.page.locator('.wall-warnings li').count()).toBeGreaterThan(0);
    expect(await b.page.evaluate(attentionCut)).toEqual([]);
    const outside = await b.page.evaluate(() =>
      [...document.querySelectorAll('.wall-panel, .wall-card, .wall-top, .wall svg')]
        .map((el) => ({ cls: el.getAttribute('class'), r: el.getBoundingClientRect() }))
        .filter(({ r }) => r.left < 0 || r.top < 0 || r.right > 1920 || r.bottom > 1080)
        .map(({ cls }) => cls),
    );
    expect(outside).toEqual([]);
    expect((await b.page.evaluate(textSizes)).filter((s) => s.size < 28)).toEqual([]);
    expect((await b.page.evaluate(svgTextSizes)).filter((s) => s.size < 28)).toEqual([]);
    expect(await b.page.evaluate(strayLabels)).toEqual([]);
    expect(b.errors).toEqual([]);
  });

  it('in English for the whole city: needs-attention items whole, the rest counted', async () => {
    const { site, b } = d;
    await b.page.goto(`${site.url}/?screen=wall&year=2022&cycle=600&lang=en`);
    await b.page.locator('.wall-warnings li').first().waitFor();
    expect(await b.page.evaluate(attentionCut)).toEqual([]);
    // Those shown and those counted make the number in the heading.
    const count = Number(await b.page.locator('.wall-count').textContent());
    const shown = await b.page.locator('.wall-warnings li').count();
    const more = (await b.page.locator('.wall-warnings .wall-more').allTextContents()).join('');
    expect(count).toBeGreaterThan(shown);
    expect(more).toBe(`${count - shown} more`);
    // Not one item and "3 more" (English under taller cards): two of the three Chinese shows.
    expect(shown).toBeGreaterThanOrEqual(2);
    expect((await b.page.evaluate(textSizes)).filter((s) => s.size < 28)).toEqual([]);
    await b.page.goto(`${site.url}/?screen=wall&year=2022&cycle=600`);
    await b.page.locator('.wall-warnings li').first().waitFor();
    expect(await b.page.locator('.wall-warnings li').count()).toBe(3);
    expect(await b.page.evaluate(attentionCut)).toEqual([]);
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
      // 72 px type at 1080p, twice that on screen; SVG text too.
      expect(number?.height).toBeGreaterThan(140);
      await b.page.locator('.wall-trend svg').waitFor();
      const svgSizes = await b.page.evaluate(svgTextSizes);
      expect(svgSizes.filter((s) => s.size < 56)).toEqual([]);
      const scroll = await b.page.evaluate(() => ({
        w: document.documentElement.scrollWidth,
        h: document.documentElement.scrollHeight,
      }));
      expect(scroll).toEqual({ w: 3840, h: 2160 });
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

describe('wall mode with a boundaries file (a made-up city of three square districts)', () => {
  let site: RunningServer | undefined;
  let b: BrowserSession | undefined;
  beforeAll(async () => {
    site = await serveDist({
      '/config.json': JSON.stringify({
        boundariesUrl: 'geo/made-up-city.geojson',
        boundariesIdProperty: 'code',
      }),
      '/geo/made-up-city.geojson': JSON.stringify(MADE_UP_CITY),
    });
    b = await openBrowser({ width: 1920, height: 1080 });
  });
  afterAll(async () => {
    await b?.close();
    await site?.close();
  });

  it('draws the shapes to fill the map panel, with no tile labels and nothing off screen', async () => {
    if (!site || !b) throw new Error('not started');
    await b.page.goto(`${site.url}/?screen=wall&year=2016&cycle=600`);
    await b.page.locator('.wall-map svg.choropleth path').first().waitFor();
    expect(await b.page.locator('.wall-map [data-schematic]').count()).toBe(0);
    expect(await b.page.locator('.wall-map__labels').count()).toBe(0);
    const fit = await b.page.evaluate(() => {
      const svg = document.querySelector('.wall-map svg.choropleth')?.getBoundingClientRect();
      const panel = document.querySelector('.wall-map')?.getBoundingClientRect();
      return svg && panel
        ? {
            inside:
              svg.left >= panel.left &&
              svg.right <= panel.right &&
              svg.top >= panel.top &&
              svg.bottom <= panel.bottom,
            // The drawing takes most of the panel's width or of what is left of its height.
            share: Math.max(svg.width / panel.width, svg.height / (panel.bottom - svg.top)),
          }
        : null;
    });
    expect(fit?.inside).toBe(true);
    expect(fit?.share).toBeGreaterThan(0.85);
    expect((await b.page.evaluate(svgTextSizes)).filter((s) => s.size < 28)).toEqual([]);
    const scroll = await b.page.evaluate(() => ({
      w: document.documentElement.scrollWidth,
      h: document.documentElement.scrollHeight,
    }));
    expect(scroll).toEqual({ w: 1920, h: 1080 });
    expect(b.errors).toEqual([]);
  });
});
