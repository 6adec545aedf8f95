import type { IndicatorId } from './indicators';

/** One value per year, 2016 first; `null` where there is no figure. */
export type Series = readonly [
  number | null,
  number | null,
  number | null,
  number | null,
  number | null,
  number | null,
  number | null,
];

/**
 * Longhua District's own series. Values marked "published" realise a figure from the district's
 * 2020 report on the first campaign round and are pinned by mocks/demo/dataset.test.ts; every
 * other value is invented but plausible. The other districts are derived from these shapes.
 */
export const longhuaSeries: Readonly<Record<IndicatorId, Series>> = {
  // published: fell by exactly 3 permille points, 2016 → 2019
  'user-share': [4.27, 3.41, 2.12, 1.27, 1.15, 1.02, 0.94],
  // about 680,000 residents, so roughly user-share × 680
  'registered-users': [2904, 2319, 1442, 864, 782, 694, 639],
  // published: 152 → 10 is −93.4 %, 2016 → 2019
  'new-users': [152, 96, 41, 10, 8, 6, 5],
  // published: 61.5 → 79.5 is +18 percentage points, 2016 → 2019
  'abstinent-3y-share': [61.5, 66.2, 73.8, 79.5, 81.2, 82.6, 83.4],
  // published: 100 % in 2019
  'rehab-execution-rate': [92.3, 96.1, 98.7, 100, 100, 99.6, 100],
  'rehab-reporting-rate': [88.4, 91.7, 95.3, 98.2, 97.9, 98.5, 98.8],
  'compulsory-admissions': [386, 312, 205, 118, 97, 84, 76],
  'drug-cases': [214, 236, 187, 132, 118, 104, 97],
  'suspects-arrested': [268, 301, 229, 151, 133, 117, 108],
  'drugs-seized': [12.46, 18.93, 9.87, 6.21, 4.58, 3.92, 3.35],
  // published: 8 venues suspended over 2017–2019 (a running total since 2017: none in 2016)
  'venues-suspended': [null, 3, 6, 8, 9, 11, 12],
  // published: 162 firms inspected in 2019
  'logistics-inspected': [40, 95, 138, 162, 170, 176, 181],
  // published: 1,500 → 200 is −86.7 %, 2017 → 2019 (the report compares with 2017)
  'theft-robbery': [1680, 1500, 720, 200, 180, 165, 150],
  // published: about 200,000 participations over 2017–2019 (yearly flows: 52,300 + 66,460 +
  // 82,590 = 201,350); the contest began in 2017, so 2016 has none (not applicable)
  'contest-participations': [null, 52300, 66460, 82590, 61050, 56500, 52300],
  // published: 105 full-time staff in 2019
  staff: [38, 72, 96, 105, 108, 110, 112],
  // published: nearly 30 million yuan over 2017–2019 (yearly flows: 8.45 + 10.47 + 10.76 =
  // 29.68 million yuan); 2016, before the campaign, is invented
  funding: [4260000, 8450000, 10470000, 10760000, 9220000, 8700000, 8200000],
  'drug-free-communities': [12, 21, 33, 46, 52, 57, 61],
  'aw-drug-cases': [46, 58, 49, 37, 33, 29, 26],
  'ttc-suspects': [75, 96, 83, 61, 55, 48, 44],
  'spring-thunder-venues': [128, 146, 163, 171, 175, 180, 182],
};

/** Resident population in thousands, used to keep user counts and user shares consistent. */
export const LONGHUA_POPULATION_K = 680;
