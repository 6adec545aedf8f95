import type { Observation } from '@contract/types';

/**
 * Observations indexed once per response: indicator → region → year. Views read cells through
 * this instead of scanning arrays on every render.
 */
export type ObservationIndex = Map<string, Map<string, Map<number, Observation>>>;

export function indexObservations(list: readonly Observation[]): ObservationIndex {
  const index: ObservationIndex = new Map();
  for (const o of list) {
    let byRegion = index.get(o.indicator);
    if (!byRegion) index.set(o.indicator, (byRegion = new Map<string, Map<number, Observation>>()));
    let byYear = byRegion.get(o.region);
    if (!byYear) byRegion.set(o.region, (byYear = new Map<number, Observation>()));
    byYear.set(o.year, o);
  }
  return index;
}

export function cell(
  index: ObservationIndex,
  indicator: string,
  region: string,
  year: number,
): Observation | undefined {
  return index.get(indicator)?.get(region)?.get(year);
}

const yearsCache = new WeakMap<ObservationIndex, number[]>();
const regionsCache = new WeakMap<ObservationIndex, Set<string>>();

/** Years (ascending) that hold a non-null value anywhere in the index (computed once per index). */
export function yearsWithData(index: ObservationIndex): number[] {
  let years = yearsCache.get(index);
  if (!years) yearsCache.set(index, (years = scanYears(index)));
  return years;
}

function scanYears(index: ObservationIndex): number[] {
  const years = new Set<number>();
  for (const byRegion of index.values())
    for (const byYear of byRegion.values())
      for (const [year, o] of byYear) if (o.value !== null) years.add(year);
  return [...years].sort((a, b) => a - b);
}

/** Regions that hold a non-null value for some indicator and year (computed once per index). */
export function regionsWithData(index: ObservationIndex): ReadonlySet<string> {
  let regions = regionsCache.get(index);
  if (!regions) regionsCache.set(index, (regions = scanRegions(index)));
  return regions;
}

function scanRegions(index: ObservationIndex): Set<string> {
  const regions = new Set<string>();
  for (const byRegion of index.values())
    for (const [region, byYear] of byRegion)
      for (const o of byYear.values())
        if (o.value !== null) {
          regions.add(region);
          break;
        }
  return regions;
}
