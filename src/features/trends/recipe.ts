import { NO_CONTROLS } from '@/features/filters/controls';
import { resolveSelection } from '@/features/filters/selection';
import type { Recipe } from '@/features/recipe/recipe';
import { buildTrendsSpecs } from './build-specs';
import { trendsIndicator, trendsRequests } from './requests';

export { trendsIndicator, trendsRegions } from './requests';

/** One indicator over all years, for every region (the districts and the chosen district's townships). */
export const trendsRecipe: Recipe = {
  controls: (meta, valid) => ({
    ...NO_CONTROLS,
    towns: true,
    indicator: trendsIndicator(meta, valid) ?? null,
  }),
  requests: trendsRequests,
  selection: (meta, valid, data) => resolveSelection(valid, meta, data.observations),
  specs: (meta, data, selection, lang, demo) => {
    const indicator = trendsIndicator(meta, selection);
    return data.observations && indicator
      ? buildTrendsSpecs(meta, data.observations, selection, indicator, lang, demo)
      : [];
  },
};
