/**
 * The headline data, shared by the overview (its cards) and the rankings view (its defaults, so
 * switching views keeps the same selection; react-query shares the cached response): the
 * headline indicators for the chosen township or district only, or for everything when none is
 * chosen. The cards show one region; the contract's `region` narrows a request to its subtree.
 */
import { can } from '@/features/data/capabilities';
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
 * (1.1) The region the overview shows when none is chosen, for a server that can send one
 * region's own figures (`depth=0`): with a single root, the region above the districts (the
 * city of a city's data, the province of a province's). Null: ask for everything, as for 1.0.
 */
function ownFiguresTop(meta: Meta): Region | null {
  if (!can(meta, 'depth')) return null;
  const roots = meta.regions.filter((r) => r.parent === null);
  const [root] = roots;
  return roots.length === 1 && root ? regionAboveDistricts(meta, root) : null;
}

/** The region whose figures the cards show, when the request can be narrowed to it. */
function requestScope(meta: Meta, valid: ValidFilters): Region | null {
  return headlineScope(valid) ?? ownFiguresTop(meta);
}

export function headlineRequests(meta: Meta, valid: ValidFilters): Requests {
  const scope = requestScope(meta, valid);
  const indicators = headlineIndicators(meta).list.map((i) => i.id);
  if (!scope) return { observations: { indicators } };
  // 1.1: the region's own figures (the cards show nothing else); 1.0: its subtree.
  const narrow = can(meta, 'depth')
    ? { indicators, region: scope.id, depth: 0 }
    : { indicators, region: scope.id };
  return { observations: narrow, whole: { indicators } };
}

export function headlineSelection(meta: Meta, valid: ValidFilters, data: Fetched): Selection {
  const scope = requestScope(meta, valid);
  return resolveSelection(
    valid,
    meta,
    data.observations,
    scope ? { scope, whole: data.whole } : undefined,
  );
}
