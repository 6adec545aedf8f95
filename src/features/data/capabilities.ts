/**
 * Contract 1.1: optional query features a server lists in `meta.capabilities`. A client sends
 * one only to a server that lists it; a 1.0 server lists none and gets today's requests.
 */
import type { Capability, Meta, Region } from '@contract/types';

export function can(meta: Meta, ...features: Capability[]): boolean {
  const listed = meta.capabilities ?? [];
  return features.every((f) => listed.includes(f));
}

/** How many levels of parenthood `region` lies below `ancestor`; null when it is not below it. */
export function depthBelow(meta: Meta, ancestor: Region, region: Region): number | null {
  const byId = new Map(meta.regions.map((r) => [r.id, r]));
  let steps = 0;
  const seen = new Set<string>();
  for (
    let r: Region | undefined = region;
    r;
    r = r.parent === null ? undefined : byId.get(r.parent)
  ) {
    if (r.id === ancestor.id) return steps;
    if (seen.has(r.id)) return null;
    seen.add(r.id);
    steps++;
  }
  return null;
}
