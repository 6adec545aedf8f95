import type { QueryClient } from '@tanstack/react-query';
import { completionFilter, completionRegions } from '@/features/completion/request';
import type { AppConfig } from '@/features/data/config';
import type { Requests } from '@/features/data/requests';
import { observationsOptions, rankingsOptions } from '@/features/data/queries';
import { validateFilters } from '@/features/filters/resolve';
import type { ValidFilters } from '@/features/filters/resolve';
import type { Selection } from '@/features/filters/selection';
import { readRaw } from '@/features/filters/url-params';
import { mapRecipe } from '@/features/map/recipe';
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
  /** What it asks for at the same time as the first, settling nothing here. */
  alongside?: RecipeInputs['requests'];
}

/** The completion table's data for the selection: the overview's warnings line and table. */
function completionQuery(client: QueryClient, config: AppConfig, meta: Meta, s: Selection) {
  const regions = completionRegions(s);
  const filter = completionFilter(meta, regions, s.year, s.compare, s.campaign);
  return regions.length > 0
    ? [client.query(observationsOptions(config, meta, filter, client))]
    : [];
}

const starts: Partial<Record<string, Start>> = {
  overview: {
    ...overviewInputs,
    // The warnings line (often a phone's largest text) and the rank badges wait for these; the
    // view asks for the same keys itself (overview-view.tsx, rank-badges.tsx), after rendering.
    then: (client, config, meta, s) => [
      ...completionQuery(client, config, meta, s),
      ...(meta.assessments.length > 0
        ? [client.query(rankingsOptions(config, meta, rankingRequest(meta, s.selected), client))]
        : []),
    ],
  },
  // Not the view's recipe, which comes with its chunk: waiting for that chunk (behind React's
  // first render on a slow CPU) would ask no earlier than the view itself does.
  trends: { requests: trendsRequests },
  // `screen=wall`, whatever the view (wall-body.tsx): the overview's cards and the warnings'
  // completion data, and the map's lead indicator; not the overview's rank badges' rankings,
  // which the wall does not show.
  wall: {
    ...overviewInputs,
    alongside: mapRecipe.requests,
    then: completionQuery,
  },
};

/** A view's first requests through `client.query`, under the keys the view reads. */
function ask(client: QueryClient, config: AppConfig, meta: Meta, first: Requests) {
  return Promise.all([
    client.query(observationsOptions(config, meta, first.observations, client)),
    first.rankings && client.query(rankingsOptions(config, meta, first.rankings, client)),
  ]);
}

/**
 * A cold link's first data, asked for as soon as meta is in rather than once React has rendered
 * the view (at 4× CPU that render takes half a second, and on a phone's network the request then
 * waits a round trip more): the view's recipe says what it will ask for, and the same query
 * options put the answer under the key the view then reads, so the view asks nothing twice.
 * The overview's second round (its warnings and ranks, which need the year and region the
 * first answer settles) follows the first answer at once instead of the next render. The wall
 * (`screen=wall`) starts its own reads, whatever view the URL names.
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
    const raw = readRaw(new URLSearchParams(search));
    const valid: ValidFilters = validateFilters(raw, meta);
    const start = starts[raw.screen === 'wall' ? 'wall' : valid.view];
    if (!start) return;
    const { requests, selection, then, alongside } = start;
    // Its failure, too, stays in the cache for the view; the first round does not wait on it.
    const besides = alongside
      ? ask(client, config, meta, alongside(meta, valid)).catch(() => undefined)
      : null;
    if (!selection || !then) {
      await Promise.all([ask(client, config, meta, requests(meta, valid)), besides]);
      return;
    }
    const settled = await fetchRecipe({ client, config, meta }, { requests, selection }, valid);
    firstIn();
    await Promise.all([...then(client, config, meta, settled.selection), besides]);
  } catch {
    // reported by the view
  } finally {
    firstIn();
  }
}
