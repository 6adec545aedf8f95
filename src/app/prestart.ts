import type { QueryClient } from '@tanstack/react-query';
import type { AppConfig } from '@/features/data/config';
import { observationsOptions, rankingsOptions } from '@/features/data/queries';
import { validateFilters } from '@/features/filters/resolve';
import { readRaw } from '@/features/filters/url-params';
import { overviewInputs } from '@/features/overview/inputs';
import type { RecipeInputs } from '@/features/recipe/recipe';
import { trendsRequests } from '@/features/trends/requests';
import type { Meta } from '@contract/types';

/** The recipe inputs of the views whose first data is worth asking for before they render. */
const requestsOf: Partial<Record<string, RecipeInputs['requests']>> = {
  overview: overviewInputs.requests,
  // Not the view's recipe, which comes with its chunk: waiting for that chunk (behind React's
  // first render on a slow CPU) would ask no earlier than the view itself does.
  trends: trendsRequests,
};

/**
 * A cold link's first data, asked for as soon as meta is in rather than once React has rendered
 * the view (at 4× CPU that render takes half a second, and on a phone's network the request then
 * waits a round trip more): the view's recipe says what it will ask for, and the same query
 * options put the answer under the key the view then reads, so the view asks nothing twice.
 * Nothing is decided here: a link the recipe reads otherwise simply finds nothing cached.
 */
export async function prestartViewData(
  client: QueryClient,
  config: AppConfig,
  meta: Meta,
  search: string,
): Promise<void> {
  const valid = validateFilters(readRaw(new URLSearchParams(search)), meta);
  const requests = requestsOf[valid.view]?.(meta, valid);
  if (!requests) return;
  // A failure stays in the cache: the view shows it with a retry, as if it had asked itself.
  const started: Promise<unknown>[] = [
    client
      .query(observationsOptions(config, meta, requests.observations, client))
      .catch(() => undefined),
  ];
  if (requests.rankings)
    started.push(
      client.query(rankingsOptions(config, meta, requests.rankings, client)).catch(() => undefined),
    );
  await Promise.all(started);
}
