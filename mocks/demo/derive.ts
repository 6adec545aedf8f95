import { jitter, randomFor, roundTo } from './prng';
import { YEARS } from './catalogue';
import {
  CITY_IS_DISTRICT_SUM,
  CUMULATIVE_INDICATORS,
  demoIndicators,
  type IndicatorId,
} from './indicators';
import { LONGHUA_POPULATION_K, longhuaSeries } from './longhua';
import {
  DISTRICT_IDS,
  LONGHUA,
  LONGHUA_TOWNSHIP_IDS,
  seriesTownship,
  type DistrictId,
} from './regions';

/** One value per entry of YEARS. */
export type Values = readonly (number | null)[];

interface DistrictProfile {
  /** Scale of counts and money relative to Longhua. */
  size: number;
  populationK: number;
  /** How much higher the drug-user share runs than Longhua's. */
  shareFactor: number;
  /** Percentage points added to Longhua's rates (Longhua led the province, so negative). */
  rateOffset: number;
}

const PROFILES: Readonly<Record<DistrictId, DistrictProfile>> = {
  '460105': { size: 0.55, populationK: 380, shareFactor: 1.1, rateOffset: -2.5 },
  '460106': { size: 1, populationK: LONGHUA_POPULATION_K, shareFactor: 1, rateOffset: 0 },
  '460107': { size: 0.75, populationK: 530, shareFactor: 1.35, rateOffset: -4 },
  '460108': { size: 0.95, populationK: 640, shareFactor: 1.2, rateOffset: -1.5 },
};

const CITY_POPULATION_K = 2300;

/**
 * Rough population shares of Longhua's townships (meta order; the renamed town's successor
 * continues its share): the urban sub-districts are larger.
 */
const TOWNSHIP_WEIGHTS = [0.13, 0.11, 0.12, 0.1, 0.09, 0.1, 0.09, 0.06, 0.07, 0.06, 0.07];

function decimalsOf(indicator: IndicatorId): number {
  return demoIndicators.find((i) => i.id === indicator)?.decimals ?? 0;
}

function unitOf(indicator: IndicatorId): string {
  return demoIndicators.find((i) => i.id === indicator)?.unit ?? 'count';
}

function clampRate(value: number, indicator: IndicatorId): number {
  return Math.min(100, Math.max(0, roundTo(value, decimalsOf(indicator))));
}

function finish(values: readonly (number | null)[], indicator: IndicatorId): Values {
  const decimals = decimalsOf(indicator);
  return values.map((v) => (v === null ? null : roundTo(v, decimals)));
}

/** Cumulative series are scaled by their yearly increments so they never go down. */
function scaleCumulative(reference: Values, scale: (increment: number) => number): Values {
  let previous = 0;
  let total = 0;
  return reference.map((v) => {
    if (v === null) return null;
    total += Math.max(0, scale(v - previous));
    previous = v;
    return total;
  });
}

export function districtValues(indicator: IndicatorId, district: DistrictId): Values {
  const reference = longhuaSeries[indicator];
  if (district === LONGHUA) return reference;
  const profile = PROFILES[district];
  const random = randomFor(`${indicator}|${district}`);
  if (indicator === 'registered-users') {
    const shares = districtValues('user-share', district);
    return finish(
      shares.map((s) => (s === null ? null : s * profile.populationK)),
      indicator,
    );
  }
  if (CUMULATIVE_INDICATORS.has(indicator)) {
    return finish(
      scaleCumulative(reference, (inc) => inc * profile.size * jitter(random, 1, 0.15)),
      indicator,
    );
  }
  const unit = unitOf(indicator);
  return finish(
    reference.map((v) => {
      if (v === null) return null;
      if (unit === 'permille') return v * profile.shareFactor * jitter(random, 1, 0.05);
      if (unit === 'percent')
        return clampRate(v + profile.rateOffset + jitter(random, 0, 1.2), indicator);
      return v * profile.size * jitter(random, 1, unit === 'kg' ? 0.25 : 0.1);
    }),
    indicator,
  );
}

/**
 * The city's own figures: close to what its districts report, but not their sum, because
 * city-level units handle cases of their own (CITY_OWN_WORK, CITY_OWN_SHARE: the description
 * says so) and rates do not add up; exactly their sum where everything counted lies in a
 * district (CITY_IS_DISTRICT_SUM), and then only when every district reports.
 */
export function cityValues(indicator: IndicatorId): Values {
  const random = randomFor(`${indicator}|city`);
  const perDistrict = DISTRICT_IDS.map((d) => ({ d, values: districtValues(indicator, d) }));
  if (CITY_IS_DISTRICT_SUM.has(indicator))
    return finish(
      YEARS.map((_, i) => {
        const each = perDistrict.map(({ values }) => values[i] ?? null);
        return each.some((v) => v === null)
          ? null
          : each.reduce<number>((sum, v) => sum + (v ?? 0), 0);
      }),
      indicator,
    );
  if (indicator === 'user-share') {
    const users = cityValues('registered-users');
    return finish(
      users.map((u) => (u === null ? null : u / CITY_POPULATION_K)),
      indicator,
    );
  }
  const unit = unitOf(indicator);
  // One factor per series keeps cumulative series monotone.
  const cityFactor = jitter(random, 1.04, 0.02);
  return finish(
    YEARS.map((_, i) => {
      const present = perDistrict.flatMap(({ d, values }) => {
        const v = values[i];
        return v === undefined || v === null ? [] : [{ v, weight: PROFILES[d].populationK }];
      });
      if (present.length === 0) return null;
      if (unit === 'percent') {
        const totalWeight = present.reduce((sum, p) => sum + p.weight, 0);
        const mean = present.reduce((sum, p) => sum + p.v * p.weight, 0) / totalWeight;
        return clampRate(mean + jitter(random, 0, 0.4), indicator);
      }
      return present.reduce((sum, p) => sum + p.v, 0) * cityFactor;
    }),
    indicator,
  );
}

/**
 * Longhua's townships: small counts (several below 5) for testing small-count suppression. A
 * renamed township continues its predecessor's series (same territory, same people).
 */
export function townshipValues(indicator: IndicatorId, township: string): Values {
  const source = seriesTownship(township);
  const weight = TOWNSHIP_WEIGHTS[LONGHUA_TOWNSHIP_IDS.indexOf(source)] ?? 0.09;
  const random = randomFor(`${indicator}|${source}`);
  const district = longhuaSeries[indicator];
  if (indicator === 'user-share') {
    const users = townshipValues('registered-users', township);
    return finish(
      users.map((u) => (u === null ? null : u / (LONGHUA_POPULATION_K * weight))),
      indicator,
    );
  }
  const unit = unitOf(indicator);
  return finish(
    district.map((v) => {
      if (v === null) return null;
      if (unit === 'percent') return clampRate(v + jitter(random, 0, 3), indicator);
      return v * weight * jitter(random, 1, 0.35);
    }),
    indicator,
  );
}
