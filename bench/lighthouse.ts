import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import lighthouse from 'lighthouse';
import desktopConfig from 'lighthouse/core/config/desktop-config.js';
import { CHROMIUM_ARGS } from '../e2e/support/browser';
import { CHROMIUM_PATH } from './pages';

export type Preset = 'mobile' | 'desktop';

export interface LighthouseRun {
  performance: number;
  accessibility: number;
  bestPractices: number;
  /** Milliseconds. */
  lcp: number;
  fcp: number;
  tbt: number;
  cls: number;
  warnings: string[];
}

export interface DebuggableChromium {
  port: number;
  close: () => Promise<void>;
}

/**
 * Debian Chromium with the e2e flags plus a DevTools port for Lighthouse to connect to.
 * Port 0 lets Chromium choose; it prints the port it took on stderr.
 */
export async function launchDebuggableChromium(): Promise<DebuggableChromium> {
  const dir = mkdtempSync(join(tmpdir(), 'bench-lighthouse-'));
  const child: ChildProcess = spawn(
    CHROMIUM_PATH,
    [
      ...CHROMIUM_ARGS,
      '--remote-debugging-port=0',
      '--remote-debugging-address=127.0.0.1',
      `--user-data-dir=${dir}`,
      'about:blank',
    ],
    { stdio: ['ignore', 'ignore', 'pipe'] },
  );
  const exited = new Promise<void>((ok) => child.once('exit', () => ok()));
  const port = await new Promise<number>((ok, fail) => {
    let text = '';
    const timer = setTimeout(
      () => fail(new Error(`Chromium printed no DevTools port:\n${text}`)),
      30_000,
    );
    child.stderr?.on('data', (chunk: Buffer) => {
      text += chunk.toString();
      const m = /DevTools listening on ws:\/\/[^:/]+:(\d+)\//.exec(text);
      if (m?.[1]) {
        clearTimeout(timer);
        ok(Number(m[1]));
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      fail(new Error(`Chromium exited (${String(code)}) before it listened:\n${text}`));
    });
  });
  return {
    port,
    close: async () => {
      if (child.exitCode === null) child.kill('SIGTERM');
      await exited;
      // Chromium's helper processes may still be writing the profile after the browser exits:
      // retry, then leave the temporary folder behind rather than fail a run whose
      // measurements are all taken (it did, twice, with ENOTEMPTY).
      for (let attempt = 0; ; attempt++) {
        try {
          rmSync(dir, { recursive: true, force: true, maxRetries: 10, retryDelay: 200 });
          return;
        } catch (error) {
          if (attempt >= 2) {
            console.warn(`could not remove ${dir}: ${String(error)}`);
            return;
          }
          await new Promise((ok) => setTimeout(ok, 1000));
        }
      }
    },
  };
}

function score(
  lhr: { categories: Record<string, { score: number | null } | undefined> },
  id: string,
) {
  const s = lhr.categories[id]?.score;
  return typeof s === 'number' ? Math.round(s * 100) : NaN;
}

/** One Lighthouse 12 navigation run (mobile = the default config, desktop = desktop-config). */
export async function runLighthouse(
  url: string,
  port: number,
  preset: Preset,
): Promise<LighthouseRun> {
  const result = await lighthouse(
    url,
    {
      port,
      hostname: '127.0.0.1',
      logLevel: 'error',
      output: 'json',
      onlyCategories: ['performance', 'accessibility', 'best-practices'],
    },
    preset === 'desktop' ? desktopConfig : undefined,
  );
  if (!result) throw new Error(`Lighthouse returned nothing for ${url}`);
  const { lhr } = result;
  if (lhr.runtimeError)
    throw new Error(`Lighthouse: ${lhr.runtimeError.code} ${lhr.runtimeError.message}`);
  const num = (id: string) => lhr.audits[id]?.numericValue ?? NaN;
  return {
    performance: score(lhr, 'performance'),
    accessibility: score(lhr, 'accessibility'),
    bestPractices: score(lhr, 'best-practices'),
    lcp: num('largest-contentful-paint'),
    fcp: num('first-contentful-paint'),
    tbt: num('total-blocking-time'),
    cls: num('cumulative-layout-shift'),
    warnings: [...lhr.runWarnings],
  };
}

/** A run that fails outright (e.g. NO_FCP when the machine stalls) is retried once. */
export async function runLighthouseWithRetry(
  url: string,
  port: number,
  preset: Preset,
  onRetry: (error: unknown) => void,
): Promise<LighthouseRun> {
  try {
    return await runLighthouse(url, port, preset);
  } catch (error) {
    onRetry(error);
    return runLighthouse(url, port, preset);
  }
}
