import { NO_CONTROLS } from '@/features/filters/controls';
import type { ValidFilters } from '@/features/filters/resolve';
import { resolveSelection } from '@/features/filters/selection';
import type { Recipe } from '@/features/recipe/recipe';
import type { Indicator, Meta } from '@contract/types';

/** The chosen indicator, else the first one of meta. */
export function mapIndicator(
  meta: Meta,
  valid: Pick<ValidFilters, 'indicator'>,
): Indicator | undefined {
  return valid.indicator ?? meta.indicators[0];
}

/**
 * The map asks for what the trends view and the league ask for (one indicator, every region
 * and year), so switching between them reuses the cached response; the year animation then
 * needs no request at all. Its figure is not a chart spec, so it adds no section to the
 * report (specs: none).
 */
export const mapRecipe: Recipe = {
  controls: (meta, valid) => ({
    ...NO_CONTROLS,
    towns: true,
    indicator: mapIndicator(meta, valid) ?? null,
  }),
  requests: (meta, valid) => {
    const indicator = mapIndicator(meta, valid);
    return { observations: { indicators: indicator ? [indicator.id] : [] } };
  },
  selection: (meta, valid, data) => resolveSelection(valid, meta, data.observations),
  specs: () => [],
};
