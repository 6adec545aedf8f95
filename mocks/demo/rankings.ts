import type { WireRanking } from '@contract/wire-types';
import { jitter, randomFor, roundTo } from './prng';
import { YEARS } from './catalogue';
import { DISTRICT_IDS } from './regions';

interface RankTable {
  assessment: string;
  of: number;
  /** Score of rank 1 and the points lost per place; absent when the assessment publishes none. */
  scoring?: { top: number; step: number };
  /** Per year (YEARS order): ranks of Xiuying, Longhua, Qiongshan, Meilan. */
  ranks: readonly (readonly [number, number, number, number])[];
}

/**
 * Longhua is first in the provincial overall assessment in 2017, 2018 and 2019 (published).
 * Ties are deliberate: Xiuying and Meilan share 3rd of 19 in 2021, and Xiuying and Longhua share
 * 2nd of 4 in the city's 2020 assessment (so ranks run 1, 2, 2, 4).
 */
const TABLES: readonly RankTable[] = [
  {
    assessment: 'province-overall',
    of: 19,
    scoring: { top: 98.6, step: 1.35 },
    ranks: [
      [9, 6, 12, 4],
      [7, 1, 10, 3],
      [5, 1, 11, 4],
      [4, 1, 8, 2],
      [5, 2, 7, 1],
      [3, 1, 6, 3],
      [4, 3, 5, 1],
    ],
  },
  {
    assessment: 'province-enforcement',
    of: 19,
    ranks: [
      [8, 5, 13, 3],
      [6, 2, 11, 4],
      [7, 1, 9, 3],
      [5, 1, 10, 2],
      [4, 3, 8, 1],
      [6, 2, 5, 1],
      [3, 2, 7, 1],
    ],
  },
  {
    assessment: 'city-overall',
    of: 4,
    scoring: { top: 95.8, step: 2.4 },
    ranks: [
      [3, 2, 4, 1],
      [3, 1, 4, 2],
      [2, 1, 4, 3],
      [3, 1, 4, 2],
      [2, 2, 4, 1],
      [3, 1, 4, 2],
      [3, 2, 4, 1],
    ],
  },
];

function buildRankings(): WireRanking[] {
  return TABLES.flatMap((table) =>
    YEARS.flatMap((year, yearIndex) =>
      DISTRICT_IDS.map((region, districtIndex) => {
        const rank = table.ranks[yearIndex]?.[districtIndex] ?? table.of;
        const ranking: WireRanking = {
          assessment: table.assessment,
          year,
          region,
          rank,
          of: table.of,
        };
        if (table.scoring) {
          // Seeded by rank, not region, so tied regions get the same score.
          const random = randomFor(`${table.assessment}|${year}|${rank}`);
          const { top, step } = table.scoring;
          ranking.score = roundTo(top - (rank - 1) * step + jitter(random, 0, 0.3), 1);
        }
        return ranking;
      }),
    ),
  );
}

export const demoRankings: readonly WireRanking[] = buildRankings();
