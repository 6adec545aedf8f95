/**
 * Where a region sits in the tree, as stored in regions.path: length-prefixed ids from the root
 * down, so a subtree is every path with a given prefix. Written on import (write.ts), matched
 * by prefix when /observations asks for a region (read.ts).
 */
import type { WireRegion } from '@contract/wire-types';

/** Characters as SQL counts them (code points), not UTF-16 units. */
export function codePointLength(text: string): number {
  return Array.from(text).length;
}

/** Length-prefixed ids from the root down, so a subtree is every path with this prefix. */
export function regionPaths(regions: readonly WireRegion[]): Map<string, string> {
  const byId = new Map(regions.map((r) => [r.id, r]));
  const paths = new Map<string, string>();
  const segment = (id: string) => `${codePointLength(id)}:${id}|`;
  for (const region of regions) {
    const chain: WireRegion[] = [];
    const onChain = new Set<string>();
    let current: WireRegion | undefined = region;
    while (current && !paths.has(current.id)) {
      if (onChain.has(current.id)) throw new Error(`region ${current.id} is its own ancestor`);
      onChain.add(current.id);
      chain.push(current);
      current = current.parent === null ? undefined : byId.get(current.parent);
    }
    let prefix = current ? (paths.get(current.id) ?? '') : '';
    for (let i = chain.length - 1; i >= 0; i--) {
      const link = chain[i];
      if (!link) continue;
      prefix += segment(link.id);
      paths.set(link.id, prefix);
    }
  }
  return paths;
}

/**
 * How many levels of parenthood lie above the region whose path this is (a root is 0): the
 * number of length-prefixed segments, less one. Ids may hold any character, so the segments are
 * read by their lengths, never split on "|".
 */
export function pathDepth(path: string): number {
  const chars = Array.from(path);
  let segments = 0;
  let at = 0;
  while (at < chars.length) {
    let digits = '';
    while (at < chars.length && chars[at] !== ':') digits += chars[at++] ?? '';
    const length = Number(digits);
    if (digits === '' || !Number.isSafeInteger(length)) break;
    at += 1 + length + 1; // ":" + the id + "|"
    segments++;
  }
  return Math.max(0, segments - 1);
}
