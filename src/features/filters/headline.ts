/**
 * The headline data, shared by the overview (its cards) and the rankings view (its defaults, so
 * switching views keeps the same selection; react-query shares the cached response): the
 * headline indicators for the chosen township or district only, or for everything when none is
 * chosen. The cards show one region; the contract's `region` narrows a request to its subtree.
 */
import { can } from '@/features/data/capabilities';
import type { ObservationFilter } from '@/features/data/queries';
import type { Fetched, Requests } from '@/features/data/requests';
import { headlineIndicators } from '@/features/data/select';
import type { Meta, Region } from '@contract/types';
import { regionAboveDistricts } from './defaults';
import type { ValidFilters } from './resolve';
import { resolveSelection } from './selection';
import type { Selection } from './selection';

/** The region the cards show when the filters name one: the first township, else the district. */
export function headlineScope(valid: Pick<ValidFilters, 'towns' | 'district'>): Region | null {
  return valid.towns[0] ?? valid.district;
}

/**
 * (1.1) What the overview asks for when no region is chosen, for a server that can limit a
 * subtree's depth: the region above the districts and its children (`depth=1`), with a single
 * root. The cards show the highest of them with figures of its own — as from a 1.0 server's
 * full answer, at a fraction of it — and a district chosen next is cut from this answer.
 * Null: ask for everything, as for 1.0.
 */
function topWithChildren(meta: Meta, indicators: string[]): ObservationFilter | null {
  if (!can(meta, 'depth')) return null;
  const roots = meta.regions.filter((r) => r.parent === null);
  const [root] = roots;
  if (roots.length !== 1 || !root) return null;
  return { indicators, region: regionAboveDistricts(meta, root).id, depth: 1 };
}

export function headlineRequests(meta: Meta, valid: ValidFilters): Requests {
  const scope = headlineScope(valid);
  const indicators = headlineIndicators(meta).list.map((i) => i.id);
  const unscoped = topWithChildren(meta, indicators) ?? { indicators };
  if (!scope) return { observations: unscoped };
  // 1.1: the region's own figures (the cards show nothing else); 1.0: its subtree.
  const narrow = can(meta, 'depth')
    ? { indicators, region: scope.id, depth: 0 }
    : { indicators, region: scope.id };
  return { observations: narrow, whole: unscoped };
}

export function headlineSelection(meta: Meta, valid: ValidFilters, data: Fetched): Selection {
  const scope = headlineScope(valid);
  return resolveSelection(
    valid,
    meta,
    data.observations,
    scope ? { scope, whole: data.whole } : undefined,
  );
}
