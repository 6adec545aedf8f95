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
}

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
  { zh: '遵谭镇', en: 'Zuntan Town' },
  { zh: '龙泉镇', en: 'Longquan Town' },
];

export const longhuaTownships: readonly WireRegion[] = LONGHUA_TOWNSHIP_SEEDS.map((seed, i) => ({
  id: `${LONGHUA}${String(i + 1).padStart(3, '0')}`,
  level: 'township',
  parent: LONGHUA,
  name: { zh: seed.zh, en: seed.en },
}));

export const LONGHUA_TOWNSHIP_IDS: readonly string[] = longhuaTownships.map((t) => t.id);

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
