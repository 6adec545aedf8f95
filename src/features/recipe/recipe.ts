/**
 * One recipe per view: what its filter bar shows, what it fetches, what is selected and which
 * charts it draws. The view runs it with react-query hooks (use-recipe.ts); the report runs the
 * same recipe through `client.query` (run-recipe.ts). Every step is a pure function.
 */
import type { ChartSpec } from '@/features/charts/chart-spec';
import type { Fetched, Requests } from '@/features/data/requests';
import type { Controls } from '@/features/filters/controls';
import type { ValidFilters } from '@/features/filters/resolve';
import type { Selection } from '@/features/filters/selection';
import type { Lang } from '@/lib/i18n';
import type { Localized, Meta } from '@contract/types';

/** What a view needs before it draws: enough to run its queries and settle its selection. */
export interface RecipeInputs {
  /** The filter bar's controls, with the values the charts will show. */
  controls: (meta: Meta, valid: ValidFilters) => Controls;
  requests: (meta: Meta, valid: ValidFilters) => Requests;
  /** What is selected, with defaults filled from the data (part or none of it while loading). */
  selection: (meta: Meta, valid: ValidFilters, data: Fetched) => Selection;
}

/** One of the choices an "all views" report covers, named after what was chosen. */
export interface RecipeVariant {
  valid: ValidFilters;
  name: Localized;
  /** A heading the report sets over variants of one kind (the 八严 strands, the operations). */
  group?: Localized;
}

export interface Recipe extends RecipeInputs {
  /** The view's figures; none until the data they need is in. */
  specs: (
    meta: Meta,
    data: Fetched,
    selection: Selection,
    lang: Lang,
    demo: boolean,
  ) => ChartSpec[];
  /**
   * The choices an "all views" report covers one after another (every programme, say). Without
   * it, or when it lists none, the report shows the view as the filters set it.
   */
  variants?: (meta: Meta, valid: ValidFilters) => RecipeVariant[];
}
