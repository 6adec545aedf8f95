/**
 * 数据管理 / Data (issue 14) in Chromium: the production build on the real data service (its
 * admin API with the isolated parser, as deployed), on SQLite and on PostgreSQL. One service per
 * engine and one browser; the tests run in order and build on each other's state (sign in →
 * import → bad file → roll back → forged request → expired session → lockout).
 */
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { OBSERVATIONS_SHEET, columnLetter, sheetLabel } from '../contract/workbook/layout';
import { templateBytes } from '../contract/workbook/write-template';
import type { WireDataset } from '../contract/wire-types';
import { demoDataset } from '../mocks/demo/dataset';
import { columnWith, loadWorkbook, rowWith, sheetOf, toBytes } from '../server/import/test-support';
import { readWorkbook } from '../server/import/read-workbook';
import { engines } from '../server/test/databases';
import { openBrowser } from './support/browser';
import type { BrowserSession } from './support/browser';
import { serveDataService } from './support/data-service';
import type { DataService } from './support/data-service';
import { download } from './support/downloads';
import { closer, listen } from './support/static-server';

const CLERK = { name: 'clerk', password: 'clerk-password-1' };
const VICTIM = { name: 'victim', password: 'victim-password-1' };

// The figure changed by the good workbook: Longhua's newly identified drug users in 2019.
const INDICATOR = 'new-users';
const DISTRICT = '460106';
const YEAR = 2019;
const OLD = demoDataset.observations.find(
  (o) => o.indicator === INDICATOR && o.region === DISTRICT && o.year === YEAR,
)?.value;
const NEW = 777;

function withValue(value: number): WireDataset {
  return {
    ...demoDataset,
    observations: demoDataset.observations.map((o) =>
      o.indicator === INDICATOR && o.region === DISTRICT && o.year === YEAR ? { ...o, value } : o,
    ),
  };
}

const SHOTS = '/tmp/admin-shots';

describe.each(engines)('数据管理 on the data service (%s)', (engine) => {
  let service: DataService;
  let b: BrowserSession;
  let files: string;
  let goodFile: string;
  let badFile: string;
  let badCell: { row: number; column: string };
  const shoot = engine === 'sqlite';
  /** Page errors, less the browser's own log line for an answer the page expects (401, 403, 423). */
  const errors = () =>
    b.errors.filter(
      (e) =>
        !/Failed to load resource: the server responded with a status of (401|403|423)\b/.test(e),
    );

  const editionCount = async () =>
    (await service.database.db.selectFrom('editions').select('id').execute()).length;
  const auditActions = async () =>
    (await service.database.db.selectFrom('audit_log').select('action').execute()).map(
      (r) => r.action,
    );
  /** The same screen at 1440 and 390 px (the page keeps its state), then back to 1440. */
  const screenshot = async (page: Page, name: string) => {
    if (!shoot) return;
    await page.screenshot({ path: join(SHOTS, `${name}-1440.png`), fullPage: true });
    await page.setViewportSize({ width: 390, height: 844 });
    await page.screenshot({ path: join(SHOTS, `${name}-390.png`), fullPage: true });
    // Phone-usable: nothing wider than the screen (wide tables scroll inside their own box).
    const wide = await page.evaluate(() => document.documentElement.scrollWidth);
    // Name the widest element, so that a failure says where to look.
    const culprit = await page.evaluate(() => {
      let worst = '';
      let right = 0;
      for (const el of document.querySelectorAll('main *')) {
        const r = el.getBoundingClientRect().right;
        if (r > right) [right, worst] = [r, `${el.tagName}.${el.className} ${Math.round(r)}`];
      }
      return worst;
    });
    expect(wide, `${name} at 390 px: ${culprit}`).toBeLessThanOrEqual(390);
    await page.setViewportSize({ width: 1440, height: 900 });
  };
  /** zh and en screenshots of the page as it is; the language button keeps the page's state. */
  const screenshots = async (page: Page, name: string) => {
    if (!shoot) return;
    await screenshot(page, `${name}-zh`);
    await page.getByRole('button', { name: 'English', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Data' }).waitFor();
    await screenshot(page, `${name}-en`);
    await page.getByRole('button', { name: '中文', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: '数据管理' }).waitFor();
  };
  const chooseFile = async (page: Page, path: string) => {
    await page.getByLabel('数据文件（.xlsx 或 .csv）').setInputFiles(path);
    await page.getByRole('button', { name: '检查并预览' }).click();
  };

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    files = mkdtempSync(join(tmpdir(), 'admin-e2e-'));
    goodFile = join(files, '龙华2019更正.xlsx');
    writeFileSync(goodFile, await templateBytes(withValue(NEW)));
    // A number cell holding text: the importer refuses the whole file.
    const wb = await loadWorkbook(await templateBytes(demoDataset));
    const ws = sheetOf(wb, OBSERVATIONS_SHEET);
    const row = rowWith(ws, INDICATOR, DISTRICT);
    const col = columnWith(ws, YEAR);
    ws.getCell(row, col).value = '约100';
    badCell = { row, column: columnLetter(col) };
    badFile = join(files, 'bad.xlsx');
    writeFileSync(badFile, await toBytes(wb));
    service = await serveDataService(demoDataset, { engine, accounts: [CLERK, VICTIM] });
    b = await openBrowser();
  });
  afterAll(async () => {
    await b.close();
    await service.close();
    rmSync(files, { recursive: true, force: true });
  });

  it('links 数据管理 from the dashboard it serves, to the sign-in', async () => {
    const { page } = b;
    await page.goto(`${service.url}/`);
    await page.getByRole('link', { name: '数据管理' }).click();
    await page.getByRole('heading', { level: 2, name: '登录' }).waitFor();
    expect(new URL(page.url()).searchParams.get('page')).toBe('data');
    await screenshots(page, 'signed-out');
    expect(errors()).toEqual([]);
  });

  it('signs in and shows who is signed in', async () => {
    const { page } = b;
    await page.getByLabel('用户名').fill(CLERK.name);
    await page.getByLabel('密码').fill(CLERK.password);
    await page.getByRole('button', { name: '登录' }).click();
    await page.getByText(`已登录：${CLERK.name}`).waitFor();
    await page.getByRole('heading', { level: 2, name: '上传数据文件' }).waitFor();
    const signIn = await service.database.db
      .selectFrom('audit_log')
      .select(['user_name', 'ip'])
      .where('action', '=', 'sign-in')
      .executeTakeFirstOrThrow();
    expect(signIn).toEqual({ user_name: CLERK.name, ip: '127.0.0.1' });
    expect(errors()).toEqual([]);
  });

  it('previews a good workbook as old → new, confirms, and the dashboard shows the new figure', async () => {
    const { page } = b;
    expect(OLD).toBeDefined();
    await chooseFile(page, goodFile);
    await page.getByRole('heading', { name: '预览：龙华2019更正.xlsx' }).waitFor();
    const cells = page.getByRole('table', { name: /新发现吸毒人员 · 龙华区 的变化/ });
    const row = cells.getByRole('row', { name: new RegExp(`^${YEAR}`) });
    await row.waitFor();
    const texts = await row.getByRole('cell').allInnerTexts();
    expect(texts[0]).toBe('修改');
    expect(texts[1]).toContain(String(OLD));
    expect(texts[2]).toContain(String(NEW));
    expect(await editionCount()).toBe(1); // nothing written before the confirm
    await screenshots(page, 'diff');

    await page.getByRole('button', { name: '确认导入' }).click();
    await page.getByText('已导入，新版本为 #2。').waitFor();
    expect(await editionCount()).toBe(2);

    await page.getByRole('link', { name: '查看数据看板' }).click();
    await page.getByRole('heading', { level: 1 }).waitFor();
    await page.goto(`${service.url}/?year=${YEAR}&district=${DISTRICT}`);
    const card = page.getByRole('article', { name: '新发现吸毒人员' });
    await card.getByText(String(NEW), { exact: true }).waitFor();
    expect(errors()).toEqual([]);
  });

  it('lists a bad workbook’s problems (sheet, row, column, reason) and writes nothing', async () => {
    const { page } = b;
    await page.goto(`${service.url}/?page=data`);
    await page.getByText(`已登录：${CLERK.name}`).waitFor();
    const before = await editionCount();
    await chooseFile(page, badFile);
    await page.getByRole('heading', { name: /文件有 \d+ 个问题，未写入任何数据/ }).waitFor();
    const table = page.getByRole('table', { name: 'bad.xlsx 的问题' });
    const rows = table.getByRole('row');
    const found = await rows.evaluateAll((trs) =>
      trs.slice(1).map((tr) => [...tr.children].map((td) => (td as HTMLElement).innerText)),
    );
    expect(found).toContainEqual([
      sheetLabel(OBSERVATIONS_SHEET),
      String(badCell.row),
      badCell.column,
      expect.stringContaining('约100'),
    ]);
    await expect(page.getByRole('button', { name: '确认导入' }).count()).resolves.toBe(0);
    expect(await editionCount()).toBe(before);
    await screenshots(page, 'problems');
    expect(errors()).toEqual([]);
  });

  it('rolls back to the first edition: the dashboard shows the old figure, the list marks it', async () => {
    const { page } = b;
    const editions = page.getByRole('table', { name: '数据版本（最新在前）' });
    await editions.getByRole('row', { name: /#2/ }).waitFor();
    await page.getByRole('button', { name: '回退到版本 #1' }).click();
    const dialog = page.getByRole('alertdialog', { name: '回退到版本 #1？' });
    await dialog.waitFor();
    await screenshot(page, 'rollback-dialog-zh');
    await dialog.getByRole('button', { name: '确认回退' }).click();
    await page.getByText('已回退：新版本 #3 的数据等于版本 #1。').waitFor();
    await editions.getByRole('row', { name: /#3/ }).getByText('回退自 #1').waitFor();
    expect(await editionCount()).toBe(3);
    await screenshots(page, 'editions');

    await page.goto(`${service.url}/?year=${YEAR}&district=${DISTRICT}`);
    const card = page.getByRole('article', { name: '新发现吸毒人员' });
    await card.getByText(String(OLD), { exact: true }).waitFor();
    await expect(card.getByText(String(NEW), { exact: true }).count()).resolves.toBe(0);
    expect(errors()).toEqual([]);
  });

  it('compares two editions and downloads an edition as a workbook the importer reads', async () => {
    const { page } = b;
    await page.goto(`${service.url}/?page=data`);
    await page.getByRole('checkbox', { name: '选择版本 #2 进行比较' }).check();
    await page.getByRole('checkbox', { name: '选择版本 #3 进行比较' }).check();
    await page.getByRole('button', { name: '比较所选版本' }).click();
    const compare = page.getByRole('region', { name: '版本 #2 → #3' });
    const row = compare
      .getByRole('table', { name: /新发现吸毒人员 · 龙华区 的变化/ })
      .getByRole('row', { name: new RegExp(`^${YEAR}`) });
    await row.waitFor();
    const texts = await row.getByRole('cell').allInnerTexts();
    expect(texts.slice(1)).toEqual([String(NEW), `→ ${OLD}`]);

    const file = await download(
      page,
      page.getByRole('link', { name: '下载版本 #2 的数据（Excel）' }),
    );
    const read = await readWorkbook(file.bytes);
    expect(read.problems).toEqual([]);
    const value = read.data?.dataset.observations.find(
      (o) => o.indicator === INDICATOR && o.region === DISTRICT && o.year === YEAR,
    )?.value;
    expect(value).toBe(NEW);
    expect(errors()).toEqual([]);
  });

  it('refuses a forged cross-site POST even though the browser sends the cookie', async () => {
    const { page } = b;
    const target = `${service.url}/admin/api/editions/2/rollback`;
    const forger = createServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(`<!doctype html><title>prize</title>
        <iframe name="sink" title="sink"></iframe>
        <form id="f" method="post" action="${target}" enctype="text/plain" target="sink">
          <input name='{"x":"' value='"}'>
        </form>
        <script>document.getElementById('f').submit()</script>`);
    });
    const forgerUrl = await listen(forger);
    try {
      const before = await editionCount();
      const answer = page.waitForResponse((r) => r.url() === target);
      await page.goto(forgerUrl);
      const res = await answer;
      expect(res.status()).toBe(403);
      expect(await res.json()).toMatchObject({ error: { code: 'csrf' } });
      // The cookie did travel (same site, other port): the refusal is the CSRF check's.
      expect(await res.request().headerValue('cookie')).toMatch(/jindu_session=/);
      expect(await editionCount()).toBe(before);
      expect(await auditActions()).toContain('csrf-refused');
      expect(errors()).toEqual([]);
    } finally {
      // Leave the forger's page (and its favicon request) before its server goes away.
      await page.goto('about:blank');
      await closer(forger)();
    }
  });

  it('sends an expired session back to the sign-in, keeping the chosen file', async () => {
    const { page } = b;
    await page.goto(`${service.url}/?page=data`);
    await page.getByText(`已登录：${CLERK.name}`).waitFor();
    const past = new Date(Date.now() - 60_000).toISOString();
    await service.database.db
      .updateTable('sessions')
      .set({ last_seen_at: past, expires_at: past })
      .execute();
    await chooseFile(page, goodFile);
    await page.getByText('登录已过期，请重新登录。').waitFor();
    await page.getByRole('heading', { level: 2, name: '登录' }).waitFor();
    await page.getByText(/已选文件 龙华2019更正\.xlsx 尚未上传/).waitFor();
    expect(await auditActions()).toContain('session-expired');
    expect(errors()).toEqual([]);
  });

  it('carries on with the kept file after signing in again, cancels, and signs out', async () => {
    const { page } = b;
    const before = await editionCount();
    await page.getByLabel('用户名').fill(CLERK.name);
    await page.getByLabel('密码').fill(CLERK.password);
    await page.getByRole('button', { name: '登录' }).click();
    await page.getByText('已选：龙华2019更正.xlsx', { exact: false }).waitFor();
    await page.getByRole('button', { name: '检查并预览' }).click();
    await page.getByRole('heading', { name: '预览：龙华2019更正.xlsx' }).waitFor();
    await page.getByRole('button', { name: '取消' }).click();
    await page.getByText('已取消，未写入任何数据。').waitFor();
    expect(await editionCount()).toBe(before);
    await page.getByRole('button', { name: '退出登录' }).click();
    await page.getByText('已退出登录。').waitFor();
    await page.getByRole('heading', { level: 2, name: '登录' }).waitFor();
    expect(await auditActions()).toEqual(expect.arrayContaining(['cancel', 'sign-out']));
    expect(errors()).toEqual([]);
  });

  it('says a wrong password is wrong, and locks the account after 5', async () => {
    const { page } = b;
    const attempt = async () => {
      await page.getByLabel('用户名').fill(VICTIM.name);
      await page.getByLabel('密码').fill('not-the-password');
      const answered = page.waitForResponse((r) => r.url().endsWith('/admin/api/sign-in'));
      await page.getByRole('button', { name: '登录' }).click();
      return (await answered).status();
    };
    expect(await attempt()).toBe(401);
    await page.getByRole('alert').getByText('用户名或密码不正确。').waitFor();
    const statuses = [];
    for (let i = 2; i <= 5; i++) statuses.push(await attempt());
    expect(statuses.at(-1)).toBe(423);
    await page
      .getByRole('alert')
      .getByText(/^账户已暂时锁定，请约 \d+ 分钟后再试。$/)
      .waitFor();
    expect(await auditActions()).toContain('locked');
  });

  it('signs in in English (?lang=en)', async () => {
    const { page } = b;
    await page.goto(`${service.url}/?page=data&lang=en`);
    await page.getByRole('heading', { level: 2, name: 'Sign in' }).waitFor();
    await page.getByLabel('User name').fill(CLERK.name);
    await page.getByLabel('Password').fill(CLERK.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByText(`Signed in as ${CLERK.name}`).waitFor();
    await page.getByRole('heading', { level: 2, name: 'Upload a data file' }).waitFor();
  });
});
