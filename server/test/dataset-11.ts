/**
 * A dataset that uses every contract 1.1 field, built from any 1.0 dataset (the demo's, say):
 * the service's tests store it and compare what is served with the reference semantics. Built
 * here rather than in mocks/, so that it does not depend on what the demo data holds today.
 */
import { AGGREGATIONS, CAPABILITIES, OBSERVATION_STATUSES } from '@contract/types';
import type {
  WireAssessment,
  WireDataset,
  WireObservation,
  WireRanking,
  WireRegion,
} from '@contract/wire-types';

/** The assessment this adds: a ranking body outside the data, where a lower score is better. */
export const OUTSIDE_ASSESSMENT = 'national-model-city';

/**
 * The dataset with: two townships that exist only for some years (their observations outside
 * them dropped), an aggregation on every indicator but the last, a status on every null value,
 * better/scoreDecimals on the first assessment, and an assessment with a null scope and a
 * scope name, better "lower", ranking the first non-root region.
 */
export function withRevision11(dataset: WireDataset): WireDataset {
  const { meta } = dataset;
  const years = meta.years;
  const townships = meta.regions.filter((r) => r.level === 'township');
  const from = townships[townships.length - 1];
  const to = townships[townships.length - 2];
  const validFrom = years[2] ?? years[0] ?? 0;
  const validTo = years[years.length - 3] ?? years[years.length - 1] ?? 0;
  const regions: WireRegion[] = meta.regions.map((r) =>
    r === from ? { ...r, validFrom } : r === to ? { ...r, validTo, validFrom: years[0] } : r,
  );
  const inside = (o: WireObservation) =>
    !(from && o.region === from.id && o.year < validFrom) &&
    !(to && o.region === to.id && o.year > validTo);

  let nulls = 0;
  const observations = dataset.observations.filter(inside).map((o): WireObservation => {
    if (o.value !== null) return o;
    const status = OBSERVATION_STATUSES[nulls++ % OBSERVATION_STATUSES.length];
    return status ? { ...o, status } : o;
  });

  const indicators = meta.indicators.map((i, n) => {
    const aggregation = AGGREGATIONS[n % AGGREGATIONS.length];
    return n === meta.indicators.length - 1 || !aggregation ? i : { ...i, aggregation };
  });

  const [first, ...others] = meta.assessments;
  const ranked = meta.regions.find((r) => r.parent !== null) ?? meta.regions[0];
  const outside: WireAssessment = {
    id: OUTSIDE_ASSESSMENT,
    name: { zh: '全国禁毒示范城市评比', en: 'National model-city ranking' },
    scope: null,
    scopeName: { zh: '全国', en: 'China' },
    better: 'lower',
    scoreDecimals: 2,
  };
  const assessments: WireAssessment[] = [
    ...(first ? [{ ...first, better: 'higher' as const, scoreDecimals: 1 }] : []),
    ...others,
    outside,
  ];
  const rankings: WireRanking[] = [
    ...dataset.rankings,
    ...(ranked
      ? years.slice(-2).map((year, n) => ({
          assessment: OUTSIDE_ASSESSMENT,
          year,
          region: ranked.id,
          rank: 3 + n,
          of: 50,
          score: 12.25 - n,
        }))
      : []),
  ];

  return {
    meta: {
      ...meta,
      capabilities: [...CAPABILITIES],
      regions,
      indicators,
      assessments,
    },
    observations,
    rankings,
  };
}
