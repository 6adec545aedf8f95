/**
 * Demo data and broken-record catalogues for tests under src/features, which the lint rules keep
 * from importing mocks/ directly (that rule is there for production code).
 */
import { parseMeta } from '@contract/parse-meta';
import type { Meta } from '@contract/types';
import { demoDataset, demoMeta } from '@mocks/demo/dataset';

export { demoDataset, demoMeta };
export { brokenObservations, brokenRankings } from '@mocks/broken-records';
export { respond } from '@contract/filter';

/** The demo meta as the app sees it after parsing. */
export function parsedDemoMeta(): Meta {
  return parseMeta(structuredClone(demoMeta)).data;
}
