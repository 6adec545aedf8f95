import { performance } from 'node:perf_hooks';
import { indexObservations } from '../src/features/data/observation-index';
import { parseMeta } from '../contract/parse-meta';
import { parseObservations } from '../contract/parse-records';
import type { WireDataset } from '../contract/wire-types';
import { summarize } from './stats';
import type { Summary } from './stats';

export interface ParseTiming {
  observations: number;
  validate: Summary;
  index: Summary;
  total: Summary;
}

/**
 * parseObservations (validation) and indexObservations on a response body as the app gets it
 * (a fresh JSON.parse per run, so no run reuses objects already optimised by the previous).
 */
export function timeParse(dataset: WireDataset, runs: number): ParseTiming {
  const meta = parseMeta(dataset.meta).data;
  const text = JSON.stringify({ observations: dataset.observations });
  const validate: number[] = [];
  const index: number[] = [];
  const total: number[] = [];
  // One untimed warm-up so the first sample does not measure JIT compilation alone.
  indexObservations(parseObservations(JSON.parse(text) as unknown, meta).data);
  for (let i = 0; i < runs; i++) {
    const body = JSON.parse(text) as unknown;
    const t0 = performance.now();
    const parsed = parseObservations(body, meta);
    const t1 = performance.now();
    const built = indexObservations(parsed.data);
    const t2 = performance.now();
    if (parsed.data.length !== dataset.observations.length || built.size === 0)
      throw new Error(
        `parsed ${String(parsed.data.length)} of ${String(dataset.observations.length)}`,
      );
    validate.push(t1 - t0);
    index.push(t2 - t1);
    total.push(t2 - t0);
  }
  return {
    observations: dataset.observations.length,
    validate: summarize(validate),
    index: summarize(index),
    total: summarize(total),
  };
}
