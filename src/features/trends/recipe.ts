import { headlineIndicators } from '@/features/data/select';
import { NO_CONTROLS } from '@/features/filters/controls';
import type { ValidFilters } from '@/features/filters/resolve';
import { resolveSelection } from '@/features/filters/selection';
import type { Recipe } from '@/features/recipe/recipe';
import type { Indicator, Meta } from '@contract/types';
import { buildTrendsSpecs } from './build-specs';

/** The chosen indicator, else the first headline one: the select and the charts show it. */
export function trendsIndicator(
  meta: Meta,
  valid: Pick<ValidFilters, 'indicator'>,
): Indicator | undefined {
  return valid.indicator ?? headlineIndicators(meta).list[0] ?? meta.indicators[0];
}

/** One indicator over all years, for every region (the districts and the chosen district's townships). */
export const trendsRecipe: Recipe = {
  controls: (meta, valid) => ({
    ...NO_CONTROLS,
    towns: true,
    indicator: trendsIndicator(meta, valid) ?? null,
  }),
  requests: (meta, valid) => {
    const indicator = trendsIndicator(meta, valid);
    return { observations: { indicators: indicator ? [indicator.id] : [] } };
  },
  selection: (meta, valid, data) => resolveSelection(valid, meta, data.observations),
  specs: (meta, data, selection, lang, demo) => {
    const indicator = trendsIndicator(meta, selection);
    return data.observations && indicator
      ? buildTrendsSpecs(meta, data.observations, selection, indicator, lang, demo)
      : [];
  },
};
