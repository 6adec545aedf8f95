/**
 * The two commands an office runs, as real processes (tsx, path aliases, exit codes, output):
 * `npm run import` on the demo workbook and on a broken one, then `npm run serve` answering
 * on a port with what was imported.
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoDataset } from '@mocks/demo/dataset';
import { templateBytes } from '@contract/workbook/write-template';

const TSX = 'node_modules/tsx/dist/cli.mjs';
const env = { ...process.env, DATABASE_URL: '', LANG: 'C' };
let dir = '';
let db = '';

function run(script: string, args: string[]) {
  return spawnSync(process.execPath, [TSX, script, ...args], {
    env,
    encoding: 'utf8',
    timeout: 60_000,
  });
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'commands-'));
  db = join(dir, 'dashboard.sqlite');
  writeFileSync(join(dir, 'demo.xlsx'), await templateBytes(demoDataset));
  writeFileSync(join(dir, 'broken.xlsx'), 'not a workbook');
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe('npm run import and npm run serve as processes', () => {
  it('rejects a broken file with exit code 1 and a message in Chinese by default', () => {
    const r = run('server/cli/import.ts', [join(dir, 'broken.xlsx'), '--db', db]);
    expect(r.status).toBe(1);
    expect(r.stdout).toContain('发现 1 个问题，未写入任何数据：');
  });

  it('refuses an --as-of that is not a real date as a usage error (exit code 2)', () => {
    const r = run('server/cli/import.ts', [
      join(dir, 'demo.xlsx'),
      '--db',
      db,
      '--as-of',
      '0000-99-99',
      '--lang',
      'en',
    ]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain(
      '--as-of must be a real date written YYYY-MM-DD (year 1900–2200), e.g. 2026-03-31; got "0000-99-99"',
    );
    expect(r.stdout).toBe('');
  });

  it('imports the demo workbook, then finds nothing to change the second time (English)', () => {
    const first = run('server/cli/import.ts', [join(dir, 'demo.xlsx'), '--db', db]);
    expect(first.status).toBe(0);
    expect(first.stdout).toContain(`已导入为第 1 版，数据截至 ${demoDataset.meta.dataAsOf}。`);
    const again = run('server/cli/import.ts', [join(dir, 'demo.xlsx'), '--db', db, '--lang', 'en']);
    expect(again.status).toBe(0);
    expect(again.stdout).toMatch(/No changes: identical to the current edition 1 \(demo\.xlsx/);
    const list = run('server/cli/import.ts', ['--list', '--db', db, '--lang', 'en']);
    expect(list.status).toBe(0);
    expect(list.stdout).toMatch(
      new RegExp(
        `^edition 1 .* demo\\.xlsx  data as of ${demoDataset.meta.dataAsOf}  ${demoDataset.observations.length} cells`,
        'm',
      ),
    );
  }, 60_000); // three imports, each parsing in its own child process

  it('builds the missing app, then serves it and the imported data', async () => {
    const child = spawn(
      process.execPath,
      [TSX, 'server/cli/serve.ts', '--db', db, '--port', '0', '--dist', join(dir, 'no-dist-here')],
      { env, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    try {
      const url = await new Promise<string>((resolve, reject) => {
        let out = '';
        child.stdout.on('data', (chunk: Buffer) => {
          out += chunk.toString();
          const m = /at (http:\/\/[^\s/]+:\d+)\//.exec(out);
          if (m?.[1]) resolve(m[1]);
        });
        child.once('exit', (code) => reject(new Error(`serve exited ${String(code)}: ${out}`)));
      });
      const meta = (await (await fetch(`${url}/api/v1/meta`)).json()) as { dataAsOf: string };
      expect(meta.dataAsOf).toBe(demoDataset.meta.dataAsOf);
      const config: unknown = await (await fetch(`${url}/config.json`)).json();
      expect(config).toEqual({
        apiBaseUrl: './api/v1',
        suppressBelow: 5,
        dataAdminUrl: './?page=data',
      });
      // dist/ was missing, so serve built the app first.
      expect(await (await fetch(`${url}/`)).text()).toContain('<div id="root"></div>');
    } finally {
      child.kill('SIGTERM');
    }
  }, 60_000);
});
