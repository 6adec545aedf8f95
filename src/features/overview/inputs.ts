import { headlineRequests, headlineSelection } from '@/features/filters/headline';
import type { RecipeInputs } from '@/features/recipe/recipe';

/**
 * What the overview asks for and selects: the headline data, with the comparison year and the
 * townships in its filter bar. Apart from its recipe (recipe.ts) because the screen shows cards,
 * not figures: the first load need not carry the spec builders and summary rules.
 */
export const overviewInputs: RecipeInputs = {
  controls: () => ({ compare: true, towns: true, indicator: null, programme: null }),
  requests: headlineRequests,
  selection: headlineSelection,
};
