/// <reference types="vitest/config" />
import { defineConfig } from 'vite';
import type { Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = (p: string) => fileURLToPath(new URL(p, import.meta.url));

const TEMPLATES = ['jindu-data-template.xlsx', 'jindu-demo-data.xlsx'];

/**
 * The template workbooks (contract/workbook) are built from code at build time, so the
 * downloadable files always match what `npm run import` reads: emitted into dist/templates/,
 * and served under /templates/ by the dev server.
 */
function workbookTemplates(): Plugin {
  const make = (): Map<string, Buffer> => {
    const dir = mkdtempSync(join(tmpdir(), 'templates-'));
    try {
      execFileSync(
        process.execPath,
        [here('./node_modules/tsx/dist/cli.mjs'), here('./scripts/make-templates.ts'), dir],
        {
          stdio: 'inherit',
        },
      );
      return new Map(TEMPLATES.map((name) => [name, readFileSync(join(dir, name))]));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  };
  return {
    name: 'workbook-templates',
    generateBundle() {
      for (const [name, source] of make())
        this.emitFile({ type: 'asset', fileName: `templates/${name}`, source });
    },
    configureServer(server) {
      let files: Map<string, Buffer> | null = null;
      server.middlewares.use('/templates', (req, res, next) => {
        const name = (req.url ?? '').replace(/^\//, '').split('?')[0] ?? '';
        if (!TEMPLATES.includes(name)) return next();
        files ??= make();
        res.setHeader(
          'content-type',
          'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        );
        res.end(files.get(name));
      });
    },
  };
}

// One build serves every deployment: the API base comes from config.json at run time,
// so `base: './'` keeps the app relocatable under any sub-path.
export default defineConfig({
  base: './',
  plugins: [react(), workbookTemplates()],
  resolve: {
    alias: { '@': here('./src'), '@mocks': here('./mocks'), '@contract': here('./contract') },
  },
  build: {
    target: 'es2022',
    sourcemap: false,
    chunkSizeWarningLimit: 600,
  },
  test: {
    environment: 'jsdom',
    globals: false,
    setupFiles: ['./src/test/setup.ts'],
    include: [
      'contract/**/*.test.ts',
      'src/**/*.test.{ts,tsx}',
      'mocks/**/*.test.ts',
      'server/**/*.test.ts',
    ],
    css: false,
    testTimeout: 15000,
  },
});
