import type { WireObservation, WireText } from '@contract/wire-types';
import { PROVISIONAL_YEAR, YEARS } from './catalogue';
import { cityValues, districtValues, townshipValues, type Values } from './derive';
import {
  CUMULATIVE_INDICATORS,
  demoIndicators,
  NOT_AT_CITY_LEVEL,
  TARGETS,
  TOWNSHIP_INDICATORS,
  type IndicatorId,
} from './indicators';
import { DISTRICT_IDS, HAIKOU, LONGHUA_TOWNSHIP_IDS, MEILAN, QIONGSHAN, XIUYING } from './regions';

export const NOT_REPORTED: WireText = { zh: '数据暂缺', en: 'Not reported' };
export const NOT_COUNTED_BEFORE_CAMPAIGN: WireText = {
  zh: '首轮大会战开始前不统计',
  en: 'Not counted before the first campaign round',
};

interface Cell {
  indicator: IndicatorId;
  region: string;
  year: number;
}

/** Honest gaps: cells the data owner did not report, so the client must show "no data". */
export const DEMO_GAPS: readonly Cell[] = [
  { indicator: 'drugs-seized', region: QIONGSHAN, year: 2016 },
  { indicator: 'compulsory-admissions', region: XIUYING, year: 2018 },
  { indicator: 'rehab-reporting-rate', region: MEILAN, year: 2021 },
  { indicator: 'logistics-inspected', region: HAIKOU, year: 2016 },
  { indicator: 'new-users', region: '460106009', year: 2017 },
];

function isGap(indicator: IndicatorId, region: string, year: number): boolean {
  return DEMO_GAPS.some((g) => g.indicator === indicator && g.region === region && g.year === year);
}

function toObservations(indicator: IndicatorId, region: string, values: Values): WireObservation[] {
  const target = TARGETS[indicator];
  return YEARS.map((year, i) => {
    const gap = isGap(indicator, region, year);
    const value = gap ? null : (values[i] ?? null);
    const observation: WireObservation = { indicator, region, year, value };
    if (target !== undefined) observation.target = target;
    if (year === PROVISIONAL_YEAR) observation.provisional = true;
    if (value === null) {
      observation.note =
        !gap && CUMULATIVE_INDICATORS.has(indicator) ? NOT_COUNTED_BEFORE_CAMPAIGN : NOT_REPORTED;
    }
    return observation;
  });
}

function buildObservations(): WireObservation[] {
  return demoIndicators.flatMap(({ id }) => [
    ...(NOT_AT_CITY_LEVEL.has(id) ? [] : toObservations(id, HAIKOU, cityValues(id))),
    ...DISTRICT_IDS.flatMap((d) => toObservations(id, d, districtValues(id, d))),
    ...(TOWNSHIP_INDICATORS.includes(id)
      ? LONGHUA_TOWNSHIP_IDS.flatMap((t, i) => toObservations(id, t, townshipValues(id, i)))
      : []),
  ]);
}

/** Ordered by indicator (meta order), then region (city, districts, townships), then year. */
export const demoObservations: readonly WireObservation[] = buildObservations();
