import type { IndicatorId } from './indicator-ids';
import { peopleIndicators } from './indicators-people';
import { workIndicators } from './indicators-work';

export { INDICATOR_IDS, type DemoIndicator, type IndicatorId } from './indicator-ids';

/**
 * Counted where the things counted are, all of them in some district (people on the register
 * where they live, communities, venues): the city's figure is its districts' sum. The app never
 * adds districts up itself; the demo city reports the sum, as a real city office would.
 */
export const CITY_IS_DISTRICT_SUM: ReadonlySet<IndicatorId> = new Set<IndicatorId>([
  'registered-users',
  'new-users',
  'venues-suspended',
  'drug-free-communities',
  'spring-thunder-venues',
]);

/**
 * Police work that city-level units do too: the city's figure is more than its districts' sum
 * (derive.ts cityValues), which the indicator's description (contract `description`) says.
 */
export const CITY_OWN_WORK: ReadonlySet<IndicatorId> = new Set<IndicatorId>([
  'compulsory-admissions',
  'drug-cases',
  'suspects-arrested',
  'drugs-seized',
  'logistics-inspected',
  'theft-robbery',
  'aw-drug-cases',
  'ttc-suspects',
]);
const CITY_OWN_WORK_NOTE = {
  zh: '海口市的数字含市直单位办理的部分，不等于各区之和。',
  en: "Haikou's figure includes what city-level units handled themselves, so it is not the sum of the districts.",
};

/** The city's own staff, money and contest rounds, beside the districts': again more than the sum. */
export const CITY_OWN_SHARE: ReadonlySet<IndicatorId> = new Set<IndicatorId>([
  'contest-participations',
  'staff',
  'funding',
]);
const CITY_OWN_SHARE_NOTE = {
  zh: '海口市的数字含市本级（市禁毒办等）的部分，不等于各区之和。',
  en: "Haikou's figure includes the city's own share (the city anti-drug office and other city-level bodies), so it is not the sum of the districts.",
};

export const demoIndicators = [...peopleIndicators, ...workIndicators].map((i) => {
  const note = CITY_OWN_WORK.has(i.id)
    ? CITY_OWN_WORK_NOTE
    : CITY_OWN_SHARE.has(i.id)
      ? CITY_OWN_SHARE_NOTE
      : null;
  return note && i.description
    ? {
        ...i,
        description: {
          zh: `${i.description.zh}${note.zh}`,
          en: `${i.description.en} ${note.en}`,
        },
      }
    : i;
});

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

export const TARGETS: Partial<Record<IndicatorId, number>> = {
  'rehab-execution-rate': 100,
  'rehab-reporting-rate': 95,
};
