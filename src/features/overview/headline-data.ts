/**
 * The data behind the overview's cards (and the defaults the rankings view shares with it): the
 * headline indicators for the chosen township or district only, or for everything when none is
 * chosen. The cards show one region; the contract's `region` narrows a request to its subtree.
 */
import { useQueryClient } from '@tanstack/react-query';
import type { QueryClient } from '@tanstack/react-query';
import { useMemo } from 'react';
import type { AppConfig } from '@/features/data/config';
import { useConfig } from '@/features/data/config-context';
import { observationsOptions, useObservations, withIndex } from '@/features/data/queries';
import type { ObservationFilter } from '@/features/data/queries';
import type { ObservationIndex } from '@/features/data/observation-index';
import { headlineIndicators } from '@/features/data/select';
import type { Meta, Region } from '@contract/types';
import type { ValidFilters } from '@/features/filters/resolve';
import { resolveSelection } from '@/features/filters/selection';
import type { Selection } from '@/features/filters/selection';
import { useValidFilters } from '@/features/filters/use-filters';

/** The region the cards show when the filters name one: the first township, else the district. */
export function headlineScope(valid: Pick<ValidFilters, 'towns' | 'district'>): Region | null {
  return valid.towns[0] ?? valid.district;
}

export function headlineFilter(meta: Meta, valid: ValidFilters): ObservationFilter {
  const scope = headlineScope(valid);
  return {
    indicators: headlineIndicators(meta).list.map((i) => i.id),
    ...(scope ? { region: scope.id } : {}),
  };
}

export function headlineSelection(
  meta: Meta,
  valid: ValidFilters,
  index: ObservationIndex | undefined,
  whole: ObservationIndex | undefined,
): Selection {
  const scope = headlineScope(valid);
  return resolveSelection(valid, meta, index, scope ? { scope, whole } : undefined);
}

/** The unscoped headline response, if the cache holds one: it says which region is on top. */
export function cachedWholeIndex(
  client: QueryClient,
  config: AppConfig,
  meta: Meta,
  valid: ValidFilters,
): ObservationIndex | undefined {
  if (!headlineScope(valid)) return undefined;
  const whole = { indicators: headlineFilter(meta, valid).indicators };
  const data = client.getQueryData(observationsOptions(config, meta, whole).queryKey);
  return data && withIndex(data).index;
}

export function useHeadlineData(meta: Meta) {
  const valid = useValidFilters(meta);
  const client = useQueryClient();
  const config = useConfig();
  const query = useObservations(meta, headlineFilter(meta, valid));
  const index = query.data?.index;
  const whole = cachedWholeIndex(client, config, meta, valid);
  const selection = useMemo(
    () => headlineSelection(meta, valid, index, whole),
    [meta, valid, index, whole],
  );
  return { query, selection };
}
