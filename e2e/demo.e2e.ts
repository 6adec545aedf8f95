import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoDataset } from '../mocks/demo/dataset';
import { openBrowser } from './support/browser';
import type { BrowserSession } from './support/browser';
import { serveDist } from './support/static-server';
import type { RunningServer } from './support/static-server';

const value = (indicator: string, region: string, year: number) =>
  demoDataset.observations.find(
    (o) => o.indicator === indicator && o.region === region && o.year === year,
  )?.value;

describe('the production build on its demo data', () => {
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

  it('opens in Chinese with the demo marker and the headline cards of the latest year', async () => {
    const { page } = b;
    await page.goto(`${site.url}/`);
    await page.getByRole('heading', { level: 1 }).waitFor();
    await expect(page.getByText('演示数据 / Demo data').isVisible()).resolves.toBe(true);
    await page.getByRole('article', { name: '新发现吸毒人员' }).waitFor();
    expect(await page.getByRole('article').count()).toBeGreaterThanOrEqual(6);
    await expect(page.getByLabel('年份', { exact: true }).inputValue()).resolves.toBe('2022');
    expect(b.errors).toEqual([]);
  });

  it('changes year and district, and reports the published Longhua figure', async () => {
    const { page } = b;
    await page.getByLabel('年份', { exact: true }).selectOption('2019');
    await page.getByLabel('区', { exact: true }).selectOption('460106');
    const card = page.getByRole('article', { name: '新发现吸毒人员' });
    await card.getByText('▼ 93.4%').waitFor();
    expect(await card.innerText()).toContain(String(value('new-users', '460106', 2019)));
    expect(page.url()).toContain('year=2019');
    expect(page.url()).toContain('district=460106');
    // Back restores the previous selection from the URL.
    await page.goBack();
    await page.waitForFunction(() => !location.search.includes('district='));
    await expect(page.getByLabel('区', { exact: true }).inputValue()).resolves.toBe('');
    await page.goForward();
    await card.getByText('▼ 93.4%').waitFor();
  });

  it('shows township values in the table view of the trends chart', async () => {
    const { page } = b;
    await page.goto(`${site.url}/?view=trends&indicator=new-users&district=460106&town=460106007`);
    const figure = page.getByRole('figure', { name: /新发现吸毒人员：龙华区各镇\/街道对比/ });
    await figure.getByRole('button', { name: '显示表格' }).click();
    const row = figure.getByRole('row', { name: /城西镇/ });
    const cells = await row.getByRole('cell').allInnerTexts();
    const years = demoDataset.meta.years;
    const expected = years.map((y) => value('new-users', '460106007', y));
    // The demo config sets suppressBelow: 5, so small township counts read "<5".
    const shown = (v: number | null | undefined) =>
      v == null ? '—' : v > 0 && v < 5 ? '<5' : String(v);
    expect(cells.map((c) => c.replace(/[*人,\s]/g, ''))).toEqual(expected.map(shown));
    expect(cells).toContain('<5');
  });

  it('switches to English from the header and keeps the selection', async () => {
    const { page } = b;
    await page.goto(`${site.url}/?year=2019&district=460106`);
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByLabel('Year', { exact: true }).waitFor();
    expect(page.url()).toContain('lang=en');
    await page
      .getByRole('article', { name: 'Newly identified drug users' })
      .getByText('▼ 93.4%')
      .waitFor();
    await expect(page.getByText('演示数据 / Demo data').isVisible()).resolves.toBe(true);
    expect(b.errors).toEqual([]);
  });
});

describe('on a phone', () => {
  it('folds the filters into a sheet and does not scroll sideways', async () => {
    const site = await serveDist();
    const b = await openBrowser({ width: 390, height: 844 });
    try {
      await b.page.goto(`${site.url}/`);
      await b.page.getByRole('article', { name: '新发现吸毒人员' }).waitFor();
      const toggle = b.page.getByRole('button', { name: /筛选条件/ });
      await expect(b.page.getByLabel('年份', { exact: true }).isVisible()).resolves.toBe(false);
      await toggle.click();
      await expect(b.page.getByLabel('年份', { exact: true }).isVisible()).resolves.toBe(true);
      const overflow = await b.page.evaluate(
        () => document.documentElement.scrollWidth - window.innerWidth,
      );
      expect(overflow).toBeLessThanOrEqual(0);
    } finally {
      await b.close();
      await site.close();
    }
  });

  it('opens menus and dialogs inside a phone screen, one at a time, and Esc closes them', async () => {
    const site = await serveDist();
    const b = await openBrowser({ width: 390, height: 844 });
    try {
      await b.page.goto(`${site.url}/?district=460106`);
      await b.page.getByRole('article', { name: '新发现吸毒人员' }).waitFor();
      await b.page.getByRole('button', { name: '导出报告' }).click();
      const dialog = b.page.getByRole('dialog', { name: '导出报告' });
      const box = await dialog.boundingBox();
      if (!box) throw new Error('the report dialog is not shown');
      expect(box.x).toBeGreaterThanOrEqual(0);
      expect(box.y).toBeGreaterThanOrEqual(0);
      expect(box.x + box.width).toBeLessThanOrEqual(390);
      expect(box.y + box.height).toBeLessThanOrEqual(844);
      // Opening another menu closes the dialog; Esc closes the menu.
      const tableExport = b.page.getByRole('button', { name: /^导出“指标完成情况表”/ });
      await tableExport.click();
      await expect(dialog.count()).resolves.toBe(0);
      const menu = b.page.getByRole('group', { name: /^导出“指标完成情况表”/ });
      const menuBox = await menu.boundingBox();
      if (!menuBox) throw new Error('the export menu is not shown');
      expect(menuBox.x).toBeGreaterThanOrEqual(0);
      expect(menuBox.x + menuBox.width).toBeLessThanOrEqual(390);
      expect(menuBox.y + menuBox.height).toBeLessThanOrEqual(844);
      await b.page.keyboard.press('Escape');
      await expect(menu.count()).resolves.toBe(0);
      expect(b.errors).toEqual([]);
    } finally {
      await b.close();
      await site.close();
    }
  });
});
