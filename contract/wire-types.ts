/**
 * The wire format of ../shared/api/CONTRACT.md as plain TypeScript types, written out independently of the app's own
 * schema so that the mocks test the app's boundary validation instead of sharing its types.
 * Everything here is plain JSON: no `undefined` fields, no class instances, no dates.
 */
export interface WireText {
  zh: string;
  en: string;
}

export type WireRegionLevel = 'province' | 'city' | 'district' | 'township';
export type WireUnit = 'count' | 'percent' | 'permille' | 'cny' | 'kg' | 'score';
export type WireBetter = 'lower' | 'higher' | 'neutral';
/** (1.1) How an indicator's years relate: which ones may be summed into a campaign total. */
export type WireAggregation = 'flow' | 'stock' | 'rate' | 'cumulative';
/** (1.1) Why a value is null. */
export type WireStatus = 'missing' | 'withheld' | 'not-applicable';
/** (1.1) Optional query features a server honours when it lists them in `meta.capabilities`. */
export type WireCapability = 'region-list' | 'depth' | 'level' | 'rankings-region';

export interface WireRegion {
  id: string;
  level: WireRegionLevel;
  parent: string | null;
  name: WireText;
  validFrom?: number;
  validTo?: number;
}

export interface WireCampaign {
  id: string;
  name: WireText;
  startYear: number;
  endYear: number;
  baselineYear: number;
}

export interface WireProgramme {
  id: string;
  name: WireText;
}

export interface WireIndicator {
  id: string;
  name: WireText;
  unit: WireUnit;
  unitLabel?: WireText;
  decimals: number;
  better: WireBetter;
  programme: string | null;
  headline?: boolean;
  description?: WireText;
  aggregation?: WireAggregation;
}

export interface WireAssessment {
  id: string;
  name: WireText;
  /** null (1.1): the ranking body is outside this data; `scopeName` names it. */
  scope: string | null;
  scopeName?: WireText;
  better?: 'higher' | 'lower';
  scoreDecimals?: number;
}

export interface WireMeta {
  apiVersion: number;
  capabilities?: readonly WireCapability[];
  dataVersion?: string;
  title: WireText;
  source: WireText;
  dataAsOf: string;
  years: readonly number[];
  regions: readonly WireRegion[];
  campaigns: readonly WireCampaign[];
  programmes: readonly WireProgramme[];
  indicators: readonly WireIndicator[];
  assessments: readonly WireAssessment[];
}

export interface WireObservation {
  indicator: string;
  region: string;
  year: number;
  value: number | null;
  target?: number;
  provisional?: boolean;
  note?: WireText;
  status?: WireStatus;
}

export interface WireRanking {
  assessment: string;
  year: number;
  region: string;
  rank: number;
  of: number;
  score?: number;
}

/** What one server serves: the three endpoint bodies before any query filtering. */
export interface WireDataset {
  meta: WireMeta;
  observations: readonly WireObservation[];
  rankings: readonly WireRanking[];
}
