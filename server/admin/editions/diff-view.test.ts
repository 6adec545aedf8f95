/**
 * The diff as the data page shows it: in workbook order (not id order), named from the newer
 * meta or the older one for what was removed, rankings after the indicators, capped at 5,000
 * cells with complete totals.
 */
import { describe, expect, it } from 'vitest';
import type { WireDataset, WireObservation } from '@contract/wire-types';
import { diffDatasets } from '../../db/diff';
import { MAX_CELLS, buildDiffView } from './diff-view';

const name = (s: string) => ({ zh: `${s}（中）`, en: s });

/** Indicators z, y, x and regions r9 … r0: workbook order is the reverse of id order. */
function dataset(regions: string[], years: number[], value = 1): WireDataset {
  const indicators = ['z', 'y', 'x'];
  const observations: WireObservation[] = [];
  for (const indicator of indicators)
    for (const region of regions)
      for (const year of years) observations.push({ indicator, region, year, value });
  return {
    meta: {
      apiVersion: 1,
      title: name('t'),
      source: name('s'),
      dataAsOf: '2026-01-01',
      years,
      regions: regions.map((id) => ({ id, level: 'district', parent: null, name: name(id) })),
      campaigns: [],
      programmes: [],
      indicators: indicators.map((id) => ({
        id,
        name: name(id),
        unit: 'percent',
        decimals: 0,
        better: 'lower',
        programme: null,
      })),
      assessments: [{ id: 'a', name: name('a'), scope: null }],
    },
    observations: observations.reverse(),
    rankings: [{ assessment: 'a', year: years[0] ?? 0, region: regions[0] ?? '', rank: 1, of: 2 }],
  };
}

describe('the diff view', () => {
  it('lists cells in workbook order, names removed ones from the older meta, ranks last', () => {
    const before = dataset(['r1', 'gone'], [2020, 2021]);
    const after = dataset(['r1'], [2020, 2021], 2);
    after.rankings = [{ ...after.rankings[0], rank: 2 } as WireDataset['rankings'][number]];
    const view = buildDiffView(diffDatasets(before, after), before.meta, after.meta);
    expect(view.totals).toEqual({
      added: 0,
      changed: 6,
      removed: 6,
      rankingsAdded: 0,
      rankingsChanged: 1,
      rankingsRemoved: 0,
    });
    expect(view.dimensions.regions).toMatchObject({ removed: ['gone'] });
    expect(view.groups.map((g) => `${g.indicator.id}/${g.region.name.en}`)).toEqual([
      'z/r1',
      'z/gone',
      'y/r1',
      'y/gone',
      'x/r1',
      'x/gone',
      'assessment:a/r1',
    ]);
    expect(view.groups[0]?.indicator).toEqual({
      id: 'z',
      name: name('z'),
      unit: { zh: '%', en: '%' },
    });
    expect(view.groups[0]?.cells).toEqual([
      { year: 2020, kind: 'changed', before: { value: 1 }, after: { value: 2 } },
      { year: 2021, kind: 'changed', before: { value: 1 }, after: { value: 2 } },
    ]);
    expect(view.groups[1]?.cells.map((c) => [c.kind, c.after])).toEqual([
      ['removed', null],
      ['removed', null],
    ]);
    expect(view.groups[6]).toEqual({
      indicator: { id: 'assessment:a', name: name('a'), unit: null },
      region: { id: 'r1', name: name('r1') },
      cells: [{ year: 2020, kind: 'changed', before: { value: 1 }, after: { value: 2 } }],
    });
    expect([view.truncated, view.cellCount]).toEqual([false, 13]);
  });

  it('lists at most 5,000 cells, the first in order, and counts them all', () => {
    const regions = Array.from({ length: 40 }, (_, i) => `r${39 - i}`);
    const years = Array.from({ length: 50 }, (_, i) => 1980 + i);
    const after = dataset(regions, years);
    const view = buildDiffView(diffDatasets(null, after), null, after.meta);
    expect(view.totals.added).toBe(3 * 40 * 50);
    expect(view.totals.rankingsAdded).toBe(1);
    expect(view.truncated).toBe(true);
    expect(view.cellCount).toBe(MAX_CELLS);
    expect(view.groups.reduce((n, g) => n + g.cells.length, 0)).toBe(MAX_CELLS);
    // 2,000 cells per indicator: z and y whole, x's first 20 regions.
    expect(view.groups[0]).toMatchObject({ indicator: { id: 'z' }, region: { id: 'r39' } });
    expect(view.groups[0]?.cells.map((c) => c.year)).toEqual(years);
    expect(view.groups.at(-1)).toMatchObject({ indicator: { id: 'x' }, region: { id: 'r20' } });
  });
});
