import type { WireRegion } from '@contract/wire-types';

/**
 * Real administrative names; the 9-digit township codes are illustrative (the district's
 * 6-digit code plus a running number), not the official statistical codes.
 */
export const HAINAN = '460000';
export const HAIKOU = '460100';
export const XIUYING = '460105';
export const LONGHUA = '460106';
export const QIONGSHAN = '460107';
export const MEILAN = '460108';

export const DISTRICT_IDS = [XIUYING, LONGHUA, QIONGSHAN, MEILAN] as const;
export type DistrictId = (typeof DISTRICT_IDS)[number];

interface TownshipSeed {
  zh: string;
  en: string;
  validFrom?: number;
  validTo?: number;
  /** Whose figures this township's series continues (a renamed township keeps its territory). */
  continues?: string;
}

/** The town that became a sub-district during the first campaign round, and its successor. */
export const ZUNTAN_TOWN = `${LONGHUA}010`;
export const ZUNTAN_SUBDISTRICT = `${LONGHUA}012`;
/** The last year 遵谭镇 reported as a town; 遵谭街道 reports from the next year on. */
export const ZUNTAN_RENAMED_AFTER = 2018;

/**
 * The change from town to sub-district (撤镇设街道) is illustrative, like the codes: it shows how
 * a region with validity years looks (1.1), without claiming that it happened.
 */
const LONGHUA_TOWNSHIP_SEEDS: readonly TownshipSeed[] = [
  { zh: '中山街道', en: 'Zhongshan Subdistrict' },
  { zh: '滨海街道', en: 'Binhai Subdistrict' },
  { zh: '金贸街道', en: 'Jinmao Subdistrict' },
  { zh: '大同街道', en: 'Datong Subdistrict' },
  { zh: '海垦街道', en: 'Haiken Subdistrict' },
  { zh: '金宇街道', en: 'Jinyu Subdistrict' },
  { zh: '城西镇', en: 'Chengxi Town' },
  { zh: '龙桥镇', en: 'Longqiao Town' },
  { zh: '新坡镇', en: 'Xinpo Town' },
  { zh: '遵谭镇', en: 'Zuntan Town', validTo: ZUNTAN_RENAMED_AFTER },
  { zh: '龙泉镇', en: 'Longquan Town' },
  {
    zh: '遵谭街道',
    en: 'Zuntan Subdistrict',
    validFrom: ZUNTAN_RENAMED_AFTER + 1,
    continues: ZUNTAN_TOWN,
  },
];

export const longhuaTownships: readonly WireRegion[] = LONGHUA_TOWNSHIP_SEEDS.map((seed, i) => {
  const region: WireRegion = {
    id: `${LONGHUA}${String(i + 1).padStart(3, '0')}`,
    level: 'township',
    parent: LONGHUA,
    name: { zh: seed.zh, en: seed.en },
  };
  if (seed.validFrom !== undefined) region.validFrom = seed.validFrom;
  if (seed.validTo !== undefined) region.validTo = seed.validTo;
  return region;
});

/** Every township the district has had, including the one renamed and its successor. */
export const LONGHUA_TOWNSHIP_IDS: readonly string[] = longhuaTownships.map((t) => t.id);

/** The township whose figures a township's series continues: itself, or its predecessor. */
export function seriesTownship(id: string): string {
  const i = LONGHUA_TOWNSHIP_IDS.indexOf(id);
  return LONGHUA_TOWNSHIP_SEEDS[i]?.continues ?? id;
}

/** Whether a region exists in a year (1.1 validity years; a region without them always does). */
export function existsIn(region: WireRegion, year: number): boolean {
  return (
    (region.validFrom === undefined || year >= region.validFrom) &&
    (region.validTo === undefined || year <= region.validTo)
  );
}

/** Parents come before children so a client can build the tree in one pass (not required). */
export const demoRegions: readonly WireRegion[] = [
  { id: HAINAN, level: 'province', parent: null, name: { zh: '海南省', en: 'Hainan' } },
  { id: HAIKOU, level: 'city', parent: HAINAN, name: { zh: '海口市', en: 'Haikou' } },
  { id: XIUYING, level: 'district', parent: HAIKOU, name: { zh: '秀英区', en: 'Xiuying' } },
  { id: LONGHUA, level: 'district', parent: HAIKOU, name: { zh: '龙华区', en: 'Longhua' } },
  { id: QIONGSHAN, level: 'district', parent: HAIKOU, name: { zh: '琼山区', en: 'Qiongshan' } },
  { id: MEILAN, level: 'district', parent: HAIKOU, name: { zh: '美兰区', en: 'Meilan' } },
  ...longhuaTownships,
];
