import { chromium } from 'playwright-core';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { CHROMIUM_ARGS } from '../e2e/support/browser';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

declare global {
  interface Window {
    /** [startTime, duration] of every long task since navigation (bench init script). */
    __benchLongTasks?: [number, number][];
  }
}

export interface BenchPage {
  context: BrowserContext;
  page: Page;
  /** Uncaught page errors and console errors, reported next to the figures. */
  errors: string[];
  close: () => Promise<void>;
}

/** One Chromium (the flags of e2e/support/browser.ts) for all page measurements. */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
}

/**
 * A fresh incognito context per measurement: empty HTTP cache and localStorage (the app
 * persists its query cache there), so every load is a first visit. Long tasks are recorded
 * from the start of each document.
 */
export async function freshPage(
  browser: Browser,
  viewport = { width: 1440, height: 900 },
): Promise<BenchPage> {
  const context = await browser.newContext({ viewport, acceptDownloads: true });
  await context.addInitScript(() => {
    const tasks: [number, number][] = [];
    window.__benchLongTasks = tasks;
    try {
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) tasks.push([e.startTime, e.duration]);
      }).observe({ type: 'longtask', buffered: true });
    } catch {
      // long tasks not supported: the figure stays empty
    }
  });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(`console: ${m.text()}`);
  });
  return { context, page, errors, close: () => context.close() };
}

/** Long tasks seen by the page so far (optionally only those starting at or after `from`). */
export async function longTasks(
  page: Page,
  from = 0,
): Promise<{ longest: number; total: number; count: number }> {
  const tasks = await page.evaluate(() => window.__benchLongTasks ?? []);
  const seen = tasks.filter(([start]) => start >= from).map(([, d]) => d);
  return {
    longest: seen.length ? Math.max(...seen) : 0,
    total: seen.reduce((a, b) => a + b, 0),
    count: seen.length,
  };
}
