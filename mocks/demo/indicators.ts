import type { IndicatorId } from './indicator-ids';
import { peopleIndicators } from './indicators-people';
import { workIndicators } from './indicators-work';

export { INDICATOR_IDS, type DemoIndicator, type IndicatorId } from './indicator-ids';

export const demoIndicators = [...peopleIndicators, ...workIndicators];

/** Counts accumulated since the first round began; there is no figure before it. */
export const CUMULATIVE_INDICATORS: ReadonlySet<IndicatorId> = new Set<IndicatorId>([
  'venues-suspended',
  'contest-participations',
  'funding',
]);

/** Only these are published below district level; they are what township drill-down shows. */
export const TOWNSHIP_INDICATORS: readonly IndicatorId[] = [
  'user-share',
  'registered-users',
  'new-users',
  'abstinent-3y-share',
  'rehab-execution-rate',
  'rehab-reporting-rate',
  'drug-cases',
  'theft-robbery',
];

/** The city does not publish its own figure for these two. */
export const NOT_AT_CITY_LEVEL: ReadonlySet<IndicatorId> = new Set<IndicatorId>([
  'drug-free-communities',
  'spring-thunder-venues',
]);

export const TARGETS: Partial<Record<IndicatorId, number>> = {
  'rehab-execution-rate': 100,
  'rehab-reporting-rate': 95,
};
