/** The demo as a revision 1.1 server: capabilities, dataVersion, aggregation, statuses, validity. */
import { describe, expect, it } from 'vitest';
import { parseMeta } from '@contract/parse-meta';
import { parseObservations, parseRankings } from '@contract/parse-records';
import { CAPABILITIES } from '@contract/types';
import type { WireObservation } from '@contract/wire-types';
import { dataVersionOf } from '../revision';
import { DEMO_DATA_VERSION, demoDataset, demoMeta } from './dataset';
import { DEMO_EMPTY_CELLS } from './observations';
import { LONGHUA, ZUNTAN_RENAMED_AFTER, ZUNTAN_SUBDISTRICT, ZUNTAN_TOWN } from './regions';

const { observations } = demoDataset;
const cellsOf = (region: string, indicator?: string): WireObservation[] =>
  observations.filter((o) => o.region === region && (!indicator || o.indicator === indicator));

describe('the demo meta (1.1)', () => {
  it('lists every query feature the shared rules honour', () => {
    expect(demoMeta.capabilities).toEqual(['region-list', 'depth', 'level', 'rankings-region']);
    expect(demoMeta.capabilities).toEqual(CAPABILITIES);
  });

  it('carries a dataVersion that is a hash of the data, the same on every build', () => {
    expect(demoMeta.dataVersion).toBe(DEMO_DATA_VERSION);
    expect(DEMO_DATA_VERSION).toMatch(/^demo-[0-9a-f]{12}$/);
    expect(dataVersionOf(structuredClone(demoDataset), 'demo-')).toBe(DEMO_DATA_VERSION);
  });

  it('gets a new dataVersion when any value changes', () => {
    const edited = structuredClone(demoDataset) as typeof demoDataset & {
      observations: WireObservation[];
    };
    const cell = edited.observations[100];
    if (!cell || cell.value === null) throw new Error('expected a value at index 100');
    cell.value += 1;
    expect(dataVersionOf(edited, 'demo-')).not.toBe(DEMO_DATA_VERSION);
  });

  it('marks every indicator with how its years combine', () => {
    const byKind = (kind: string) =>
      demoMeta.indicators.filter((i) => i.aggregation === kind).map((i) => i.id);
    expect(byKind('flow')).toEqual([
      'new-users',
      'compulsory-admissions',
      'drug-cases',
      'suspects-arrested',
      'drugs-seized',
      'logistics-inspected',
      'theft-robbery',
      'contest-participations',
      'funding',
      'aw-drug-cases',
      'ttc-suspects',
      'spring-thunder-venues',
    ]);
    expect(byKind('stock')).toEqual(['registered-users', 'staff', 'drug-free-communities']);
    expect(byKind('rate')).toEqual([
      'user-share',
      'abstinent-3y-share',
      'rehab-execution-rate',
      'rehab-reporting-rate',
    ]);
    expect(byKind('cumulative')).toEqual(['venues-suspended']);
    // Names no longer say "cumulative" where the figure is a yearly flow.
    for (const i of demoMeta.indicators)
      if (i.aggregation !== 'cumulative') expect(i.name.zh, i.id).not.toContain('累计');
  });

  it('passes the client-side checks without a single issue', () => {
    const meta = parseMeta(structuredClone(demoMeta));
    expect(meta.issues).toEqual([]);
    const parsed = parseObservations({ observations: structuredClone(observations) }, meta.data);
    expect(parsed.issues).toEqual([]);
    expect(parsed.data).toHaveLength(observations.length);
    const ranks = parseRankings({ rankings: structuredClone(demoDataset.rankings) }, meta.data);
    expect(ranks.issues).toEqual([]);
  });
});

describe('honest kinds of missing (1.1 status)', () => {
  const empty = observations.filter((o) => o.value === null);

  it('gives every empty cell a status and a note, and no cell with a value a status', () => {
    for (const o of empty) {
      expect(o.status, `${o.indicator} ${o.region} ${String(o.year)}`).toBeDefined();
      expect(o.note?.zh).toBeTruthy();
      expect(o.note?.en).toBeTruthy();
    }
    expect(observations.filter((o) => o.value !== null && o.status !== undefined)).toEqual([]);
  });

  it('has a few of each kind', () => {
    const count = (status: string) => empty.filter((o) => o.status === status).length;
    expect(count('withheld')).toBe(2);
    expect(count('missing')).toBe(6);
    // The venues running total and the contest did not exist in 2016 (city and 4 districts), and
    // one township had nobody under a community rehabilitation order in 2022.
    expect(count('not-applicable')).toBe(11);
    expect(empty).toHaveLength(19);
  });

  it('withholds only township counts, never a rate or a higher level', () => {
    for (const o of empty.filter((c) => c.status === 'withheld')) {
      expect(o.region).toMatch(/^460106\d{3}$/);
      expect(o.indicator).toBe('new-users');
    }
  });

  it('lists each chosen empty cell once, on a cell that exists', () => {
    for (const c of DEMO_EMPTY_CELLS) {
      const cell = observations.filter(
        (o) => o.indicator === c.indicator && o.region === c.region && o.year === c.year,
      );
      expect(cell, `${c.indicator} ${c.region} ${String(c.year)}`).toEqual([
        expect.objectContaining({ value: null, status: c.status, note: c.note }),
      ]);
    }
  });

  it('leaves the published Longhua years alone: only the not-yet-existing 2016 cells are empty', () => {
    const longhua = cellsOf(LONGHUA).filter((o) => o.year <= 2019 && o.value === null);
    expect(longhua.map((o) => `${o.indicator} ${String(o.year)} ${o.status ?? ''}`)).toEqual([
      'venues-suspended 2016 not-applicable',
      'contest-participations 2016 not-applicable',
    ]);
  });
});

describe('a township renamed during the campaign (1.1 validity years)', () => {
  const town = demoMeta.regions.find((r) => r.id === ZUNTAN_TOWN);
  const successor = demoMeta.regions.find((r) => r.id === ZUNTAN_SUBDISTRICT);

  it('ends one year and its successor starts the next, under the same district', () => {
    expect(town).toMatchObject({ validTo: ZUNTAN_RENAMED_AFTER, parent: LONGHUA });
    expect(town?.validFrom).toBeUndefined();
    expect(successor).toMatchObject({ validFrom: ZUNTAN_RENAMED_AFTER + 1, parent: LONGHUA });
    expect(successor?.validTo).toBeUndefined();
    expect(demoMeta.regions.filter((r) => r.validFrom ?? r.validTo)).toHaveLength(2);
  });

  it('has observations only within its years', () => {
    const townYears = new Set(cellsOf(ZUNTAN_TOWN).map((o) => o.year));
    const successorYears = new Set(cellsOf(ZUNTAN_SUBDISTRICT).map((o) => o.year));
    expect([...townYears].sort()).toEqual([2016, 2017, 2018]);
    expect([...successorYears].sort()).toEqual([2019, 2020, 2021, 2022]);
  });

  it('continues the same series: one township, one line, two names', () => {
    const before = cellsOf(ZUNTAN_TOWN, 'registered-users');
    const after = cellsOf(ZUNTAN_SUBDISTRICT, 'registered-users');
    expect(before).toHaveLength(3);
    expect(after).toHaveLength(4);
    const last = before.at(-1)?.value ?? 0;
    const first = after[0]?.value ?? 0;
    // No jump at the renaming beyond the district's own fall that year (2018 → 2019: −40 %).
    expect(first / last).toBeGreaterThan(0.3);
    expect(first / last).toBeLessThan(1);
  });
});
