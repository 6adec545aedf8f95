import { describe, expect, it } from 'vitest';
import { indicatorFacts, rankFacts } from './facts';
import type { IndicatorInput } from './facts';

/** Longhua, newly identified drug users (lower is better): 152 in 2016 (baseline), 41 in 2018. */
function input(over: Partial<IndicatorInput> = {}): IndicatorInput {
  return {
    indicatorName: 'new users',
    unit: { unit: 'count', decimals: 0, unitLabel: null, better: 'lower' },
    regionName: 'Longhua',
    year: 2019,
    value: 10,
    provisional: false,
    suppressedBelow: null,
    compare: { year: 2016, value: 152, baseline: true },
    previous: { value: 41 },
    peers: null,
    ...over,
  };
}

const peers = (self: number | null, others: (number | null)[]) => ({
  groupLabel: 'G',
  values: [
    { name: 'Longhua', value: self },
    ...others.map((value, i) => ({ name: `P${i}`, value })),
  ],
});

describe('indicatorFacts', () => {
  it('improving: both changes better, one overall verdict', () => {
    const f = indicatorFacts(input());
    expect(f).toMatchObject({
      topic: 'indicator',
      status: 'value',
      value: 10,
      yearIsBaseline: false,
      vsCompare: {
        ref: { kind: 'compare', year: 2016, baseline: true },
        status: 'compared',
        from: 152,
        to: 10,
        direction: 'down',
        verdict: 'better',
      },
      vsPrevious: {
        ref: { kind: 'previous', year: 2018 },
        direction: 'down',
        verdict: 'better',
      },
      overall: 'better',
      peers: null,
    });
    if (f.status !== 'value' || f.vsCompare?.status !== 'compared') throw new Error('no change');
    expect(f.vsCompare.change?.kind).toBe('relative');
    expect(f.vsCompare.change?.amount).toBeCloseTo(-93.42, 2);
  });

  it('worsening: a rise of a lower-is-better count; mixed when the comparisons disagree', () => {
    expect(indicatorFacts(input({ value: 200, previous: { value: 100 } }))).toMatchObject({
      vsCompare: { direction: 'up', verdict: 'worse' },
      vsPrevious: { direction: 'up', verdict: 'worse' },
      overall: 'worse',
    });
    expect(indicatorFacts(input({ previous: { value: 8 } }))).toMatchObject({
      vsCompare: { verdict: 'better' },
      vsPrevious: { direction: 'up', verdict: 'worse' },
      overall: 'mixed',
    });
  });

  it('judges nothing for flat or neutral changes, and keeps a zero base without an amount', () => {
    const flat = indicatorFacts(
      input({ compare: { year: 2016, value: 10, baseline: true }, previous: { value: 10 } }),
    );
    expect(flat).toMatchObject({
      vsCompare: { direction: 'flat', verdict: 'same' },
      overall: null,
    });
    const neutral = indicatorFacts(
      input({ unit: { unit: 'count', decimals: 0, unitLabel: null, better: 'neutral' } }),
    );
    expect(neutral).toMatchObject({ vsCompare: { verdict: 'neutral' }, overall: null });
    const zero = indicatorFacts(
      input({ compare: { year: 2016, value: 0, baseline: true }, previous: null }),
    );
    expect(zero).toMatchObject({
      vsCompare: { direction: 'up', verdict: 'worse', change: null },
      vsPrevious: null,
      overall: 'worse',
    });
  });

  it('missing value: nothing is compared or ranked', () => {
    expect(indicatorFacts(input({ value: null, peers: peers(null, [1, 2]) }))).toEqual({
      topic: 'indicator',
      status: 'missing',
      indicatorName: 'new users',
      regionName: 'Longhua',
      year: 2019,
      yearIsBaseline: false,
      unit: input().unit,
      provisional: false,
      // Contract 1.1: no reason from the server, and no total is stated for a missing year.
      reason: null,
      total: null,
    });
  });

  it('suppressed: only the threshold and flags, even when a value leaks through', () => {
    const f = indicatorFacts(
      input({ value: 3, suppressedBelow: 5, provisional: true, peers: peers(3, [1, 9]) }),
    );
    expect(f).toMatchObject({ status: 'suppressed', below: 5, provisional: true });
    expect(f).not.toHaveProperty('value');
    expect(f).not.toHaveProperty('vsCompare');
    expect(f).not.toHaveProperty('peers');
  });

  it('a missing comparison value is noted as no data; the year before the comparison year is not repeated', () => {
    expect(
      indicatorFacts(input({ compare: { year: 2016, value: null, baseline: true } })),
    ).toMatchObject({
      vsCompare: { ref: { kind: 'compare', year: 2016 }, status: 'no-data' },
      vsPrevious: { status: 'compared' },
      overall: 'better',
    });
    expect(
      indicatorFacts(input({ compare: { year: 2018, value: 41, baseline: false } })),
    ).toMatchObject({ vsCompare: { ref: { year: 2018, baseline: false } }, vsPrevious: null });
    expect(indicatorFacts(input({ year: 2016, value: 152, previous: null }))).toMatchObject({
      yearIsBaseline: true,
      vsCompare: null,
      vsPrevious: null,
    });
  });

  it('peer rank: from the better end, ties share a position, group size and peers with data', () => {
    const at = (self: number, others: (number | null)[], better: 'lower' | 'higher' = 'lower') => {
      const f = indicatorFacts(
        input({
          value: self,
          unit: { unit: 'count', decimals: 0, unitLabel: null, better },
          peers: peers(self, others),
        }),
      );
      return f.status === 'value' ? f.peers : undefined;
    };
    // 10 of 11 from the lowest: the case that read "居第10低".
    expect(at(95, [10, 20, 30, 40, 50, 60, 70, 80, 90, 99])).toEqual({
      groupLabel: 'G',
      size: 11,
      withData: 11,
      countedFrom: 'lowest',
      rank: 10,
      rankFromOtherEnd: 2,
      tied: false,
      allSame: false,
    });
    expect(at(30, [30, 25, 40])).toMatchObject({ rank: 2, rankFromOtherEnd: 2, tied: true });
    expect(at(25, [30, 25, 40])).toMatchObject({ rank: 1, tied: true, allSame: false });
    expect(at(30, [30, 30])).toMatchObject({ rank: 1, rankFromOtherEnd: 1, allSame: true });
    expect(at(27, [30, 25, 40], 'higher')).toMatchObject({ countedFrom: 'highest', rank: 3 });
    expect(at(10, [30, null, 40])).toMatchObject({ size: 4, withData: 3, rank: 1 });
    expect(at(10, [null, null])).toBeNull();
  });
});

describe('rankFacts', () => {
  const ranks = (focusYear: number, list: [number, number | null][]) =>
    rankFacts({
      assessmentName: 'A',
      regionName: 'R',
      scopeWord: 'S',
      focusYear,
      ranks: list.map(([year, rank]) => ({ year, rank, of: rank === null ? null : 19 })),
    });

  it('lists a run of firsts, unranked spans and the focus year with its move, in year order', () => {
    const f = ranks(2022, [
      [2016, 4],
      [2017, 1],
      [2018, 1],
      [2019, 1],
      [2020, null],
      [2021, null],
      [2022, 3],
    ]);
    expect(f).toMatchObject({ status: 'ranked', focusYear: 2022 });
    expect(f.status === 'ranked' && f.items).toEqual([
      { kind: 'run', start: 2017, end: 2019 },
      { kind: 'unranked', start: 2020, end: 2021 },
      {
        kind: 'focus',
        year: 2022,
        rank: 3,
        of: 19,
        previous: { year: 2019, rank: 1, moved: -2 },
      },
    ]);
  });

  it('gives the latest ranking when the focus year is unranked, and none when nothing is', () => {
    const f = ranks(2021, [
      [2019, 3],
      [2020, 2],
    ]);
    expect(f.status === 'ranked' && f.items).toEqual([
      { kind: 'unranked', start: 2021, end: 2021 },
      { kind: 'latest', year: 2020, rank: 2, of: 19 },
    ]);
    expect(ranks(2021, [[2021, null]])).toMatchObject({ status: 'none' });
  });
});
