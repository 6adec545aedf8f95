import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { demoDataset } from '@mocks/demo/dataset';
import type { WireRegion } from '@contract/wire-types';
import { connect } from './connect';
import { canonical, diffDatasets, isUnchanged } from './diff';
import { pathDepth, regionPaths } from './region-paths';

const region = (id: string, parent: string | null): WireRegion => ({
  id,
  level: 'district',
  parent,
  name: { zh: id, en: id },
});

describe('region paths', () => {
  it('make every subtree a prefix, whatever characters the ids contain', () => {
    const paths = regionPaths([
      region('a|1:', 'a'),
      region('a', null),
      region('a|1', 'a'),
      region('b', null),
    ]);
    const subtree = (id: string) =>
      [...paths].filter(([, p]) => p.startsWith(paths.get(id) ?? '?')).map(([r]) => r);
    expect(subtree('a').sort()).toEqual(['a', 'a|1', 'a|1:']);
    // "a|1" is not an ancestor of "a|1:" although its id is a prefix of it.
    expect(subtree('a|1')).toEqual(['a|1']);
    expect(subtree('b')).toEqual(['b']);
  });

  it('refuse a parent cycle instead of looping', () => {
    expect(() => regionPaths([region('x', 'y'), region('y', 'x')])).toThrow(/own ancestor/);
  });
});

describe('dataset diff', () => {
  it('compares by value, not by field order', () => {
    expect(canonical({ b: 1, a: [2, { d: 3, c: 4 }] })).toBe(
      canonical({ a: [2, { c: 4, d: 3 }], b: 1 }),
    );
    const reordered = {
      ...demoDataset,
      observations: demoDataset.observations.map(
        (o) => Object.fromEntries(Object.entries(o).reverse()) as typeof o,
      ),
    };
    expect(isUnchanged(diffDatasets(demoDataset, reordered))).toBe(true);
  });

  it('treats provisional: false and an absent target as the defaults they are', () => {
    const explicit = {
      ...demoDataset,
      observations: demoDataset.observations.map((o) => ({
        ...o,
        provisional: o.provisional ?? false,
      })),
    };
    expect(isUnchanged(diffDatasets(demoDataset, explicit))).toBe(true);
  });

  it('finds a region renamed and a region reordered', () => {
    const [first, second, ...rest] = demoDataset.meta.regions;
    if (!first || !second) throw new Error('demo regions');
    const changed = {
      ...demoDataset,
      meta: {
        ...demoDataset.meta,
        regions: [second, { ...first, name: { zh: '新名', en: 'New' } }, ...rest],
      },
    };
    const diff = diffDatasets(demoDataset, changed);
    expect(diff.dimensions.regions).toEqual({
      added: [],
      changed: [first.id],
      removed: [],
      reordered: true,
    });
    expect(isUnchanged(diff)).toBe(false);
  });
});

describe('opening a database', () => {
  it('says which SQLite file it cannot use and why', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'notdb-')), 'x.sqlite');
    writeFileSync(file, 'this is a spreadsheet, not a database');
    await expect(connect({ sqliteFile: file })).rejects.toThrow(
      `Cannot use the SQLite file ${file}: file is not a database`,
    );
  });

  it('says which PostgreSQL it cannot reach, without the password', async () => {
    const error = await connect({ databaseUrl: 'postgres://u:secret@127.0.0.1:1/db' }).catch(
      (e: unknown) => e,
    );
    expect(String(error)).toMatch(
      /^Error: Cannot use the PostgreSQL database postgres:\/\/u:\*\*\*@127\.0\.0\.1:1\/db: /,
    );
    expect(String(error)).not.toContain('secret');
  });

  it('refuses a DATABASE_URL that is not PostgreSQL', async () => {
    await expect(connect({ databaseUrl: 'mysql://x@y/z' })).rejects.toThrow(/postgres:\/\//);
  });
});

describe('region depth from the stored path', () => {
  it('counts the segments by their lengths, whatever characters the ids contain', () => {
    const paths = regionPaths([
      region('a', null),
      region('a|1:', 'a'),
      region('3:x|', 'a|1:'),
      region('长', '3:x|'),
    ]);
    expect(['a', 'a|1:', '3:x|', '长'].map((id) => pathDepth(paths.get(id) ?? ''))).toEqual([
      0, 1, 2, 3,
    ]);
    expect(pathDepth('')).toBe(0);
  });
});
