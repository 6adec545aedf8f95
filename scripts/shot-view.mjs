/**
 * One screenful (not the full page) of the built app, optionally after clicking a button by its
 * accessible name: `node scripts/shot-view.mjs URL OUT.png WIDTH HEIGHT ["button name"]`.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';

const [url, out, w = '390', h = '844', click] = process.argv.slice(2);
const ctx = await chromium.launchPersistentContext(mkdtempSync(join(tmpdir(), 'shot-')), {
  executablePath: '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run'],
  viewport: { width: Number(w), height: Number(h) },
  deviceScaleFactor: 1,
});
const page = await ctx.newPage();
page.on('pageerror', (e) => console.log('pageerror:', e.message));
await page.goto(url);
await page.waitForTimeout(2500);
if (click) {
  await page.getByRole('button', { name: click }).first().click();
  await page.waitForTimeout(500);
}
await page.screenshot({ path: out });
await ctx.close();
console.log('wrote', out);
