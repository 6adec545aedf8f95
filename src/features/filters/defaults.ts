import type { Campaign, Meta, Region } from '@contract/types';
import { REGION_LEVELS } from '@contract/types';

/** The highest-level region that has data (meta order breaks ties); the first root without data. */
export function topRegion(meta: Meta, withData: ReadonlySet<string> | null): Region | null {
  const candidates = withData
    ? meta.regions.filter((r) => withData.has(r.id))
    : meta.regions.filter((r) => r.parent === null);
  let best: Region | null = null;
  for (const r of candidates) {
    if (!best || REGION_LEVELS.indexOf(r.level) < REGION_LEVELS.indexOf(best.level)) best = r;
  }
  return best ?? meta.regions[0] ?? null;
}

/** The regions above one, nearest first (a broken parent chain stops where it breaks). */
function ancestors(byId: ReadonlyMap<string, Region>, region: Region): Region[] {
  const out: Region[] = [];
  const seen = new Set([region.id]);
  for (let p = region.parent; p !== null && !seen.has(p);) {
    const parent = byId.get(p);
    if (!parent) break;
    out.push(parent);
    seen.add(p);
    p = parent.parent;
  }
  return out;
}

/**
 * The "all" region when only part of the tree was fetched, from meta alone: the nearest region
 * above every district (what the district choice ranges over), else the root above `region`.
 */
export function regionAboveDistricts(meta: Meta, region: Region): Region {
  const byId = new Map(meta.regions.map((r) => [r.id, r]));
  const districts = meta.regions.filter((r) => r.level === 'district');
  const [first, ...rest] = districts.map((d) => ancestors(byId, d));
  const shared = first?.find((a) => rest.every((chain) => chain.includes(a)));
  return shared ?? ancestors(byId, region).at(-1) ?? region;
}

/** Latest year with data; within a chosen campaign when one is chosen and has data. */
export function defaultYear(
  meta: Meta,
  dataYears: readonly number[],
  campaign: Campaign | null,
): number {
  const pool = dataYears.length > 0 ? dataYears : meta.years;
  const inCampaign = campaign
    ? pool.filter((y) => y >= campaign.startYear && y <= campaign.endYear)
    : [];
  const list = inCampaign.length > 0 ? inCampaign : pool;
  return list[list.length - 1] ?? meta.years[meta.years.length - 1] ?? new Date().getFullYear();
}

/** The campaign a year belongs to; else the latest one that started before it; else the first. */
export function campaignForYear(meta: Meta, year: number): Campaign | null {
  const sorted = [...meta.campaigns].sort((a, b) => a.startYear - b.startYear);
  return (
    sorted.find((c) => year >= c.startYear && year <= c.endYear) ??
    [...sorted].reverse().find((c) => c.startYear <= year) ??
    sorted[0] ??
    null
  );
}
