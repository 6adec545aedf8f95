import type {
  WireAggregation,
  WireBetter,
  WireCapability,
  WireStatus,
  WireUnit,
} from './wire-types';

export type Unit = WireUnit;
export type Better = WireBetter;
export type Aggregation = WireAggregation;
export type ObservationStatus = WireStatus;
export type Capability = WireCapability;
export const AGGREGATIONS: readonly Aggregation[] = ['flow', 'stock', 'rate', 'cumulative'];
export const OBSERVATION_STATUSES: readonly ObservationStatus[] = [
  'missing',
  'withheld',
  'not-applicable',
];
export const CAPABILITIES: readonly Capability[] = [
  'region-list',
  'depth',
  'level',
  'rankings-region',
];
/** Both languages always present after parsing: a missing one falls back to the other. */
export interface Localized {
  zh: string;
  en: string;
}
export type RegionLevel = 'province' | 'city' | 'district' | 'township';
export const REGION_LEVELS: readonly RegionLevel[] = ['province', 'city', 'district', 'township'];

export interface Region {
  id: string;
  level: RegionLevel;
  parent: string | null;
  name: Localized;
  /** (1.1) First and last year the region exists (merged, split or renamed townships). */
  validFrom?: number | null;
  validTo?: number | null;
}
export interface Campaign {
  id: string;
  name: Localized;
  startYear: number;
  endYear: number;
  baselineYear: number;
}
export interface Programme {
  id: string;
  name: Localized;
}
export interface Indicator {
  id: string;
  name: Localized;
  unit: Unit;
  unitLabel: Localized | null;
  decimals: number;
  better: Better;
  programme: string | null;
  headline: boolean;
  description: Localized | null;
  /** (1.1) null = unknown: never summed across years. */
  aggregation?: Aggregation | null;
}
export interface Assessment {
  id: string;
  name: Localized;
  /** The region whose sub-regions are ranked, or null when the ranking body is outside the data. */
  scope: string | null;
  /** (1.1) Names the ranking body when `scope` is null (or to override the region's name). */
  scopeName?: Localized | null;
  /** (1.1) Which score is better (absent = higher); rank 1 is always the best. */
  better?: 'higher' | 'lower';
  scoreDecimals?: number | null;
}
export interface Meta {
  apiVersion: number;
  /** (1.1) The optional query features this server honours. */
  capabilities?: readonly Capability[];
  /** (1.1) Changes whenever any answer of the server changes. */
  dataVersion?: string | null;
  title: Localized | null;
  source: Localized | null;
  dataAsOf: string | null;
  years: number[];
  regions: Region[];
  campaigns: Campaign[];
  programmes: Programme[];
  indicators: Indicator[];
  assessments: Assessment[];
}
export interface Observation {
  indicator: string;
  region: string;
  year: number;
  value: number | null;
  target: number | null;
  provisional: boolean;
  note: Localized | null;
  /** (1.1) Why `value` is null, when the server says. */
  status?: ObservationStatus | null;
  /** Set when a small township count is hidden: the value is null and shows as "<N". */
  suppressedBelow: number | null;
}
export interface Ranking {
  assessment: string;
  year: number;
  region: string;
  rank: number;
  of: number;
  score: number | null;
}

export type Endpoint = 'meta' | 'observations' | 'rankings';
export type IssueReason =
  | 'invalid'
  | 'missing'
  | 'not-finite'
  | 'unknown-id'
  | 'duplicate'
  | 'rank-exceeds-of'
  | 'year-not-in-meta'
  | 'bad-campaign-years'
  | 'unsorted-years'
  | 'status-with-value'
  | 'outside-validity'
  | 'bad-validity';

/** One record left out (or repaired) at the boundary, described for the data-quality notice. */
export interface QualityIssue {
  endpoint: Endpoint;
  /** Position in the response array, or null for a top-level field. */
  index: number | null;
  /** Human-readable identification of the record: ids it carried. */
  record: string;
  field: string;
  reason: IssueReason;
  /** The offending value, shortened, shown verbatim as text. */
  detail: string;
}

export interface Parsed<T> {
  data: T;
  issues: QualityIssue[];
  /** (1.1) The answer's `dataVersion`, when the server sends one. */
  dataVersion?: string | null;
}
