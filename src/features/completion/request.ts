import { can } from '@/features/data/capabilities';
import type { ObservationFilter } from '@/features/data/queries';
import type { Selection } from '@/features/filters/selection';
import type { Campaign, Meta, Region } from '@contract/types';

/** The regions the table is about: every chosen township, else the one region selected. */
export function completionRegions(selection: Pick<Selection, 'towns' | 'selected'>): Region[] {
  if (selection.towns.length > 1) return selection.towns;
  return selection.selected ? [selection.selected] : [];
}

/**
 * Every indicator for the regions and their peers, from the comparison year (or the previous
 * year, or the campaign's first year for its totals) to the year shown: the subtree of the
 * regions' parent, which holds the peers. A root has no parent; when it is the only root its
 * own subtree is enough.
 */
export function completionFilter(
  meta: Meta,
  regions: readonly Region[],
  year: number,
  compare: number | null,
  campaign: Campaign | null = null,
): ObservationFilter {
  const parents = new Set(regions.map((r) => r.parent));
  const [parent] = parents;
  const start = campaign && campaign.startYear <= year ? campaign.startYear : year - 1;
  const from = Math.min(year - 1, compare ?? year - 1, start);
  const roots = meta.regions.filter((r) => r.parent === null);
  const region =
    parents.size !== 1
      ? undefined
      : parent != null
        ? parent
        : roots.length === 1 && regions[0]
          ? regions[0].id
          : undefined;
  if (region === undefined) return { from, to: year };
  // 1.1: the parent and its children (the peers), or a lone root's own figures — not the
  // whole subtree, which at country scale is every township.
  if (can(meta, 'depth')) return { region, depth: region === parent ? 1 : 0, from, to: year };
  return { region, from, to: year };
}
