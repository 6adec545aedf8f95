/**
 * A recipe run outside React (the report): the same requests as the screen, through
 * `client.query`, so whatever the screen has cached is reused and the rest is fetched once.
 */
import type { QueryClient } from '@tanstack/react-query';
import type { AppConfig } from '@/features/data/config';
import type { ObservationIndex } from '@/features/data/observation-index';
import { observationsOptions, rankingsOptions, withIndex } from '@/features/data/queries';
import type { ObservationFilter } from '@/features/data/queries';
import type { Fetched } from '@/features/data/requests';
import type { ValidFilters } from '@/features/filters/resolve';
import type { Selection } from '@/features/filters/selection';
import type { Meta } from '@contract/types';
import type { RecipeInputs } from './recipe';

export interface RecipeContext {
  client: QueryClient;
  config: AppConfig;
  meta: Meta;
}

/** An observations response already in the cache, indexed; never a request. */
export function cachedIndex(
  { client, config, meta }: RecipeContext,
  filter: ObservationFilter,
): ObservationIndex | undefined {
  const data = client.getQueryData(observationsOptions(config, meta, filter).queryKey);
  return data && withIndex(data).index;
}

export async function fetchRecipe(
  ctx: RecipeContext,
  recipe: Pick<RecipeInputs, 'requests' | 'selection'>,
  valid: ValidFilters,
): Promise<{ data: Fetched; selection: Selection }> {
  const { client, config, meta } = ctx;
  const requests = recipe.requests(meta, valid);
  const [rankings, observations] = await Promise.all([
    requests.rankings && client.query(rankingsOptions(config, meta, requests.rankings, client)),
    client.query(observationsOptions(config, meta, requests.observations, client)),
  ]);
  const data: Fetched = {
    observations: withIndex(observations).index,
    rankings: rankings?.data,
    whole: requests.whole && cachedIndex(ctx, requests.whole),
  };
  return { data, selection: recipe.selection(meta, valid, data) };
}
