import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openBrowser } from './support/browser';
import type { BrowserSession } from './support/browser';

/** The Content-Security-Policy of an HTML page's meta tag, as directive → sources. */
function policyOf(html: string): Map<string, string[]> {
  const content = /<meta\s+http-equiv="Content-Security-Policy"\s+content="([^"]*)"/i.exec(html);
  if (!content?.[1]) throw new Error('no Content-Security-Policy meta tag');
  return new Map(
    content[1]
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .filter((d) => d[0])
      .map(([name, ...sources]) => [name ?? '', sources]),
  );
}

const SOURCE_POLICY = policyOf(readFileSync(resolve('index.html'), 'utf8'));

/** What app.css alone gives the header (src/app/styles.css: .app-header, :root). */
const APP_BLUE = 'rgb(29, 63, 143)';

function freePort(): Promise<number> {
  return new Promise((ok, fail) => {
    const probe = createServer();
    probe.once('error', fail);
    probe.listen(0, '127.0.0.1', () => {
      const addr = probe.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      probe.close(() => ok(port));
    });
  });
}

/** `npm start` (= `vite`) in the repository root, on its own port and process group. */
async function startDevServer(): Promise<{ url: string; stop: () => Promise<void> }> {
  const port = await freePort();
  // The spawned server must not think it runs under vitest (NODE_ENV=test and friends).
  const vitestOnly = new Set(['NODE_ENV', 'TEST', 'VITEST', 'VITEST_MODE', 'MODE', 'DEV', 'PROD']);
  const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !vitestOnly.has(k)));
  const child: ChildProcess = spawn(
    process.execPath,
    ['node_modules/vite/bin/vite.js', '--port', String(port), '--strictPort'],
    { cwd: resolve('.'), env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let output = '';
  child.stdout?.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (output += d.toString()));
  const exited = new Promise<void>((ok) => child.once('exit', () => ok()));
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null && child.pid) {
      process.kill(-child.pid, 'SIGTERM');
      await exited;
    }
  };
  const url = `http://localhost:${port}`;
  for (let tries = 0; ; tries++) {
    if (child.exitCode !== null) throw new Error(`vite exited (${child.exitCode}):\n${output}`);
    const ok = await fetch(`${url}/`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return { url, stop };
    if (tries > 300) {
      await stop();
      throw new Error(`vite did not answer on ${url}:\n${output}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Each console message of a page, with its type (the session itself records only errors). */
function recordConsole(page: Page, b: BrowserSession): string[] {
  const all: string[] = [];
  page.on('console', (m) => all.push(`${m.type()}: ${m.text()}`));
  if (page !== b.page) {
    page.on('pageerror', (e) => b.errors.push(`pageerror: ${e.message}`));
    page.on('console', (m) => {
      if (m.type() === 'error') b.errors.push(`console: ${m.text()}`);
    });
  }
  return all;
}

const headerStyle = (page: Page) =>
  page.locator('header.app-header').evaluate((el) => {
    const s = getComputedStyle(el);
    return { background: s.backgroundColor, font: s.fontFamily };
  });

describe('the dev server (npm start) under the page policy', () => {
  let dev: Awaited<ReturnType<typeof startDevServer>> | undefined;
  let b: BrowserSession | undefined;
  let overviewConsole: string[];
  beforeAll(async () => {
    dev = await startDevServer();
    b = await openBrowser();
    overviewConsole = recordConsole(b.page, b);
  });
  afterAll(async () => {
    // The server first: it is a process group of its own that would outlive a failed run.
    await dev?.stop();
    await b?.close();
  });
  const session = () => {
    if (!b || !dev) throw new Error('not started');
    return { b, url: dev.url };
  };

  it('shows the styled overview with its headline cards, without a CSP violation', async () => {
    const { b, url } = session();
    const { page } = b;
    await page.goto(`${url}/`);
    await page.getByRole('heading', { level: 1 }).waitFor();
    await page.getByRole('article', { name: '新发现吸毒人员' }).waitFor();
    expect(await page.getByRole('article').count()).toBeGreaterThanOrEqual(6);
    await expect(page.getByText('演示数据 / Demo data').isVisible()).resolves.toBe(true);
    const style = await headerStyle(page);
    expect(style.background).toBe(APP_BLUE);
    expect(style.font).toMatch(/^system-ui,/);
    // The HMR websocket got through connect-src.
    await expect.poll(() => overviewConsole).toContain('debug: [vite] connected.');
    expect(b.errors).toEqual([]);
  });

  it('shows every other view, each loaded by its address, styled and without errors', async () => {
    // A second tab: the overview's tab stays open, so the demo's service worker keeps a client.
    // (msw's worker unregisters itself when its last client goes, and a page loading in the same
    // tab at that moment fails to update the registration: an msw race, not a policy matter.)
    const { b, url } = session();
    const page = await b.context.newPage();
    recordConsole(page, b);
    for (const view of ['trends', 'programmes', 'rankings']) {
      await page.goto(`${url}/?view=${view}`);
      await page.getByRole('heading', { level: 1 }).waitFor();
      await page.getByRole('figure').first().waitFor();
      expect((await headerStyle(page)).background).toBe(APP_BLUE);
      expect(b.errors).toEqual([]);
    }
    await page.close();
  });

  it("carries index.html's policy with only a per-start nonce added to script-src and style-src", async () => {
    const html = await (await fetch(`${session().url}/`)).text();
    const policy = policyOf(html);
    const nonce = /<meta property="csp-nonce" nonce="([^"]+)"/.exec(html)?.[1];
    expect(nonce).toBeTruthy();
    const expected = new Map(SOURCE_POLICY);
    for (const d of ['script-src', 'style-src'])
      expected.set(d, [...(SOURCE_POLICY.get(d) ?? []), `'nonce-${nonce}'`]);
    expect(policy).toEqual(expected);
    expect(html).not.toContain('unsafe-inline');
  });
});

describe('the production build', () => {
  it("keeps index.html's strict policy: no inline scripts or styles, no nonce", () => {
    const html = readFileSync(resolve('dist/index.html'), 'utf8');
    const policy = policyOf(html);
    expect(policy).toEqual(SOURCE_POLICY);
    expect(policy.get('script-src')).toEqual(["'self'"]);
    expect(policy.get('style-src')).toEqual(["'self'"]);
    expect(html).not.toMatch(/unsafe-inline|nonce/);
  });
});
