/**
 * The query semantics of the contract, free of msw so that a plain Node HTTP server (for e2e
 * runs against a built app) serves exactly what the in-browser demo serves. Parameter parsing
 * (query.ts) is shared with the real data service (server/).
 */
import type { WireDataset, WireObservation, WireRanking, WireRegion } from './wire-types';
import { badRequest, parseObservationQuery, parseRankingQuery } from './query';
import type { ApiResult, Endpoint, ObservationQuery, RankingQuery, YearBounds } from './query';

/** The region and everything below it; empty when the id is unknown. */
export function regionSubtree(regions: readonly WireRegion[], root: string): Set<string> {
  const subtree = new Set<string>();
  if (!regions.some((r) => r.id === root)) return subtree;
  const pending = [root];
  for (let id = pending.pop(); id !== undefined; id = pending.pop()) {
    // The visited check also stops a malformed (cyclic) region list from looping forever.
    if (subtree.has(id)) continue;
    subtree.add(id);
    for (const r of regions) if (r.parent === id) pending.push(r.id);
  }
  return subtree;
}

function inBounds(year: number, { from, to }: YearBounds): boolean {
  return (from === null || year >= from) && (to === null || year <= to);
}

export function filterObservations(
  dataset: WireDataset,
  query: ObservationQuery,
): WireObservation[] {
  const regions = query.region === null ? null : regionSubtree(dataset.meta.regions, query.region);
  return dataset.observations.filter(
    (o) =>
      inBounds(o.year, query) &&
      (regions === null || regions.has(o.region)) &&
      (query.indicators === null || query.indicators.has(o.indicator)),
  );
}

export function filterRankings(dataset: WireDataset, query: RankingQuery): WireRanking[] {
  return dataset.rankings.filter(
    (r) =>
      inBounds(r.year, query) &&
      (query.assessments === null || query.assessments.has(r.assessment)),
  );
}

/** Everything one endpoint answers; unknown query parameters are ignored (forward compatibility). */
export function respond(
  dataset: WireDataset,
  endpoint: Endpoint,
  params: URLSearchParams,
): ApiResult {
  switch (endpoint) {
    case 'meta':
      return { status: 200, body: dataset.meta };
    case 'observations': {
      const query = parseObservationQuery(params);
      if (!query.ok) return badRequest(query.message);
      return { status: 200, body: { observations: filterObservations(dataset, query.value) } };
    }
    case 'rankings': {
      const query = parseRankingQuery(params);
      if (!query.ok) return badRequest(query.message);
      return { status: 200, body: { rankings: filterRankings(dataset, query.value) } };
    }
  }
}
