import type { Locator } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoDataset } from '../mocks/demo/dataset';
import { classify, classOf } from '../src/features/map/classify';
import { MADE_UP_CITY } from './fixtures/made-up-city';
import { openBrowser } from './support/browser';
import type { BrowserSession } from './support/browser';
import { demoDeployment } from './support/deployment';
import { download, inkShare, PNG_SIGNATURE, pngSize } from './support/downloads';
import { serveDist } from './support/static-server';
import type { RunningServer } from './support/static-server';

const DISTRICTS = '新发现吸毒人员：各区分布';
const DISTRICT_IDS = ['460105', '460106', '460107', '460108'];

/** The demo's value of new users for a region and year. */
const value = (region: string, year: number) =>
  demoDataset.observations.find(
    (o) => o.indicator === 'new-users' && o.region === region && o.year === year,
  )?.value ?? null;

/** The build on demo data with a config.json that names a boundaries file. */
function withBoundaries(files: Record<string, string | null>) {
  const env: { site?: RunningServer; b?: BrowserSession } = {};
  beforeAll(async () => {
    env.site = await serveDist(files);
    env.b = await openBrowser();
  });
  afterAll(async () => {
    await env.b?.close();
    await env.site?.close();
  });
  return () => {
    if (!env.site || !env.b) throw new Error('not started');
    return { site: env.site, b: env.b };
  };
}

describe('the map with a boundaries file (a made-up city of three square districts)', () => {
  const env = withBoundaries({
    '/config.json': JSON.stringify({
      boundariesUrl: 'geo/made-up-city.geojson',
      boundariesIdProperty: 'code',
    }),
    '/geo/made-up-city.geojson': JSON.stringify(MADE_UP_CITY),
  });

  it('shades each district by the class of its value, and lists what the file lacks', async () => {
    const { site, b } = env();
    await b.page.goto(`${site.url}/?view=map&indicator=new-users&year=2016`);
    const figure = b.page.getByRole('figure', { name: DISTRICTS });
    await figure.locator('svg g.choropleth__region path').first().waitFor();
    const drawn = await figure.locator('svg g.choropleth__region').evaluateAll((gs) =>
      gs.map((g) => {
        const path = g.querySelector('path');
        return {
          id: g.getAttribute('data-region') ?? '',
          fill: path?.getAttribute('fill') ?? '',
          painted: path ? getComputedStyle(path).fill : '',
        };
      }),
    );
    // Classes are made from all four districts' values; the fourth has no shape to draw.
    const values = DISTRICT_IDS.map((id) => value(id, 2016) ?? NaN);
    const classing = classify(values, 'lower');
    expect(drawn.map((d) => d.id).sort()).toEqual(['460105', '460106', '460107']);
    for (const d of drawn) {
      const v = value(d.id, 2016);
      expect(v).not.toBeNull();
      const expected = classing.classes[classOf(classing, v ?? 0)]?.colour ?? '';
      expect(d.fill).toBe(expected);
      const hex = expected.match(/[0-9a-f]{2}/gi)?.map((h) => parseInt(h, 16));
      expect(d.painted).toBe(`rgb(${hex?.join(', ')})`);
    }
    expect(await figure.getByText('示意图', { exact: true }).count()).toBe(0);
    await figure.getByText(/边界图形与地区目录不一致/).click();
    await expect.poll(() => figure.innerText()).toContain('美兰区');
    expect(await figure.innerText()).toContain('469999');
    expect(b.errors).toEqual([]);
  });

  it('drills down from a district: the filter is set and the townships are shown', async () => {
    const { site, b } = env();
    await b.page.goto(`${site.url}/?view=map&indicator=new-users&year=2016`);
    const figure = b.page.getByRole('figure', { name: DISTRICTS });
    await figure.getByRole('button', { name: /^龙华区：/ }).click();
    await b.page.getByRole('figure', { name: '新发现吸毒人员：龙华区各镇/街道分布' }).waitFor();
    expect(new URL(b.page.url()).searchParams.get('district')).toBe('460106');
    // The file has no townships: the level falls back to the schematic tiles.
    expect(await b.page.getByText('示意图', { exact: true }).count()).toBe(1);
    await expect.poll(() => b.page.getByLabel('区', { exact: true }).inputValue()).toBe('460106');
  });
});

describe('the map with a broken boundaries file', () => {
  const env = withBoundaries({
    '/config.json': JSON.stringify({ boundariesUrl: 'geo/missing.geojson' }),
    '/geo/missing.geojson': null,
  });

  it('says so inside the map panel only and shows the schematic map', async () => {
    const { site, b } = env();
    await b.page.goto(`${site.url}/?view=map&indicator=new-users&year=2016`);
    const figure = b.page.getByRole('figure', { name: DISTRICTS });
    const alert = figure.getByRole('alert');
    await alert.waitFor();
    expect(await alert.innerText()).toContain('边界文件无法使用：HTTP 404');
    expect(await b.page.getByRole('alert').count()).toBe(1);
    expect(await figure.getByText('示意图', { exact: true }).isVisible()).toBe(true);
    expect(await figure.locator('svg g.choropleth__region rect').count()).toBe(4);
    await b.page.getByRole('link', { name: '概览' }).click();
    await b.page.getByRole('article').first().waitFor();
  });
});

describe('the schematic tile map on demo data', () => {
  const env = demoDeployment();

  it('says 示意图 on screen and inside the exported SVG and PNG', async () => {
    const { page } = env.b;
    await page.goto(`${env.site.url}/?view=map&indicator=new-users&district=460106&year=2019`);
    const figure = page.getByRole('figure', { name: '新发现吸毒人员：龙华区各镇/街道分布' });
    await figure.locator('svg g.choropleth__region rect').first().waitFor();
    expect(await figure.getByText('示意图', { exact: true }).isVisible()).toBe(true);
    await figure.getByRole('button', { name: /^导出“/ }).click();
    const svg = (
      await download(page, figure.getByRole('button', { name: 'SVG 矢量图' }))
    ).bytes.toString('utf8');
    expect(svg).toContain('新发现吸毒人员：龙华区各镇/街道分布');
    expect(svg).toContain('示意图 / Schematic');
    expect(svg).toContain('演示数据 / Demo data');
    expect(svg).toContain('颜色越深越需关注');
    expect(svg).not.toMatch(/href=(?!"#)|<image|<foreignObject|<script/i);
    const png = await download(page, figure.getByRole('button', { name: 'PNG 图片' }));
    expect(png.bytes.subarray(0, 8).equals(PNG_SIGNATURE)).toBe(true);
    expect(pngSize(png.bytes)).toEqual({ width: 1920, height: 1080 });
    expect(await inkShare(page, png.bytes)).toBeGreaterThan(0.05);
    expect(png.name).toMatch(/^新发现吸毒人员.*\.png$/);
  });
});

interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}
const inside = (a: Rect, b: Rect) =>
  a.x >= b.x - 0.5 &&
  a.y >= b.y - 0.5 &&
  a.x + a.width <= b.x + b.width + 0.5 &&
  a.y + a.height <= b.y + b.height + 0.5;
const overlap = (a: Rect, b: Rect) =>
  a.x < b.x + b.width && a.x + a.width > b.x && a.y < b.y + b.height && a.y + a.height > b.y;

/** The tooltip, the region it describes and the map's panel, as the page lays them out. */
async function tipLayout(figure: Locator, id: string) {
  const tip = figure.locator('.map-tip');
  await expect.poll(() => tip.innerText()).not.toBe('');
  const box = async (l: Locator) => {
    const r = await l.boundingBox();
    if (!r) throw new Error('not laid out');
    return r;
  };
  return {
    text: await tip.innerText(),
    tip: await box(tip),
    region: await box(figure.locator(`g.choropleth__region[data-region="${id}"]`)),
    panel: await box(figure.locator('.map-figure__canvas')),
  };
}

/** Region ids by where they are drawn: the leftmost and the rightmost. */
async function edges(figure: Locator) {
  const drawn = await figure
    .locator('svg g.choropleth__region')
    .evaluateAll((gs) =>
      gs.map((g) => ({ id: g.getAttribute('data-region') ?? '', x: g.getBoundingClientRect().x })),
    );
  drawn.sort((a, b) => a.x - b.x);
  return { left: drawn[0]?.id ?? '', right: drawn.at(-1)?.id ?? '' };
}

describe('the floating tooltip (1440 px, mouse and keyboard)', () => {
  const env = demoDeployment();

  it('floats beside the region inside the map, and Esc hides it', async () => {
    const { page } = env.b;
    await page.goto(`${env.site.url}/?view=map&indicator=new-users&district=460106&year=2017`);
    const figure = page.getByRole('figure', { name: '新发现吸毒人员：龙华区各镇/街道分布' });
    await figure.locator('svg g.choropleth__region rect').first().waitFor();
    const { left, right } = await edges(figure);

    await figure.locator(`g.choropleth__region[data-region="${left}"]`).hover();
    const a = await tipLayout(figure, left);
    expect(a.text).toMatch(/\d+人/);
    expect(a.text).toMatch(/较2016年（基线年） [▲▼] [\d.]+% (向好|变差)/);
    expect(a.text).toMatch(/第\d+名（共\d+个）/);
    expect(inside(a.tip, a.panel)).toBe(true);
    expect(overlap(a.tip, a.region)).toBe(false);
    expect(a.tip.x).toBeGreaterThanOrEqual(a.region.x + a.region.width);
    // Next to it, not in a box under the map.
    expect(a.tip.y).toBeLessThan(a.region.y + a.region.height);

    await figure.locator(`g.choropleth__region[data-region="${right}"]`).hover();
    await expect.poll(() => figure.locator('.map-tip').innerText()).not.toBe(a.text);
    const b = await tipLayout(figure, right);
    expect(inside(b.tip, b.panel)).toBe(true);
    expect(overlap(b.tip, b.region)).toBe(false);

    await page.keyboard.press('Escape');
    await expect.poll(() => figure.locator('.map-tip').innerText()).toBe('');
    expect(await figure.locator('.map-tip').isVisible()).toBe(false);

    // Keyboard focus shows it too; the region keeps its spoken label.
    const town = figure.locator(`g.choropleth__region[data-region="${left}"]`);
    await town.focus();
    const c = await tipLayout(figure, left);
    expect(c.text.replace(/\s+/g, '')).toContain(
      ((await town.getAttribute('aria-label')) ?? '').split('：')[0],
    );
    expect(overlap(c.tip, c.region)).toBe(false);
    expect(env.b.errors).toEqual([]);
  });
});

describe('the floating tooltip on a touch phone (390 px)', () => {
  let site: RunningServer;
  let phone: BrowserSession;
  beforeAll(async () => {
    site = await serveDist();
    phone = await openBrowser({ width: 390, height: 844 }, { touch: true });
  });
  afterAll(async () => {
    await phone.close();
    await site.close();
  });

  it('a first tap shows the figures beside the region, a second goes down a level', async () => {
    const { page } = phone;
    await page.goto(`${site.url}/?view=map&indicator=new-users&year=2019`);
    const figure = page.getByRole('figure', { name: DISTRICTS });
    await figure.locator('svg g.choropleth__region rect').first().waitFor();
    const { right } = await edges(figure);
    const region = figure.locator(`g.choropleth__region[data-region="${right}"]`);
    await region.tap();
    // Shown, not drilled into: the tap's own focus does not count as a first tap.
    expect(new URL(page.url()).searchParams.get('district')).toBeNull();
    const a = await tipLayout(figure, right);
    expect(a.text).toMatch(/第\d+名（共4个）/);
    expect(inside(a.tip, a.panel)).toBe(true);
    expect(overlap(a.tip, a.region)).toBe(false);
    // No room right of the rightmost district on a phone: the tip flips.
    expect(await figure.locator('.map-tip').getAttribute('data-side')).not.toBe('right');
    // A tap off the map hides it.
    await page.getByRole('heading', { name: /地图 ·/ }).tap();
    await expect.poll(() => figure.locator('.map-tip').innerText()).toBe('');
    await region.tap();
    await region.tap();
    await expect.poll(() => new URL(page.url()).searchParams.get('district')).toBe(right);
  });
});
