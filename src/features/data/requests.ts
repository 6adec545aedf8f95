import type { Ranking } from '@contract/types';
import type { ObservationIndex } from './observation-index';
import type { ObservationFilter, RankingFilter } from './queries';

/** What a view fetches: the same filters on screen (react-query hooks) and in the report. */
export interface Requests {
  observations: ObservationFilter;
  rankings?: RankingFilter;
  /**
   * Read from the cache only, never fetched: the unscoped twin of a scoped `observations`, which
   * says which region is on top when the view asked for one region's subtree.
   */
  whole?: ObservationFilter;
}

/** What came back (undefined while loading, or not asked for). */
export interface Fetched {
  observations?: ObservationIndex;
  rankings?: readonly Ranking[];
  whole?: ObservationIndex;
}
