import { HEADLINE_CONTROLS } from '@/features/filters/controls';
import { headlineRequests, headlineSelection } from '@/features/filters/headline';
import type { RecipeInputs } from '@/features/recipe/recipe';

/**
 * What the overview asks for and selects: the headline data, with the comparison year and the
 * townships in its filter bar. Apart from its recipe (recipe.ts) because the screen shows cards,
 * not figures: the first load need not carry the spec builders and summary rules.
 */
export const overviewInputs: RecipeInputs = {
  controls: () => HEADLINE_CONTROLS,
  requests: headlineRequests,
  selection: headlineSelection,
};
