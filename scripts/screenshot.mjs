/**
 * Screenshots of the built app for a human look: `node --experimental-strip-types scripts/screenshot.mjs URL OUT.png [width] [height]`.
 * Serve dist first (npm run preview). Uses Debian Chromium through playwright-core.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';

const [url = 'http://127.0.0.1:4173/', out = '/tmp/shot.png', w = '1440', h = '900'] =
  process.argv.slice(2);
const ctx = await chromium.launchPersistentContext(mkdtempSync(join(tmpdir(), 'shot-')), {
  executablePath: '/usr/bin/chromium',
  args: [
    '--headless',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
  ],
  viewport: { width: Number(w), height: Number(h) },
});
const page = await ctx.newPage();
page.on('console', (m) => {
  if (m.type() === 'error') console.log('console.error:', m.text());
});
page.on('pageerror', (e) => console.log('pageerror:', e.message));
await page.goto(url);
await page.waitForTimeout(2500);
await page.screenshot({ path: out, fullPage: true });
await ctx.close();
console.log('wrote', out);
