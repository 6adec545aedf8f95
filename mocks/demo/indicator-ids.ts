import type { WireIndicator, WireText } from '@contract/wire-types';

export const INDICATOR_IDS = [
  'user-share',
  'registered-users',
  'new-users',
  'abstinent-3y-share',
  'rehab-execution-rate',
  'rehab-reporting-rate',
  'compulsory-admissions',
  'drug-cases',
  'suspects-arrested',
  'drugs-seized',
  'venues-suspended',
  'logistics-inspected',
  'theft-robbery',
  'contest-participations',
  'staff',
  'funding',
  'drug-free-communities',
  'aw-drug-cases',
  'ttc-suspects',
  'spring-thunder-venues',
] as const;
export type IndicatorId = (typeof INDICATOR_IDS)[number];

export type DemoIndicator = WireIndicator & { id: IndicatorId };

export const PEOPLE: WireText = { zh: '人', en: 'people' };
export const CASES: WireText = { zh: '起', en: 'cases' };
export const FIRMS: WireText = { zh: '家', en: 'businesses' };
export const PARTICIPATIONS: WireText = { zh: '人次', en: 'participations' };
export const COMMUNITIES: WireText = { zh: '个', en: 'communities' };

export function text(zh: string, en: string): WireText {
  return { zh, en };
}
