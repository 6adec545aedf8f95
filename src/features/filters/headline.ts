/**
 * The headline data, shared by the overview (its cards) and the rankings view (its defaults, so
 * switching views keeps the same selection; react-query shares the cached response): the
 * headline indicators for the chosen township or district only, or for everything when none is
 * chosen. The cards show one region; the contract's `region` narrows a request to its subtree.
 */
import type { Fetched, Requests } from '@/features/data/requests';
import { headlineIndicators } from '@/features/data/select';
import type { Meta, Region } from '@contract/types';
import type { ValidFilters } from './resolve';
import { resolveSelection } from './selection';
import type { Selection } from './selection';

/** The region the cards show when the filters name one: the first township, else the district. */
export function headlineScope(valid: Pick<ValidFilters, 'towns' | 'district'>): Region | null {
  return valid.towns[0] ?? valid.district;
}

export function headlineRequests(meta: Meta, valid: ValidFilters): Requests {
  const scope = headlineScope(valid);
  const indicators = headlineIndicators(meta).list.map((i) => i.id);
  return scope
    ? { observations: { indicators, region: scope.id }, whole: { indicators } }
    : { observations: { indicators } };
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
