import { can, depthBelow } from '@/features/data/capabilities';
import type { ObservationFilter } from '@/features/data/queries';
import type { Requests } from '@/features/data/requests';
import { headlineIndicators } from '@/features/data/select';
import { regionAboveDistricts } from '@/features/filters/defaults';
import { districtsOf } from '@/features/filters/resolve';
import type { ValidFilters } from '@/features/filters/resolve';
import type { Indicator, Meta } from '@contract/types';

// What the trends view asks for, apart from its recipe so that start-up (app/prestart.ts) can
// ask for a cold link's data before the view's code is in: a few hundred bytes in the first load.

/** The chosen indicator, else the first headline one: the select and the charts show it. */
export function trendsIndicator(
  meta: Meta,
  valid: Pick<ValidFilters, 'indicator'>,
): Indicator | undefined {
  return valid.indicator ?? headlineIndicators(meta).list[0] ?? meta.indicators[0];
}

/**
 * (1.1) Exactly what the charts show — the region above the districts, the districts, and the
 * chosen district's townships — in one request: `region=<top>,<district>&depth=N`, N the levels
 * from the top down to the districts. Null (ask for every region, as for a 1.0 server) when the
 * server cannot, or when the districts do not all lie below one region.
 */
export function trendsRegions(
  meta: Meta,
  valid: Pick<ValidFilters, 'district'>,
): Pick<ObservationFilter, 'regions' | 'depth'> | null {
  if (!can(meta, 'region-list', 'depth')) return null;
  const roots = meta.regions.filter((r) => r.parent === null);
  const [root] = roots;
  if (roots.length !== 1 || !root) return null;
  const top = regionAboveDistricts(meta, root);
  const depths = new Set(districtsOf(meta).map((d) => depthBelow(meta, top, d)));
  const [depth] = depths;
  if (depths.size !== 1 || depth === undefined || depth === null) return null;
  const district = valid.district;
  return {
    regions: district && district.id !== top.id ? [top.id, district.id] : [top.id],
    depth: Math.max(depth, 1),
  };
}

/** One indicator over all years, for every region (the districts and the chosen district's townships). */
export function trendsRequests(meta: Meta, valid: ValidFilters): Requests {
  const indicator = trendsIndicator(meta, valid);
  const indicators = indicator ? [indicator.id] : [];
  return { observations: { indicators, ...trendsRegions(meta, valid) } };
}
