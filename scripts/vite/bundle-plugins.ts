import type { Plugin } from 'vite';

/**
 * Chunks by what loads together. Rolldown, left alone, splits every module that two lazily
 * loaded parts share into a chunk of its own: the first screen fetched nine small files before it
 * could run (React, the query client, the contract's schema, i18n …) and the overview's table
 * seven more after its data, a link to trends fourteen. Each group (named in vite.config.ts)
 * has roots; once the module graph is known, the roots' static imports not yet claimed by an
 * earlier group are kept together in one chunk — or, for a `shared` group, only those that two
 * or more roots import. The project's groups: `start`, the entry's (everything before the first
 * render); `completion`, the overview's table and warnings with the Chinese view strings, asked
 * for as soon as its first figures arrive; `views`, what two or more views share. Everything
 * else is split as rolldown decides.
 */
export function chunkGroups(
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
/**
 * A link to a view (`?view=trends`) or in English (`?lang=en`) needs code that the entry loads
 * only once it has run: the view's chunk, what that imports, and its CSS. That waits for the
 * first-screen file to download and run (on a slow phone, most of a second). This writes into
 * index.html, as data, which files each view and the English words need (`<script
 * type="application/json" id="preloads">`); public/boot.js, which runs first, preloads the
 * link's files at once, in parallel with the first-screen file.
 */
export function linkPreloads(targets: Record<string, RegExp>): Plugin {
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
