import ExcelJS from 'exceljs';
import { strFromU8, unzipSync } from 'fflate';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoDataset } from '../mocks/demo/dataset';
import { HOSTILE, otherCity } from './fixtures/other-city';
import { serveApi } from './support/api-server';
import type { ApiServer } from './support/api-server';
import { openBrowser } from './support/browser';
import type { BrowserSession } from './support/browser';
import { download, inkShare, PNG_SIGNATURE, pngSize } from './support/downloads';
import { serveDist } from './support/static-server';
import type { RunningServer } from './support/static-server';

const DEMO = '演示数据 / Demo data';
const csvRows = (bytes: Buffer) =>
  Papa.parse<string[]>(bytes.toString('utf8').replace(/^\uFEFF/, '')).data;
const digits = (s: string) => s.replace(/[^\d.<—-]/g, '');

describe('exports on demo data', () => {
  let site: RunningServer;
  let b: BrowserSession;
  beforeAll(async () => {
    site = await serveDist();
    b = await openBrowser();
    await b.page.goto(`${site.url}/?view=trends&indicator=new-users&district=460106&year=2019`);
  });
  afterAll(async () => {
    await b.close();
    await site.close();
  });
  const townships = () => b.page.getByRole('figure', { name: /龙华区各镇\/街道对比/ });
  const openMenu = async () => {
    const fig = townships();
    const toggle = fig.getByRole('button', { name: /^导出“/ });
    if ((await toggle.getAttribute('aria-expanded')) !== 'true') await toggle.click();
    return fig;
  };

  it('writes a PNG at the chosen scale and size, fully drawn, with a report file name', async () => {
    const fig = await openMenu();
    const png = await download(b.page, fig.getByRole('button', { name: 'PNG 图片' }));
    expect(png.bytes.subarray(0, 8).equals(PNG_SIGNATURE)).toBe(true);
    expect(pngSize(png.bytes)).toEqual({ width: 1920, height: 1080 });
    expect(await inkShare(b.page, png.bytes)).toBeGreaterThan(0.02);
    expect(png.name).toMatch(/^新发现吸毒人员.*龙华区.*2016-2022.*\.png$/);
    await fig.getByLabel('清晰度').selectOption('3');
    expect(
      pngSize((await download(b.page, fig.getByRole('button', { name: 'PNG 图片' }))).bytes),
    ).toEqual({ width: 2880, height: 1620 });
    await fig.getByLabel('图片尺寸').selectOption('column');
    await fig.getByLabel('清晰度').selectOption('1');
    expect(
      pngSize((await download(b.page, fig.getByRole('button', { name: 'PNG 图片' }))).bytes),
    ).toEqual({ width: 680, height: 520 });
    await fig.getByLabel('图片尺寸').selectOption('wide');
    await fig.getByLabel('清晰度').selectOption('2');
  });

  it('writes a self-contained SVG with the title and the demo marker inside', async () => {
    const fig = await openMenu();
    const svg = (
      await download(b.page, fig.getByRole('button', { name: 'SVG 矢量图' }))
    ).bytes.toString('utf8');
    const title = await fig.getByRole('heading').innerText();
    expect(svg).toContain(title);
    expect(svg).toContain(DEMO);
    expect(svg).not.toMatch(/href=|<image|<foreignObject|<script/i);
    const parsedOk = await b.page.evaluate(
      (text) =>
        !new DOMParser().parseFromString(text, 'image/svg+xml').querySelector('parsererror'),
      svg,
    );
    expect(parsedOk).toBe(true);
  });

  it('writes a CSV (BOM, demo column) whose values are exactly the table view, small counts as <5', async () => {
    const fig = await openMenu();
    const csv = await download(b.page, fig.getByRole('button', { name: /CSV/ }));
    expect(csv.bytes.subarray(0, 3).equals(Buffer.from([0xef, 0xbb, 0xbf]))).toBe(true);
    const [header, ...rows] = csvRows(csv.bytes);
    // The demo data (1.1) has cells with a status, so the file says which kind of missing.
    expect(header).toEqual([
      '指标',
      '单位',
      '地区',
      '年份',
      '数值',
      '数据状态',
      '初步数据',
      '备注',
      DEMO,
    ]);
    await fig.getByRole('button', { name: '显示表格' }).click();
    const table = await fig
      .getByRole('table')
      .evaluate((t: HTMLTableElement) =>
        [...t.rows].map((r) => [...r.cells].map((c) => c.innerText)),
      );
    const [head, ...body] = table;
    const years = (head ?? []).slice(1);
    expect(body.length).toBeGreaterThan(5);
    for (const [region, ...cells] of body) {
      cells.forEach((cellText, i) => {
        const row = rows.find((r) => r[2] === region && r[3] === years[i]);
        expect(row, `${region ?? ''} ${years[i] ?? ''}`).toBeDefined();
        // "—", "—（保密）" and the like: an empty value cell (the status column says why).
        const expected = digits(cellText).startsWith('—') ? '' : digits(cellText);
        expect(row?.[4]).toBe(expected);
      });
    }
    expect(rows.some((r) => r[4] === '<5')).toBe(true);
    await fig.getByRole('button', { name: '隐藏表格' }).click();
  });

  it('writes an XLSX with typed numbers equal to the data and a notes sheet with the demo marker', async () => {
    const fig = b.page.getByRole('figure', { name: /：各区对比/ });
    await fig.getByRole('button', { name: /^导出“/ }).click();
    const xlsx = await download(b.page, fig.getByRole('button', { name: 'Excel 表格（.xlsx）' }));
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.bytes as unknown as ArrayBuffer);
    const [data, notes] = wb.worksheets;
    expect(notes?.name).toMatch(/说明|Notes/);
    let checked = 0;
    data?.eachRow((row, n) => {
      if (n === 1) return;
      const region = row.getCell(3).text;
      const year = Number(row.getCell(4).value);
      const id = demoDataset.meta.regions.find((r) => r.name.zh === region)?.id;
      const expected = demoDataset.observations.find(
        (o) => o.indicator === 'new-users' && o.region === id && o.year === year,
      )?.value;
      const v = row.getCell(5).value;
      if (expected == null) expect(v === null || v === '').toBe(true);
      else {
        expect(typeof v).toBe('number');
        expect(v).toBe(expected);
        checked++;
      }
    });
    expect(checked).toBeGreaterThan(20);
    const notesText: string[] = [];
    notes?.eachRow((row) => row.eachCell((c) => notesText.push(c.text)));
    expect(notesText.join('\n')).toContain('演示数据');
  });

  it('exports a Word report of all views with every caption, and a ZIP of this view', async () => {
    const { page } = b;
    const summaries = await page.locator('.chart-frame__summary').allInnerTexts();
    const titles = await page.locator('.chart-frame__title').allInnerTexts();
    await page.getByRole('button', { name: '导出报告' }).click();
    await page.getByLabel('全部视图').check();
    const docx = await download(page, page.getByRole('button', { name: '开始导出' }));
    // Named by where and when: the chosen district and year, then what the file is.
    expect(docx.name).toBe('龙华区_2019年度_禁毒工作数据报告.docx');
    const xml = strFromU8(
      unzipSync(new Uint8Array(docx.bytes))['word/document.xml'] ?? new Uint8Array(),
    );
    expect(xml).toContain('海口市 › 龙华区 · 2019年度');
    for (const title of titles) expect(xml).toContain(title);
    for (const s of summaries) expect(xml).toContain(s);
    expect(xml).toMatch(/图1\b|图1 /);
    expect(xml).toContain('演示数据');
    const images = Object.keys(unzipSync(new Uint8Array(docx.bytes))).filter((k) =>
      k.startsWith('word/media/'),
    );
    expect(images.length).toBeGreaterThanOrEqual(titles.length + 6);
    // A document an office can file: the completion table first, then the figures; page
    // numbers in the footers, GB/T 9704 margins, fonts with their fallbacks named.
    const parts = unzipSync(new Uint8Array(docx.bytes));
    const body = xml.slice(xml.indexOf('目  录'));
    expect(body.indexOf('指标完成情况表')).toBeGreaterThan(0);
    expect(body.indexOf('指标完成情况表')).toBeLessThan(body.indexOf('图1'));
    expect(body.slice(0, body.indexOf('图1'))).toContain('新发现吸毒人员');
    expect(body.slice(0, body.indexOf('图1'))).toContain('▼ 93.4% 向好');
    expect(xml).toContain('<w:pgMar w:top="2098" w:right="1474" w:bottom="1985" w:left="1588"');
    const footers = Object.keys(parts).filter((k) => /^word\/footer\d+\.xml$/.test(k));
    expect(footers.some((k) => strFromU8(parts[k] ?? new Uint8Array()).includes('PAGE'))).toBe(
      true,
    );
    const fonts = strFromU8(parts['word/fontTable.xml'] ?? new Uint8Array());
    expect(fonts).toContain('<w:font w:name="方正小标宋简体"><w:altName w:val="黑体"/>');
    expect(fonts).toContain('<w:font w:name="仿宋"><w:altName w:val="宋体"/>');

    await page.getByLabel('当前视图（趋势）').check();
    await page.getByLabel(/压缩包/).check();
    const zip = await download(page, page.getByRole('button', { name: '开始导出' }));
    const files = Object.keys(unzipSync(new Uint8Array(zip.bytes)));
    expect(files.filter((f) => /^\d\d_.*\.png$/.test(f))).toHaveLength(titles.length);
    expect(files).toContain('数据.xlsx');
    expect(files).toContain('摘要.txt');
    const text = strFromU8(unzipSync(new Uint8Array(zip.bytes))['摘要.txt'] ?? new Uint8Array());
    expect(text).toContain('演示数据');
    for (const s of summaries) expect(text).toContain(s);
    expect(b.errors).toEqual([]);
  });
});

describe('exports from a real API', () => {
  let api: ApiServer;
  let site: RunningServer;
  let b: BrowserSession;
  beforeAll(async () => {
    api = await serveApi(otherCity);
    site = await serveDist({ '/config.json': JSON.stringify({ apiBaseUrl: api.url }) });
    b = await openBrowser();
    await b.page.goto(`${site.url}/?view=trends&indicator=rehab-rate&district=sy-jiyang`);
  });
  afterAll(async () => {
    await b.close();
    await site.close();
    await api.close();
  });

  it('carries no demo marker and neutralises a formula in a label', async () => {
    const fig = b.page.getByRole('figure', { name: /吉阳区各镇\/街道对比/ });
    await fig.locator('.chart-legend li', { hasText: HOSTILE }).waitFor();
    await fig.getByRole('button', { name: /^导出“/ }).click();
    const rows = csvRows((await download(b.page, fig.getByRole('button', { name: /CSV/ }))).bytes);
    expect(rows[0]).toEqual(['指标', '单位', '地区', '年份', '数值', '初步数据', '备注']);
    expect(rows.some((r) => r[2] === `'${HOSTILE}`)).toBe(true);
    expect(rows.some((r) => r[2] === HOSTILE)).toBe(false);
    const svg = (
      await download(b.page, fig.getByRole('button', { name: 'SVG 矢量图' }))
    ).bytes.toString('utf8');
    expect(svg).not.toContain('演示数据');
    await b.page.getByRole('button', { name: '导出报告' }).click();
    const docx = await download(b.page, b.page.getByRole('button', { name: '开始导出' }));
    const xml = strFromU8(
      unzipSync(new Uint8Array(docx.bytes))['word/document.xml'] ?? new Uint8Array(),
    );
    expect(xml).toContain('三亚市');
    expect(xml).not.toContain('演示数据');
    expect(b.errors).toEqual([]);
  });
});
