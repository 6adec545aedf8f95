import type { WireObservation, WireStatus, WireText } from '@contract/wire-types';
import { PROVISIONAL_YEAR, YEARS } from './catalogue';
import { cityValues, districtValues, townshipValues, type Values } from './derive';
import { demoIndicators, TARGETS, TOWNSHIP_INDICATORS, type IndicatorId } from './indicators';
import {
  DISTRICT_IDS,
  existsIn,
  HAIKOU,
  longhuaTownships,
  MEILAN,
  QIONGSHAN,
  XIUYING,
  ZUNTAN_SUBDISTRICT,
} from './regions';

export const NOT_REPORTED: WireText = { zh: '数据暂缺', en: 'Not reported' };
export const REPORTED_LATE: WireText = {
  zh: '逾期未报送，待补报',
  en: 'Report overdue; the figure will be added when it arrives',
};
export const WITHHELD_SMALL_COUNT: WireText = {
  zh: '人数过少，依规不予公开',
  en: 'Withheld: too few people to publish',
};
export const NO_REHAB_ORDERS: WireText = {
  zh: '当年无责令社区戒毒社区康复人员，无执行率',
  en: 'No one was under a community rehabilitation order that year, so there is no rate',
};
export const NOT_COUNTED_BEFORE_CAMPAIGN: WireText = {
  zh: '首轮大会战开始后累计，此前不统计',
  en: 'A running total from the first campaign round; none before it',
};
export const CONTEST_NOT_YET_HELD: WireText = {
  zh: '竞赛自2017年起举办',
  en: 'The contest was first held in 2017',
};

/** Why a series has no figure in a year (its null values): the indicator did not exist yet. */
const BEFORE_IT_EXISTED: Partial<Record<IndicatorId, WireText>> = {
  'venues-suspended': NOT_COUNTED_BEFORE_CAMPAIGN,
  'contest-participations': CONTEST_NOT_YET_HELD,
};

export interface EmptyCell {
  indicator: IndicatorId;
  region: string;
  year: number;
  status: WireStatus;
  note: WireText;
}

const LONGQIAO_TOWN = '460106008';
const XINPO_TOWN = '460106009';
const LONGQUAN_TOWN = '460106011';

function notReported(indicator: IndicatorId, region: string, year: number): EmptyCell {
  return { indicator, region, year, status: 'missing', note: NOT_REPORTED };
}

/**
 * Honest kinds of missing (1.1 `status`), none of them touching a published Longhua figure: cells
 * the data owner did not report (one of them a late report), a township's small counts withheld
 * for confidentiality, and a rate that does not exist because nobody was under the order.
 */
export const DEMO_EMPTY_CELLS: readonly EmptyCell[] = [
  notReported('drugs-seized', QIONGSHAN, 2016),
  notReported('compulsory-admissions', XIUYING, 2018),
  notReported('rehab-reporting-rate', MEILAN, 2021),
  notReported('logistics-inspected', HAIKOU, 2016),
  notReported('new-users', XINPO_TOWN, 2017),
  {
    indicator: 'theft-robbery',
    region: LONGQUAN_TOWN,
    year: PROVISIONAL_YEAR,
    status: 'missing',
    note: REPORTED_LATE,
  },
  ...[2019, 2020].map((year): EmptyCell => ({
    indicator: 'new-users',
    region: LONGQIAO_TOWN,
    year,
    status: 'withheld',
    note: WITHHELD_SMALL_COUNT,
  })),
  {
    indicator: 'rehab-execution-rate',
    region: ZUNTAN_SUBDISTRICT,
    year: PROVISIONAL_YEAR,
    status: 'not-applicable',
    note: NO_REHAB_ORDERS,
  },
];

function emptyCell(indicator: IndicatorId, region: string, year: number): EmptyCell | undefined {
  return DEMO_EMPTY_CELLS.find(
    (c) => c.indicator === indicator && c.region === region && c.year === year,
  );
}

function toObservations(
  indicator: IndicatorId,
  region: string,
  values: Values,
  years: readonly number[] = YEARS,
): WireObservation[] {
  const target = TARGETS[indicator];
  return YEARS.flatMap((year, i) => {
    if (!years.includes(year)) return [];
    const empty = emptyCell(indicator, region, year);
    const value = empty ? null : (values[i] ?? null);
    const observation: WireObservation = { indicator, region, year, value };
    if (target !== undefined) observation.target = target;
    if (year === PROVISIONAL_YEAR) observation.provisional = true;
    if (value === null) {
      const before = BEFORE_IT_EXISTED[indicator];
      const why: Pick<EmptyCell, 'status' | 'note'> =
        empty ??
        (before
          ? { status: 'not-applicable', note: before }
          : { status: 'missing', note: NOT_REPORTED });
      observation.status = why.status;
      observation.note = why.note;
    }
    return [observation];
  });
}

function buildObservations(): WireObservation[] {
  return demoIndicators.flatMap(({ id }) => [
    ...toObservations(id, HAIKOU, cityValues(id)),
    ...DISTRICT_IDS.flatMap((d) => toObservations(id, d, districtValues(id, d))),
    ...(TOWNSHIP_INDICATORS.includes(id)
      ? longhuaTownships.flatMap((t) =>
          toObservations(
            id,
            t.id,
            townshipValues(id, t.id),
            YEARS.filter((year) => existsIn(t, year)),
          ),
        )
      : []),
  ]);
}

/**
 * Ordered by indicator (meta order), then region (city, districts, townships), then year. A
 * township has observations only within its validity years.
 */
export const demoObservations: readonly WireObservation[] = buildObservations();
