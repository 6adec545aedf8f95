import { describe, expect, it } from 'vitest';
import { en } from './en';
import { zh } from './zh';

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
  const zhLeaves = leaves(zh);
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
