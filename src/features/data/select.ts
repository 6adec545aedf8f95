import type { ObservationIndex } from './observation-index';
import { cell } from './observation-index';
import type { Lang } from '@/lib/i18n';
import type { Indicator, Meta, Region } from '@contract/types';

export function seriesValues(
  index: ObservationIndex,
  indicator: string,
  region: string,
  years: readonly number[],
): (number | null)[] {
  return years.map((y) => cell(index, indicator, region, y)?.value ?? null);
}

/** Years among `years` in which any of the regions has a provisional value. */
export function provisionalYears(
  index: ObservationIndex,
  indicator: string,
  regions: readonly string[],
  years: readonly number[],
): number[] {
  return years.filter((y) =>
    regions.some((r) => cell(index, indicator, r, y)?.provisional === true),
  );
}

/** Footnotes attached to cells, as "region year: note" lines. */
export function cellNotes(
  index: ObservationIndex,
  indicator: string,
  regions: readonly Region[],
  years: readonly number[],
  lang: Lang,
): string[] {
  const out: string[] = [];
  for (const r of regions)
    for (const y of years) {
      const note = cell(index, indicator, r.id, y)?.note;
      if (note) out.push(`${r.name[lang]} ${y}: ${note[lang]}`);
    }
  return out;
}

export function headlineIndicators(meta: Meta, max = 8): { list: Indicator[]; fallback: boolean } {
  const flagged = meta.indicators.filter((i) => i.headline);
  if (flagged.length > 0) return { list: flagged, fallback: false };
  return { list: meta.indicators.slice(0, max), fallback: true };
}

export function regionById(meta: Meta, id: string | null | undefined): Region | undefined {
  return id ? meta.regions.find((r) => r.id === id) : undefined;
}

export function childrenOf(meta: Meta, id: string): Region[] {
  return meta.regions.filter((r) => r.parent === id);
}
