import { describe, expect, it } from 'vitest';
import { demoMeta } from '@mocks/demo/dataset';
import { ApiError } from './errors';
import { parseMeta } from './parse-meta';

type RawMeta = Record<string, unknown> & {
  regions: Record<string, unknown>[];
  indicators: Record<string, unknown>[];
  campaigns: Record<string, unknown>[];
  assessments: Record<string, unknown>[];
};

const without = (rec: Record<string, unknown>, key: string) =>
  Object.fromEntries(Object.entries(rec).filter(([k]) => k !== key));

/** A fresh, mutable copy of the demo meta to break in one place. */
const rawMeta = (): RawMeta => structuredClone(demoMeta) as unknown as RawMeta;

function shapeErrorOf(input: unknown): ApiError {
  try {
    parseMeta(input);
  } catch (error) {
    if (error instanceof ApiError) return error;
    throw error;
  }
  throw new Error('parseMeta did not throw');
}

describe('parseMeta', () => {
  it('reports the position in the response, not in the filtered list', () => {
    const meta = structuredClone(demoMeta) as unknown as {
      regions: unknown[];
      indicators: unknown[];
    };
    meta.regions.unshift({ id: 'bad', level: 'nowhere', parent: null, name: { zh: '坏' } });
    meta.regions.push({ id: 'orphan', level: 'township', parent: 'missing', name: { zh: '孤' } });
    const { issues } = parseMeta(meta);
    const orphan = issues.find((i) => i.record.includes('orphan'));
    expect(orphan).toMatchObject({
      field: 'parent',
      reason: 'unknown-id',
      index: meta.regions.length - 1,
    });
  });

  it('accepts the demo meta without issues and fills optional fields', () => {
    const { data, issues } = parseMeta(rawMeta());
    expect(issues).toEqual([]);
    expect(data.years).toEqual([2016, 2017, 2018, 2019, 2020, 2021, 2022]);
    expect(data.regions).toHaveLength(demoMeta.regions.length);
    expect(data.indicators).toHaveLength(demoMeta.indicators.length);
    expect(data.dataAsOf).toBe('2023-01-15');
    const registered = data.indicators.find((i) => i.id === 'registered-users');
    expect(registered).toMatchObject({ headline: false, unitLabel: { zh: '人', en: 'people' } });
    expect(data.indicators.find((i) => i.id === 'user-share')?.unitLabel).toBeNull();
  });

  it('ignores fields it does not know (forward compatibility)', () => {
    const raw = rawMeta();
    raw.futureField = { anything: true };
    raw.regions[0] = { ...raw.regions[0], population: 10_000_000 };
    expect(parseMeta(raw).issues).toEqual([]);
  });

  it('falls back to the other language when one is missing or empty', () => {
    const raw = rawMeta();
    raw.regions[3] = { ...raw.regions[3], name: { zh: '龙华区' } };
    raw.regions[2] = { ...raw.regions[2], name: { zh: '  ', en: 'Xiuying' } };
    raw.title = { en: 'Haikou data', zh: null };
    const { data, issues } = parseMeta(raw);
    expect(issues).toEqual([]);
    expect(data.regions.find((r) => r.id === '460106')?.name).toEqual({
      zh: '龙华区',
      en: '龙华区',
    });
    expect(data.regions.find((r) => r.id === '460105')?.name).toEqual({
      zh: 'Xiuying',
      en: 'Xiuying',
    });
    expect(data.title).toEqual({ zh: 'Haikou data', en: 'Haikou data' });
  });

  it('drops a record with a bad field and says which record, field and why', () => {
    const raw = rawMeta();
    raw.regions[2] = { ...raw.regions[2], level: 'county' };
    raw.indicators[1] = { ...raw.indicators[1], name: { zh: '', en: '' } };
    raw.indicators[2] = { ...raw.indicators[2], decimals: 7 };
    const { data, issues } = parseMeta(raw);
    expect(data.regions.map((r) => r.id)).not.toContain('460105');
    expect(data.indicators.map((i) => i.id)).not.toContain('registered-users');
    expect(data.indicators.map((i) => i.id)).not.toContain('new-users');
    expect(issues).toEqual([
      expect.objectContaining({
        endpoint: 'meta',
        index: 2,
        record: 'regions: 460105',
        field: 'level',
        reason: 'invalid',
      }),
      expect.objectContaining({
        index: 1,
        record: 'indicators: registered-users',
        field: 'name',
        reason: 'invalid',
      }),
      expect.objectContaining({
        index: 2,
        record: 'indicators: new-users',
        field: 'decimals',
        detail: '7',
      }),
    ]);
  });

  it('keeps ids a foreign server may send that the importer refuses, and quotes them visibly', () => {
    // The contract caps ids at 200 characters and says no more; the importer's own rules
    // (contract/ids.ts) are stricter. A client keeps such records and must not trip on them.
    const raw = rawMeta();
    const odd = ['4601,99', '4601\u000099', '4601\u202E99', '4601\u200B99'];
    for (const id of odd)
      raw.regions.push({ id, level: 'district', parent: '460100', name: { zh: `区${id}` } });
    raw.regions.push({ id: 'x\u202Ey', level: 'county', parent: null, name: { zh: '\u202E坏' } });
    const { data, issues } = parseMeta(raw);
    expect(data.regions.map((r) => r.id)).toEqual(expect.arrayContaining(odd));
    // A notice quoting a bad record names its invisible characters instead of obeying them.
    expect(issues).toEqual([
      expect.objectContaining({
        record: 'regions: x<U+202E>y',
        field: 'level',
        detail: '"county"',
      }),
    ]);
  });

  it('reports a missing required field as missing', () => {
    const raw = rawMeta();
    raw.indicators[0] = without(raw.indicators[0] ?? {}, 'better');
    const issue = parseMeta(raw).issues[0];
    expect(issue).toMatchObject({
      index: 0,
      field: 'better',
      reason: 'missing',
      detail: '(absent)',
    });
  });

  it('drops duplicates, unknown references and inconsistent campaigns', () => {
    const raw = rawMeta();
    raw.regions.push({ ...raw.regions[3], name: { zh: '重复', en: 'Duplicate' } });
    raw.regions.push({
      id: 'orphan',
      level: 'township',
      parent: 'nowhere',
      name: { zh: '孤', en: 'Orphan' },
    });
    raw.indicators[0] = { ...raw.indicators[0], programme: 'no-such-programme' };
    raw.campaigns[1] = { ...raw.campaigns[1], baselineYear: 2020 };
    raw.assessments[0] = { ...raw.assessments[0], scope: 'atlantis' };
    const { data, issues } = parseMeta(raw);
    const reasons = issues.map((i) => [i.field, i.reason]);
    expect(reasons).toEqual([
      ['id', 'duplicate'],
      ['parent', 'unknown-id'],
      ['startYear', 'bad-campaign-years'],
      ['programme', 'unknown-id'],
      ['scope', 'unknown-id'],
    ]);
    expect(data.regions.filter((r) => r.id === '460106')[0]?.name.zh).toBe('龙华区');
    expect(data.regions.map((r) => r.id)).not.toContain('orphan');
    expect(data.campaigns.map((c) => c.id)).toEqual(['round-1']);
    expect(data.indicators.map((i) => i.id)).not.toContain('user-share');
    expect(data.assessments.map((a) => a.id)).not.toContain('province-overall');
  });

  it('sorts unsorted years, drops bad ones and reports both', () => {
    const raw = rawMeta();
    raw.years = [2018, 2016, '2017', 2019.5, 2017];
    const { data, issues } = parseMeta(raw);
    expect(data.years).toEqual([2016, 2017, 2018]);
    expect(issues.map((i) => [i.field, i.reason])).toEqual([
      ['years.2', 'invalid'],
      ['years.3', 'invalid'],
      ['years', 'unsorted-years'],
    ]);
  });

  it('reports a missing optional list and goes on', () => {
    const raw = rawMeta();
    const { data, issues } = parseMeta(without(raw, 'campaigns'));
    expect(data.campaigns).toEqual([]);
    expect(issues).toEqual([
      expect.objectContaining({ index: null, field: 'campaigns', reason: 'missing' }),
    ]);
  });

  it.each([
    ['an array', []],
    ['null', null],
    ['a string', 'meta'],
    ['no years', { ...rawMeta(), years: [] }],
    ['no valid year', { ...rawMeta(), years: ['x'] }],
    ['no regions list', { ...rawMeta(), regions: {} }],
    ['no valid region', { ...rawMeta(), regions: [{ id: 1 }] }],
    ['no indicators', { ...rawMeta(), indicators: undefined }],
  ])('throws a shape error for %s', (_label, input) => {
    const error = shapeErrorOf(input);
    expect(error).toMatchObject({ endpoint: 'meta', kind: 'shape' });
  });
});
