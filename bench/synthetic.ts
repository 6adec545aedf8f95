import type { WireDataset, WireObservation, WireRegion, WireUnit } from '../contract/wire-types';

const unitOf = (i: number): WireUnit => (i % 3 === 0 ? 'percent' : 'count');

/**
 * A contract-shaped dataset of any size, for benchmarks: `districts` districts with
 * `townships` townships each, `indicators` indicators, `years` years.
 */
export function syntheticDataset(o: {
  districts: number;
  townships: number;
  indicators: number;
  years: number;
}): WireDataset {
  const years = Array.from({ length: o.years }, (_, i) => 2016 + i);
  const regions: WireRegion[] = [
    { id: 'p', level: 'province', parent: null, name: { zh: '某省', en: 'Province' } },
  ];
  for (let d = 0; d < o.districts; d++) {
    regions.push({
      id: `d${d}`,
      level: 'district',
      parent: 'p',
      name: { zh: `第${d + 1}区`, en: `District ${d + 1}` },
    });
    for (let t = 0; t < o.townships; t++) {
      regions.push({
        id: `d${d}-t${t}`,
        level: 'township',
        parent: `d${d}`,
        name: { zh: `第${d + 1}区${t + 1}镇`, en: `Town ${d + 1}.${t + 1}` },
      });
    }
  }
  const indicators = Array.from({ length: o.indicators }, (_, i) => ({
    id: `ind-${i}`,
    name: { zh: `指标${i + 1}`, en: `Indicator ${i + 1}` },
    unit: unitOf(i),
    decimals: i % 3 === 0 ? 1 : 0,
    better: 'lower' as const,
    programme: null,
    headline: i < 6,
  }));
  const observations: WireObservation[] = [];
  let seed = 7;
  const rnd = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
  for (const ind of indicators)
    for (const r of regions)
      for (const year of years)
        observations.push({
          indicator: ind.id,
          region: r.id,
          year,
          value: Math.round(rnd() * 1000) / 10,
        });
  return {
    meta: {
      apiVersion: 1,
      title: { zh: '基准测试数据', en: 'Benchmark data' },
      source: { zh: '合成数据', en: 'Synthetic' },
      dataAsOf: '2024-01-01',
      years,
      regions,
      campaigns: [
        {
          id: 'c',
          name: { zh: '大会战', en: 'Campaign' },
          startYear: 2017,
          endYear: 2019,
          baselineYear: 2016,
        },
      ],
      programmes: [],
      indicators,
      assessments: [],
    },
    observations,
    rankings: [],
  };
}
