import type { IndicatorId } from './indicator-ids';
import { peopleIndicators } from './indicators-people';
import { workIndicators } from './indicators-work';

export { INDICATOR_IDS, type DemoIndicator, type IndicatorId } from './indicator-ids';

export const demoIndicators = [...peopleIndicators, ...workIndicators];

/** Running totals (1.1 `aggregation: 'cumulative'`): the latest year is the total. */
export const CUMULATIVE_INDICATORS: ReadonlySet<IndicatorId> = new Set(
  demoIndicators.filter((i) => i.aggregation === 'cumulative').map((i) => i.id),
);

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
