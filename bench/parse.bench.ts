import { bench, describe } from 'vitest';
import { indexObservations } from '../src/features/data/observation-index';
import { parseMeta } from '../contract/parse-meta';
import { parseObservations } from '../contract/parse-records';
import { syntheticDataset } from './synthetic';

for (const [label, shape] of [
  ['province ≈35k', { districts: 20, townships: 10, indicators: 25, years: 7 }],
  ['100k', { districts: 40, townships: 14, indicators: 24, years: 7 }],
] as const) {
  const ds = syntheticDataset(shape);
  const meta = parseMeta(ds.meta).data;
  const body = JSON.parse(JSON.stringify({ observations: ds.observations })) as unknown;
  describe(`${label}: ${ds.observations.length} observations`, () => {
    bench('validate', () => void parseObservations(body, meta), { iterations: 5 });
    bench('validate + index', () => void indexObservations(parseObservations(body, meta).data), {
      iterations: 5,
    });
  });
}
