/**
 * Responses that break the contract's record rules, as plain data (no msw) so any server or test
 * can use them. Each broken record is one the client must leave out and report; everything else
 * in the response is valid and must still be shown.
 */
import type { WireDataset, WireObservation } from '@contract/wire-types';
import { demoDataset } from './demo/dataset';

export const HOSTILE_LABEL = '<img src=x onerror=alert(1)>';

export type BrokenKind =
  | 'value-nan-string'
  | 'value-infinity-string'
  | 'unknown-indicator'
  | 'unknown-region'
  | 'duplicate-cell'
  | 'year-as-string'
  | 'missing-value'
  | 'year-not-in-meta'
  | 'rank-above-of'
  | 'rank-nan-string'
  | 'rank-zero'
  | 'unknown-assessment';

export interface BrokenRecord {
  kind: BrokenKind;
  /** The field a client should name when it reports the record. */
  field: string;
  record: Readonly<Record<string, unknown>>;
}

/**
 * Apart from the duplicate, every record sits in a cell the demo data leave empty, so each one is
 * wrong for exactly one reason whatever order a client checks the rules in.
 */
export const brokenObservations: readonly BrokenRecord[] = [
  {
    kind: 'value-nan-string',
    field: 'value',
    record: { indicator: 'drugs-seized', region: '460106001', year: 2018, value: 'NaN' },
  },
  {
    kind: 'value-infinity-string',
    field: 'value',
    record: { indicator: 'drugs-seized', region: '460106002', year: 2018, value: 'Infinity' },
  },
  {
    kind: 'unknown-indicator',
    field: 'indicator',
    record: { indicator: 'heroin-price', region: '460106', year: 2018, value: 12 },
  },
  {
    kind: 'unknown-region',
    field: 'region',
    record: { indicator: 'new-users', region: '460106099', year: 2018, value: 3 },
  },
  {
    // Follows the demo's own (new-users, 460106, 2019) = 10, the published figure, so a client
    // that keeps the first occurrence still shows the published value.
    kind: 'duplicate-cell',
    field: '(indicator, region, year)',
    record: { indicator: 'new-users', region: '460106', year: 2019, value: 11 },
  },
  {
    kind: 'year-as-string',
    field: 'year',
    record: { indicator: 'drugs-seized', region: '460106003', year: '2018', value: 1.2 },
  },
  {
    kind: 'missing-value',
    field: 'value',
    record: { indicator: 'drugs-seized', region: '460106004', year: 2018 },
  },
  {
    kind: 'year-not-in-meta',
    field: 'year',
    record: { indicator: 'drugs-seized', region: '460106005', year: 2031, value: 1 },
  },
];

/** Haikou itself is never ranked in the demo, so these cells are free. */
export const brokenRankings: readonly BrokenRecord[] = [
  {
    kind: 'rank-above-of',
    field: 'rank',
    record: { assessment: 'province-overall', year: 2018, region: '460100', rank: 20, of: 19 },
  },
  {
    kind: 'year-as-string',
    field: 'year',
    record: { assessment: 'province-enforcement', year: '2019', region: '460100', rank: 3, of: 19 },
  },
  {
    kind: 'unknown-region',
    field: 'region',
    record: { assessment: 'city-overall', year: 2019, region: '460199', rank: 2, of: 4 },
  },
  {
    kind: 'unknown-assessment',
    field: 'assessment',
    record: { assessment: 'national-overall', year: 2019, region: '460106', rank: 1, of: 2800 },
  },
  {
    kind: 'rank-nan-string',
    field: 'rank',
    record: { assessment: 'province-overall', year: 2019, region: '460100', rank: 'NaN', of: 19 },
  },
  {
    kind: 'rank-zero',
    field: 'rank',
    record: { assessment: 'province-overall', year: 2020, region: '460100', rank: 0, of: 19 },
  },
];

/**
 * A valid record whose footnote is markup. It is not rejected: the client must show the note as
 * literal text. It replaces the note-less demo cell (new-users, 460106, 2018), a headline series.
 */
export const HOSTILE_CELL = { indicator: 'new-users', region: '460106', year: 2018 } as const;
export const HOSTILE_NOTE = { zh: `说明${HOSTILE_LABEL}`, en: `Note ${HOSTILE_LABEL}` };

function withHostileNote(o: WireObservation): WireObservation {
  const hostile =
    o.indicator === HOSTILE_CELL.indicator &&
    o.region === HOSTILE_CELL.region &&
    o.year === HOSTILE_CELL.year;
  return hostile ? { ...o, note: HOSTILE_NOTE } : o;
}

/** Every demo observation (one carrying HOSTILE_NOTE) followed by every broken one. */
export function brokenObservationsBody(dataset: WireDataset = demoDataset): {
  observations: unknown[];
} {
  return {
    observations: [
      ...dataset.observations.map(withHostileNote),
      ...brokenObservations.map((b) => b.record),
    ],
  };
}

/** Every demo ranking followed by every broken one. */
export function brokenRankingsBody(dataset: WireDataset = demoDataset): { rankings: unknown[] } {
  return { rankings: [...dataset.rankings, ...brokenRankings.map((b) => b.record)] };
}

export const brokenRecordCounts = {
  observations: brokenObservations.length,
  rankings: brokenRankings.length,
} as const;
