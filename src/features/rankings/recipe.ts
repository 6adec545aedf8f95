import { NO_CONTROLS } from '@/features/filters/controls';
import { headlineRequests, headlineSelection } from '@/features/filters/headline';
import type { Recipe } from '@/features/recipe/recipe';
import { buildRankingSpecs } from './build-specs';

/**
 * Each assessment's ranks over the years. Its defaults (latest year, top region) come from the
 * headline data the overview shows, so switching views keeps the same selection.
 */
export const rankingsRecipe: Recipe = {
  controls: () => NO_CONTROLS,
  requests: (meta, valid) => ({ ...headlineRequests(meta, valid), rankings: {} }),
  selection: headlineSelection,
  specs: (meta, data, selection, lang, demo) =>
    data.rankings ? buildRankingSpecs(meta, data.rankings, selection, lang, demo) : [],
};
