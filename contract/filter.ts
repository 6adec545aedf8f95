/**
 * The query semantics of the contract, free of msw so that a plain Node HTTP server (for e2e
 * runs against a built app) serves exactly what the in-browser demo serves. Parameter parsing
 * (query.ts) is shared with the real data service (server/). A dataset whose meta lists no
 * `capabilities` is served as a 1.0 server would serve it.
 */
import type { WireDataset, WireMeta, WireObservation, WireRanking, WireRegion } from './wire-types';
import { badRequest, parseObservationQuery, parseRankingQuery } from './query';
import type {
  ApiResult,
  Capabilities,
  Endpoint,
  ObservationQuery,
  RankingQuery,
  YearBounds,
} from './query';

/** All a subtree needs of a region: the wire's and the app's parsed regions both have it. */
type Node = Pick<WireRegion, 'id' | 'parent'>;

const childLists = new WeakMap<readonly Node[], Map<string, string[]>>();

function childrenOf(regions: readonly Node[]): Map<string, string[]> {
  let children = childLists.get(regions);
  if (!children) {
    children = new Map();
    // A test server may serve a deliberately broken meta (null entries): skip what is not a region.
    for (const r of regions as readonly (Node | null)[]) {
      if (typeof r !== 'object' || r === null || typeof r.parent !== 'string') continue;
      const list = children.get(r.parent);
      if (list) list.push(r.id);
      else children.set(r.parent, [r.id]);
    }
    childLists.set(regions, children);
  }
  return children;
}

/**
 * The region and the regions at most `depth` levels of parenthood below it (all of them when
 * `depth` is null); empty when the id is unknown.
 */
export function regionSubtree(
  regions: readonly Node[],
  root: string,
  depth: number | null = null,
  into: Set<string> = new Set<string>(),
): Set<string> {
  if (!(regions as readonly (Node | null)[]).some((r) => r?.id === root)) return into;
  const children = childrenOf(regions);
  const seen = new Set<string>();
  let frontier = [root];
  for (let level = 0; frontier.length > 0 && (depth === null || level <= depth); level++) {
    const next: string[] = [];
    for (const id of frontier) {
      // The seen check also stops a malformed (cyclic) region list from looping forever.
      if (seen.has(id)) continue;
      seen.add(id);
      into.add(id);
      next.push(...(children.get(id) ?? []));
    }
    frontier = next;
  }
  return into;
}

function inBounds(year: number, { from, to }: YearBounds): boolean {
  return (from === null || year >= from) && (to === null || year <= to);
}

/** The regions an observation query selects, or null for all of them. */
export function selectedRegions(meta: WireMeta, query: ObservationQuery): Set<string> | null {
  let selected: Set<string> | null = null;
  if (query.regions !== null) {
    selected = new Set<string>();
    for (const root of query.regions) regionSubtree(meta.regions, root, query.depth, selected);
  }
  const levels = query.levels;
  if (levels === null) return selected;
  const kept = new Set<string>();
  for (const r of meta.regions as readonly (WireRegion | null)[])
    if (r && levels.has(r.level) && (selected === null || selected.has(r.id))) kept.add(r.id);
  return kept;
}

export function filterObservations(
  dataset: WireDataset,
  query: ObservationQuery,
): WireObservation[] {
  const regions = selectedRegions(dataset.meta, query);
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
      (query.assessments === null || query.assessments.has(r.assessment)) &&
      (query.regions === null || query.regions.has(r.region)),
  );
}

export function capabilitiesOf(meta: WireMeta): Capabilities {
  const listed: unknown = meta.capabilities;
  return new Set(Array.isArray(listed) ? (listed as WireMeta['capabilities']) : []);
}

/** A body with the dataset's `dataVersion`, when it has one (1.1: on every answer). */
function versioned<T extends object>(meta: WireMeta, body: T): T | (T & { dataVersion: string }) {
  return meta.dataVersion === undefined ? body : { dataVersion: meta.dataVersion, ...body };
}

/** Everything one endpoint answers; unknown query parameters are ignored (forward compatibility). */
export function respond(
  dataset: WireDataset,
  endpoint: Endpoint,
  params: URLSearchParams,
): ApiResult {
  const capabilities = capabilitiesOf(dataset.meta);
  switch (endpoint) {
    case 'meta':
      return { status: 200, body: dataset.meta };
    case 'observations': {
      const query = parseObservationQuery(params, capabilities);
      if (!query.ok) return badRequest(query.message);
      const observations = filterObservations(dataset, query.value);
      return { status: 200, body: versioned(dataset.meta, { observations }) };
    }
    case 'rankings': {
      const query = parseRankingQuery(params, capabilities);
      if (!query.ok) return badRequest(query.message);
      const rankings = filterRankings(dataset, query.value);
      return { status: 200, body: versioned(dataset.meta, { rankings }) };
    }
  }
}
