import { describe, expect, it } from 'vitest';
import { brokenObservations, brokenRankings } from '@mocks/broken-records';
import { demoDataset, demoMeta } from '@mocks/demo/dataset';
import { ApiError } from './errors';
import { parseMeta } from './parse-meta';
import { parseObservations, parseRankings } from './parse-records';

const meta = parseMeta(structuredClone(demoMeta)).data;

/** What the notice must say for each kind of broken record in mocks/broken-records.ts. */
const expectedReason: Record<string, string> = {
  'value-nan-string': 'not-finite',
  'value-infinity-string': 'not-finite',
  'unknown-indicator': 'unknown-id',
  'unknown-region': 'unknown-id',
  'unknown-assessment': 'unknown-id',
  'duplicate-cell': 'duplicate',
  'year-as-string': 'invalid',
  'missing-value': 'missing',
  'year-not-in-meta': 'year-not-in-meta',
  'rank-above-of': 'rank-exceeds-of',
  'rank-nan-string': 'not-finite',
  'rank-zero': 'invalid',
};

describe('parseObservations', () => {
  it('keeps every demo observation without issues, with defaults filled', () => {
    const { data, issues } = parseObservations({ observations: demoDataset.observations }, meta);
    expect(issues).toEqual([]);
    expect(data).toHaveLength(demoDataset.observations.length);
    expect(
      data.find((o) => o.indicator === 'new-users' && o.region === '460106' && o.year === 2019),
    ).toMatchObject({ value: 10, target: null, note: null });
  });

  it('keeps null values (missing is missing) and ignores unknown fields', () => {
    const { data, issues } = parseObservations(
      {
        observations: [
          { indicator: 'new-users', region: '460106', year: 2017, value: null, extra: 1 },
        ],
      },
      meta,
    );
    expect(issues).toEqual([]);
    expect(data).toEqual([
      expect.objectContaining({ value: null, provisional: false, note: null }),
    ]);
  });

  it.each(brokenObservations.map((b) => [b.kind, b] as const))(
    'drops and reports a %s record',
    (kind, broken) => {
      const good = demoDataset.observations.filter(
        (o) => o.indicator === 'new-users' && o.region === '460106',
      );
      const list = [...good, broken.record];
      const { data, issues } = parseObservations({ observations: list }, meta);
      expect(data).toHaveLength(good.length);
      expect(data.find((o) => o.year === 2019)?.value).toBe(10);
      const field = kind === 'duplicate-cell' ? 'indicator+region+year' : broken.field;
      expect(issues).toEqual([
        expect.objectContaining({
          endpoint: 'observations',
          index: good.length,
          field,
          reason: expectedReason[kind],
        }),
      ]);
    },
  );

  it('names the record by its ids and shows the offending value as text', () => {
    const { issues } = parseObservations(
      {
        observations: [
          { indicator: 'drugs-seized', region: '460106001', year: 2018, value: 'NaN' },
        ],
      },
      meta,
    );
    expect(issues[0]).toMatchObject({ record: 'drugs-seized · 460106001 · 2018', detail: '"NaN"' });
  });

  it('drops a record that is not an object', () => {
    const { data, issues } = parseObservations({ observations: [42, null] }, meta);
    expect(data).toEqual([]);
    expect(issues.map((i) => i.index)).toEqual([0, 1]);
  });

  it.each([
    ['an array', []],
    ['null', null],
    ['a string', 'observations'],
    ['no list', { data: [] }],
    ['a list under the right key that is not an array', { observations: {} }],
  ])('throws a shape error for %s', (_label, input) => {
    expect(() => parseObservations(input, meta)).toThrow(ApiError);
    expect(() => parseObservations(input, meta)).toThrow(
      expect.objectContaining({ endpoint: 'observations', kind: 'shape' }),
    );
  });
});

describe('parseRankings', () => {
  it('keeps every demo ranking without issues', () => {
    const { data, issues } = parseRankings({ rankings: demoDataset.rankings }, meta);
    expect(issues).toEqual([]);
    expect(data).toHaveLength(demoDataset.rankings.length);
  });

  it('drops every broken ranking with the field and reason, keeping the rest', () => {
    const list = [...demoDataset.rankings, ...brokenRankings.map((b) => b.record)];
    const { data, issues } = parseRankings({ rankings: list }, meta);
    expect(data).toHaveLength(demoDataset.rankings.length);
    expect(issues).toEqual(
      brokenRankings.map((b, i): unknown =>
        expect.objectContaining({
          endpoint: 'rankings',
          index: demoDataset.rankings.length + i,
          field: b.field,
          reason: expectedReason[b.kind],
        }),
      ),
    );
  });

  it('throws a shape error when there is no rankings array', () => {
    expect(() => parseRankings({ observations: [] }, meta)).toThrow(
      expect.objectContaining({ endpoint: 'rankings', kind: 'shape' }),
    );
  });
});
