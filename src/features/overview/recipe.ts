import { HEADLINE_CONTROLS } from '@/features/filters/controls';
import { headlineRequests, headlineSelection } from '@/features/filters/headline';
import type { Recipe } from '@/features/recipe/recipe';
import { buildOverviewSpecs } from './build-specs';

/**
 * The headline indicators of the selected region, one figure each (for reports). The same
 * inputs as the screen's (inputs.ts), named here rather than imported: importing the screen's
 * module from this lazily loaded one made the bundler split the first load into more, less
 * compressible chunks (+3 KB gzip).
 */
export const overviewRecipe: Recipe = {
  controls: () => HEADLINE_CONTROLS,
  requests: headlineRequests,
  selection: headlineSelection,
  specs: (meta, data, selection, lang, demo) =>
    data.observations ? buildOverviewSpecs(meta, data.observations, selection, lang, demo) : [],
};
