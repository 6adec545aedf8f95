/**
 * A narrower observations request answered from a wider one already in the cache: choosing a
 * district after the whole city has loaded costs no request, and a link straight to a district
 * fetches only that district's subtree. The answer is exactly what the server would send for
 * the narrower parameters (the contract's `region` is "that region and every region below it").
 */
import type { QueryClient } from '@tanstack/react-query';
import { regionSubtree } from '@contract/filter';
import type { Meta, Observation, Parsed } from '@contract/types';

export interface RangeFilter {
  indicators?: readonly string[];
  /** 1.0: that region and every region below it. */
  region?: string;
  /**
   * (1.1) Several regions (capability `region-list`), each with the regions at most `depth`
   * levels below it (capability `depth`; absent = all below).
   */
  regions?: readonly string[];
  depth?: number;
  from?: number;
  to?: number;
}

const childLists = new WeakMap<Meta, Map<string, string[]>>();
const subtrees = new WeakMap<Meta, Map<string, ReadonlySet<string>>>();

function childrenById(meta: Meta): Map<string, string[]> {
  let children = childLists.get(meta);
  if (children) return children;
  children = new Map<string, string[]>();
  for (const r of meta.regions) {
    if (r.parent === null) continue;
    const list = children.get(r.parent);
    if (list) list.push(r.id);
    else children.set(r.parent, [r.id]);
  }
  childLists.set(meta, children);
  return children;
}

/** The region and every region below it (cycles in a broken meta cannot loop). */
export function subtreeIds(meta: Meta, regionId: string): ReadonlySet<string> {
  let cache = subtrees.get(meta);
  if (!cache) subtrees.set(meta, (cache = new Map<string, ReadonlySet<string>>()));
  const hit = cache.get(regionId);
  if (hit) return hit;
  const children = childrenById(meta);
  const ids = new Set<string>([regionId]);
  const queue = [regionId];
  for (let id = queue.pop(); id !== undefined; id = queue.pop())
    for (const child of children.get(id) ?? [])
      if (!ids.has(child)) {
        ids.add(child);
        queue.push(child);
      }
  cache.set(regionId, ids);
  return ids;
}

/** Which regions a filter selects; null = every region. Unknown ids select nothing. */
export function regionSetOf(meta: Meta, f: RangeFilter): ReadonlySet<string> | null {
  const roots = f.regions ?? (f.region !== undefined ? [f.region] : null);
  if (roots === null) return null;
  if (roots.length === 1 && f.depth === undefined && roots[0] !== undefined)
    return subtreeIds(meta, roots[0]);
  const ids = new Set<string>();
  for (const root of roots) regionSubtree(meta.regions, root, f.depth ?? null, ids);
  return ids;
}

/** Does a response for `wide` hold every record a response for `narrow` would? */
export function covers(meta: Meta, wide: RangeFilter, narrow: RangeFilter): boolean {
  if (wide.indicators !== undefined) {
    if (narrow.indicators === undefined) return false;
    const have = new Set(wide.indicators);
    if (!narrow.indicators.every((id) => have.has(id))) return false;
  }
  const wideRegions = regionSetOf(meta, wide);
  if (wideRegions !== null) {
    const narrowRegions = regionSetOf(meta, narrow);
    if (narrowRegions === null) return false;
    for (const id of narrowRegions) if (!wideRegions.has(id)) return false;
  }
  if (wide.from !== undefined && (narrow.from === undefined || narrow.from < wide.from))
    return false;
  if (wide.to !== undefined && (narrow.to === undefined || narrow.to > wide.to)) return false;
  return true;
}

/** The records of a wider response that a `narrow` request would return, in the same order. */
export function narrowTo(
  meta: Meta,
  parsed: Parsed<Observation[]>,
  narrow: RangeFilter,
): Parsed<Observation[]> {
  const indicators = narrow.indicators && new Set(narrow.indicators);
  const regions = regionSetOf(meta, narrow);
  const data = parsed.data.filter(
    (o) =>
      (!indicators || indicators.has(o.indicator)) &&
      (!regions || regions.has(o.region)) &&
      (narrow.from === undefined || o.year >= narrow.from) &&
      (narrow.to === undefined || o.year <= narrow.to),
  );
  // Quality issues cannot be placed in a subtree (the bad record may lack its region), so the
  // notice keeps reporting all of them, as it did for the wider view.
  return { data, issues: parsed.issues };
}

export interface Seed {
  data: Parsed<Observation[]>;
  /** When the wider response was fetched: staleness carries over. */
  updatedAt: number;
  /** The wider response is marked to be fetched again (e.g. restored from storage). */
  invalidated: boolean;
}

/**
 * The freshest cached response under `prefix` whose filter covers `narrow`, cut down to it, with
 * the time it was fetched (so staleness carries over and a refetch happens when it would have).
 */
export function fromCachedSuperset(
  client: QueryClient,
  prefix: readonly unknown[],
  meta: Meta,
  narrow: RangeFilter,
): Seed | undefined {
  let best: Seed | undefined;
  for (const query of client.getQueryCache().findAll({ queryKey: prefix })) {
    const wide = query.queryKey[prefix.length] as RangeFilter | undefined;
    const data = query.state.data as Parsed<Observation[]> | undefined;
    if (!wide || !data || query.state.status !== 'success') continue;
    if (!covers(meta, wide, narrow)) continue;
    if (!best || query.state.dataUpdatedAt > best.updatedAt)
      best = {
        data,
        updatedAt: query.state.dataUpdatedAt,
        invalidated: query.state.isInvalidated,
      };
  }
  return best && { ...best, data: narrowTo(meta, best.data, narrow) };
}
