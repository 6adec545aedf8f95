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

export interface WireRegion {
  id: string;
  level: WireRegionLevel;
  parent: string | null;
  name: WireText;
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
}

export interface WireAssessment {
  id: string;
  name: WireText;
  scope: string;
}

export interface WireMeta {
  apiVersion: number;
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
