import { defineConfig } from 'vite';
import { configDefaults } from 'vitest/config';
import type { Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chunkGroups, linkPreloads } from './scripts/vite/bundle-plugins';

const here = (p: string) => fileURLToPath(new URL(p, import.meta.url));

/**
 * Test files that are plain .ts but need a browser-like environment (`document`, `window`,
 * `DOMParser`, a page URL to resolve relative API URLs against): they run in the dom project.
 */
const NEEDS_DOM = [
  'src/app/prestart.test.ts',
  'src/app/report-sources.test.ts',
  'src/features/data/early-start.test.ts',
  'src/features/export/render-svg.test.ts',
];

/** Data-service tests that only parse bytes in memory (no database, process or server). */
const PURE_SERVER_TESTS = ['server/import/**/*.test.ts'];
/** Under server/import but starting a child process (the isolated workbook reader). */
const PROCESS_IMPORT_TESTS = ['server/import/isolated.test.ts'];

/**
 * SHARED_MODULES: in the unit and dom projects the files run by one worker share its module
 * cache (and, in dom, its jsdom page) instead of each importing React, the app, exceljs and the
 * demo data anew: the fast loop takes a third of the time. So a test there must not replace a
 * module (vi.mock: whether it takes effect would depend on which file ran first in the worker;
 * ESLint refuses it) — spy on an exported object instead, or undo with vi.stubGlobal /
 * vi.unstubAllGlobals what it changes globally. The integration project keeps isolation.
 */

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

/**
 * index.html's Content-Security-Policy allows no inline scripts or styles, which is what the
 * production build needs; but the dev server works through inline elements: the react-refresh
 * preamble (an inline module script), and every CSS file arrives as a <style> that @vite/client
 * inserts (the error overlay too). Dev only: Vite marks each of those with a nonce (`html.cspNonce`,
 * new at every start) and the page's policy lets that nonce through in script-src and style-src.
 * Everything else stays as strict as in production: a <style> or inline script of our own, or a
 * style attribute, is still refused in development. `vite build` never runs this plugin, so dist/
 * keeps index.html's policy unchanged (e2e/dev-server.e2e.ts checks both).
 */
function devServerCsp(): Plugin {
  const nonce = randomBytes(18).toString('base64');
  const allowNonce = (policy: string): string =>
    policy
      .split(';')
      .map((d) => d.trim())
      .filter(Boolean)
      .map((d) => (/^(script|style)-src\s/.test(d) ? `${d} 'nonce-${nonce}'` : d))
      .join('; ');
  return {
    name: 'dev-server-csp',
    apply: 'serve',
    config: () => ({ html: { cspNonce: nonce } }),
    transformIndexHtml: {
      order: 'pre',
      handler: (html) =>
        html.replace(
          /(<meta\s+http-equiv="Content-Security-Policy"\s+content=")([^"]*)(")/i,
          (_, open: string, policy: string, close: string) => open + allowNonce(policy) + close,
        ),
    },
  };
}

// Chunking and link preloads: scripts/vite/bundle-plugins.ts says why.
const chunks = chunkGroups([
  { name: 'start', roots: (_id, isEntry) => isEntry },
  {
    name: 'completion',
    roots: (id) =>
      /src[\\/](features[\\/]completion[\\/]completion-section\.tsx|lib[\\/]i18n[\\/]zh-views\.ts)$/.test(
        id,
      ),
  },
  {
    name: 'views',
    shared: true,
    roots: (id) =>
      /src[\\/]features[\\/]\w+[\\/]\w+-view\.tsx$/.test(id) && !id.includes('overview'),
  },
]);

// One build serves every deployment: the API base comes from config.json at run time,
// so `base: './'` keeps the app relocatable under any sub-path.
export default defineConfig({
  base: './',
  plugins: [
    react(),
    workbookTemplates(),
    devServerCsp(),
    chunks.plugin,
    linkPreloads({
      'view:trends': /src[\\/]features[\\/]trends[\\/]trends-view\.tsx$/,
      'view:programmes': /src[\\/]features[\\/]programmes[\\/]programmes-view\.tsx$/,
      'view:rankings': /src[\\/]features[\\/]rankings[\\/]rankings-view\.tsx$/,
      'view:league': /src[\\/]features[\\/]league[\\/]league-view\.tsx$/,
      'view:map': /src[\\/]features[\\/]map[\\/]map-view\.tsx$/,
      'screen:wall': /src[\\/]features[\\/]wall[\\/]wall-screen\.tsx$/,
      'lang:en': /src[\\/]lib[\\/]i18n[\\/]en\.ts$/,
    }),
  ],
  resolve: {
    alias: { '@': here('./src'), '@mocks': here('./mocks'), '@contract': here('./contract') },
  },
  build: {
    target: 'es2022',
    sourcemap: false,
    chunkSizeWarningLimit: 600,
    rolldownOptions: {
      output: { codeSplitting: chunks.codeSplitting },
    },
  },
  // Three tiers (README, "Tests"): `unit` and `dom` are the fast loop (`npm run test:unit`),
  // `integration` opens databases and starts processes and servers (`npm run test:integration`).
  // Each test file belongs to exactly one project, by what it needs, not by where it lives.
  test: {
    globals: false,
    setupFiles: ['./src/test/setup.ts'],
    css: false,
    testTimeout: 15000,
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          environment: 'node',
          isolate: false, // see SHARED_MODULES
          include: [
            'contract/**/*.test.ts',
            'mocks/**/*.test.ts',
            'src/**/*.test.ts',
            ...PURE_SERVER_TESTS,
          ],
          exclude: [...configDefaults.exclude, ...NEEDS_DOM, ...PROCESS_IMPORT_TESTS],
        },
      },
      {
        extends: true,
        test: {
          name: 'dom',
          environment: 'jsdom',
          isolate: false, // see SHARED_MODULES; src/test/setup-dom.ts resets the page per file
          setupFiles: ['./src/test/setup-dom.ts'],
          include: ['src/**/*.test.tsx', ...NEEDS_DOM],
        },
      },
      {
        extends: true,
        test: {
          name: 'integration',
          environment: 'node',
          // Child processes (tsx starting the importer or the service, a build) on two loaded
          // cores take seconds each: these limits only stop a hang, they time nothing.
          testTimeout: 60_000,
          hookTimeout: 60_000,
          include: [
            'server/admin/**/*.test.ts',
            'server/api/**/*.test.ts',
            'server/cli/**/*.test.ts',
            'server/db/**/*.test.ts',
            'server/admin/**/*.test.ts',
            ...PROCESS_IMPORT_TESTS,
          ],
        },
      },
    ],
  },
});
