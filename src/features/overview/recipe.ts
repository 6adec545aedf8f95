import type { Recipe } from '@/features/recipe/recipe';
import { buildOverviewSpecs } from './build-specs';
import { overviewInputs } from './inputs';

/** The headline indicators of the selected region, one figure each (for reports). */
export const overviewRecipe: Recipe = {
  ...overviewInputs,
  specs: (meta, data, selection, lang, demo) =>
    data.observations ? buildOverviewSpecs(meta, data.observations, selection, lang, demo) : [],
};
