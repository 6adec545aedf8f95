import type { QueryClient } from '@tanstack/react-query';
import { completionFilter, completionRegions } from '@/features/completion/request';
import type { AppConfig } from '@/features/data/config';
import { observationsOptions, rankingsOptions } from '@/features/data/queries';
import { validateFilters } from '@/features/filters/resolve';
import type { ValidFilters } from '@/features/filters/resolve';
import type { Selection } from '@/features/filters/selection';
import { readRaw } from '@/features/filters/url-params';
import { overviewInputs } from '@/features/overview/inputs';
import { rankingRequest } from '@/features/overview/rank-request';
import type { RecipeInputs } from '@/features/recipe/recipe';
import { fetchRecipe } from '@/features/recipe/run-recipe';
import { trendsRequests } from '@/features/trends/requests';
import type { Meta } from '@contract/types';

interface Start {
  /** What the view asks for first. */
  requests: RecipeInputs['requests'];
  /** With `then`: the view's selection rules, to settle the year and region from that answer. */
  selection?: RecipeInputs['selection'];
  /** What it asks for once that is in and has settled the selection (year, region). */
  then?: (client: QueryClient, config: AppConfig, meta: Meta, s: Selection) => Promise<unknown>[];
}

const starts: Partial<Record<string, Start>> = {
  overview: {
    ...overviewInputs,
    // The warnings line (often a phone's largest text) and the rank badges wait for these; the
    // view asks for the same keys itself (overview-view.tsx, rank-badges.tsx), after rendering.
    then: (client, config, meta, s) => {
      const regions = completionRegions(s);
      const filter = completionFilter(meta, regions, s.year, s.compare, s.campaign);
      return [
        ...(regions.length > 0
          ? [client.query(observationsOptions(config, meta, filter, client))]
          : []),
        ...(meta.assessments.length > 0
          ? [client.query(rankingsOptions(config, meta, rankingRequest(meta, s.selected), client))]
          : []),
      ];
    },
  },
  // Not the view's recipe, which comes with its chunk: waiting for that chunk (behind React's
  // first render on a slow CPU) would ask no earlier than the view itself does.
  trends: { requests: trendsRequests },
};

/**
 * A cold link's first data, asked for as soon as meta is in rather than once React has rendered
 * the view (at 4× CPU that render takes half a second, and on a phone's network the request then
 * waits a round trip more): the view's recipe says what it will ask for, and the same query
 * options put the answer under the key the view then reads, so the view asks nothing twice.
 * The overview's second round (its warnings and ranks, which need the year and region the
 * first answer settles) follows the first answer at once instead of the next render.
 * Nothing is decided here: a link the recipe reads otherwise simply finds nothing cached.
 */
export async function prestartViewData(
  client: QueryClient,
  config: AppConfig,
  meta: Meta,
  search: string,
  firstIn: () => void = () => undefined,
): Promise<void> {
  // A failure stays in the cache: the view shows it with a retry, as if it had asked itself.
  try {
    const valid: ValidFilters = validateFilters(readRaw(new URLSearchParams(search)), meta);
    const start = starts[valid.view];
    if (!start) return;
    const { requests, selection, then } = start;
    if (!selection || !then) {
      const first = requests(meta, valid);
      await Promise.all([
        client.query(observationsOptions(config, meta, first.observations, client)),
        first.rankings && client.query(rankingsOptions(config, meta, first.rankings, client)),
      ]);
      return;
    }
    const settled = await fetchRecipe({ client, config, meta }, { requests, selection }, valid);
    firstIn();
    await Promise.all(then(client, config, meta, settled.selection));
  } catch {
    // reported by the view
  } finally {
    firstIn();
  }
}
