import { headlineIndicators } from '@/features/data/select';
import { NO_CONTROLS } from '@/features/filters/controls';
import type { ValidFilters } from '@/features/filters/resolve';
import { resolveSelection } from '@/features/filters/selection';
import type { Recipe } from '@/features/recipe/recipe';
import type { Indicator, Meta } from '@contract/types';
import { buildLeagueSpecs } from './build-specs';

/** The chosen indicator, else the first headline one: the select and the bars show it. */
export function leagueIndicator(
  meta: Meta,
  valid: Pick<ValidFilters, 'indicator'>,
): Indicator | undefined {
  return valid.indicator ?? headlineIndicators(meta).list[0] ?? meta.indicators[0];
}

/**
 * A one-year league of any indicator. It asks for the same data as the trends view (one
 * indicator, every region and year), so switching between the two reuses the cached response.
 */
export const leagueRecipe: Recipe = {
  controls: (meta, valid) => ({
    ...NO_CONTROLS,
    compare: true,
    towns: true,
    indicator: leagueIndicator(meta, valid) ?? null,
  }),
  requests: (meta, valid) => {
    const indicator = leagueIndicator(meta, valid);
    return { observations: { indicators: indicator ? [indicator.id] : [] } };
  },
  selection: (meta, valid, data) => resolveSelection(valid, meta, data.observations),
  specs: (meta, data, selection, lang, demo) => {
    const indicator = leagueIndicator(meta, selection);
    return data.observations && indicator
      ? buildLeagueSpecs(meta, data.observations, selection, indicator, lang, demo)
      : [];
  },
};
