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

/**
 * Chunks by what loads together. Rolldown, left alone, splits every module that two lazily
 * loaded parts share into a chunk of its own: the first screen fetched nine small files before it
 * could run (React, the query client, the contract's schema, i18n …) and the overview's table
 * seven more after its data. Each group here names its roots; once the module graph is known,
 * the roots' static imports (not yet claimed by an earlier group) are kept together in one chunk.
 * `start` is the entry's (everything before the first render); `completion` is the overview's
 * table and warnings with the Chinese view strings, which the overview asks for as soon as its
 * first figures arrive. Everything else is split as before.
 */
function chunkGroups(
  groups: { name: string; roots: (id: string, isEntry: boolean) => boolean; shared?: boolean }[],
) {
  const members = new Map<string, string>();
  const plugin: Plugin = {
    name: 'chunk-groups',
    apply: 'build',
    buildEnd() {
      const ids = [...this.getModuleIds()];
      for (const g of groups) {
        const roots = ids.filter((id) => g.roots(id, this.getModuleInfo(id)?.isEntry ?? false));
        const closure = (queue: string[]) => {
          const seen = new Set<string>();
          while (queue.length > 0) {
            const id = queue.pop() as string;
            if (seen.has(id) || members.has(id)) continue;
            seen.add(id);
            queue.push(...(this.getModuleInfo(id)?.importedIds ?? []));
          }
          return seen;
        };
        let take: Set<string>;
        if (g.shared) {
          // Only what two or more roots import; the rest stays with its own root.
          const count = new Map<string, number>();
          for (const r of roots)
            for (const id of closure([r])) count.set(id, (count.get(id) ?? 0) + 1);
          take = new Set([...count].filter(([, n]) => n >= 2).map(([id]) => id));
        } else take = closure(roots);
        // The entry module stays in the entry chunk; the group holds what it imports.
        for (const id of take) if (!this.getModuleInfo(id)?.isEntry) members.set(id, g.name);
      }
    },
  };
  const codeSplitting = {
    groups: groups.map((g, i) => ({
      name: g.name,
      priority: groups.length - i,
      test: (id: string) => members.get(id) === g.name,
    })),
  };
  return { plugin, codeSplitting };
}
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

/**
 * A link to a view (`?view=trends`) or in English (`?lang=en`) needs code that the entry loads
 * only once it has run: the view's chunk, what that imports, and its CSS. That waits for the
 * first-screen file to download and run (on a slow phone, most of a second). This writes into
 * index.html, as data, which files each view and the English words need (`<script
 * type="application/json" id="preloads">`); public/boot.js, which runs first, preloads the
 * link's files at once, in parallel with the first-screen file.
 */
function linkPreloads(targets: Record<string, RegExp>): Plugin {
  return {
    name: 'link-preloads',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(html, ctx) {
        const bundle = ctx.bundle;
        if (!bundle) return html;
        const chunks = Object.values(bundle).flatMap((c) => (c.type === 'chunk' ? [c] : []));
        const byFile = new Map(chunks.map((c) => [c.fileName, c]));
        const closure = (start: string[]): Set<string> => {
          const seen = new Set<string>();
          const queue = [...start];
          while (queue.length > 0) {
            const file = queue.pop() as string;
            if (seen.has(file)) continue;
            seen.add(file);
            queue.push(...(byFile.get(file)?.imports ?? []));
          }
          return seen;
        };
        const upFront = closure(chunks.filter((c) => c.isEntry).map((c) => c.fileName));
        const files: Record<string, string[]> = {};
        for (const [key, test] of Object.entries(targets)) {
          const roots = chunks.filter((c) => c.facadeModuleId && test.test(c.facadeModuleId));
          const js = [...closure(roots.map((c) => c.fileName))].filter((f) => !upFront.has(f));
          const css = js.flatMap((f) => [...(byFile.get(f)?.viteMetadata?.importedCss ?? [])]);
          if (js.length > 0) files[key] = [...js, ...css];
        }
        // "<" cannot close the element early: JSON has no other way to write it here.
        const json = JSON.stringify(files).replace(/</g, '\\u003c');
        return html.replace(
          '</head>',
          `  <script type="application/json" id="preloads">${json}</script>\n  </head>`,
        );
      },
    },
  };
}

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
