import type { WireBetter, WireUnit } from './wire-types';

export type Unit = WireUnit;
export type Better = WireBetter;
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
}
export interface Assessment {
  id: string;
  name: Localized;
  scope: string;
}
export interface Meta {
  apiVersion: number;
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
  | 'unsorted-years';

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
}
