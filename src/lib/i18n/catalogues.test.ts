import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { en } from './en';
import { zh } from './zh';
import { zhViews } from './zh-views';

/** Every string in a catalogue by its key path: "card.vsBaseline" → "较{{year}}年（基线年）". */
function leaves(node: unknown, path = '', out = new Map<string, unknown>()): Map<string, unknown> {
  if (node !== null && typeof node === 'object' && !Array.isArray(node)) {
    for (const [key, child] of Object.entries(node))
      leaves(child, path ? `${path}.${key}` : key, out);
  } else {
    out.set(path, node);
  }
  return out;
}

/** The `{{name}}` variables a string interpolates, sorted and without repeats. */
const variables = (text: unknown): string[] =>
  typeof text === 'string'
    ? [...new Set([...text.matchAll(/\{\{\s*([^}\s,]+)[^}]*\}\}/g)].map((m) => m[1] ?? ''))].sort()
    : [];

describe('the zh and en catalogues', () => {
  const zhLeaves = leaves(zhViews, '', leaves(zh));
  const enLeaves = leaves(en);

  it('have the same key paths, nested ones included', () => {
    expect(
      [...zhLeaves.keys()].filter((k) => !enLeaves.has(k)),
      'missing in en.ts',
    ).toEqual([]);
    expect(
      [...enLeaves.keys()].filter((k) => !zhLeaves.has(k)),
      'missing in zh.ts',
    ).toEqual([]);
  });

  it('hold only non-empty strings', () => {
    for (const [lang, map] of [
      ['zh', zhLeaves],
      ['en', enLeaves],
    ] as const) {
      const bad = [...map].filter(([, v]) => typeof v !== 'string' || v.trim() === '');
      expect(
        bad.map(([k]) => k),
        `not a non-empty string in ${lang}.ts`,
      ).toEqual([]);
    }
  });

  it('interpolate the same {{variables}} in both languages', () => {
    const differ = [...zhLeaves]
      .filter(([key]) => enLeaves.has(key))
      .map(([key, text]) => ({ key, zh: variables(text), en: variables(enLeaves.get(key)) }))
      .filter((d) => d.zh.join() !== d.en.join());
    expect(differ).toEqual([]);
  });
});

/** The source files the first load runs: main.tsx and its static imports, not `import()`. */
function firstLoadFiles(): string[] {
  const root = resolve(import.meta.dirname, '../../..');
  const aliases: Record<string, string> = { '@/': 'src/', '@contract/': 'contract/' };
  const resolveFile = (from: string, spec: string): string | null => {
    const alias = Object.keys(aliases).find((a) => spec.startsWith(a));
    const base = alias
      ? join(root, (aliases[alias] ?? '') + spec.slice(alias.length))
      : spec.startsWith('.')
        ? resolve(dirname(from), spec)
        : null; // a package
    if (!base) return null;
    const found = ['.ts', '.tsx', '/index.ts'].map((e) => base + e).find((f) => existsSync(f));
    return found ?? null; // .css and the like
  };
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    const text = readFileSync(file, 'utf8');
    for (const m of text.matchAll(/^(?:import|export)\s+(?!type\b)[^;]*?from\s+'([^']+)'/gms)) {
      const next = resolveFile(file, m[1] ?? '');
      if (next) visit(next);
    }
  };
  visit(join(root, 'src/main.tsx'));
  return [...seen];
}

describe('the first load', () => {
  it('uses only words of zh.ts (the rest come with the parts that load on demand)', () => {
    const sections = Object.keys({ ...zh, ...zhViews });
    const core = leaves(zh);
    const has = (key: string) =>
      core.has(key) || [...core.keys()].some((k) => k.startsWith(key + '.'));
    const files = firstLoadFiles();
    expect(files.some((f) => f.endsWith('overview-view.tsx'))).toBe(true);
    const missing: string[] = [];
    for (const file of files) {
      const text = readFileSync(file, 'utf8');
      // 'card.trend', or the fixed start of a template: `views.${view}` → views
      for (const m of text.matchAll(/['`]([a-z][A-Za-z]*(?:\.[A-Za-z]+)+)(\.\$\{)?/g)) {
        const key = m[1] ?? '';
        if (sections.includes(key.split('.')[0] ?? '') && !has(key))
          missing.push(`${key} in ${file}`);
      }
    }
    expect(missing).toEqual([]);
  });
});
