/**
 * 指标完成情况表: every indicator for the chosen region(s) and year, against the comparison
 * year (the campaign's baseline unless another is chosen), the previous year and the target,
 * with the region's place among its peers. Pure: the screen, the warnings, the CSV/XLSX and
 * the Word report all read this one model, and words are written at the edge (table-text.ts).
 */
import type { ObservationIndex } from '@/features/data/observation-index';
import { cell } from '@/features/data/observation-index';
import { campaignTotal } from '@/lib/campaign-total';
import type { CampaignTotal } from '@/lib/campaign-total';
import { computeChange } from '@/lib/change';
import type { Change } from '@/lib/change';
import type { Campaign, Indicator, Localized, Meta, Observation, Region } from '@contract/types';
import { peerRanks } from './peer-rank';
import type { PeerRank } from './peer-rank';

export interface CompletionCell {
  region: Region;
  obs: Observation | undefined;
  vsCompare: Change | null;
  vsPrevious: Change | null;
  /** Hidden when the value is suppressed: a target would reveal what was withheld. */
  target: number | null;
  /** null: no target, no value, or a neutral indicator (which has no "met"). */
  met: boolean | null;
  rank: PeerRank | null;
  /** The campaign's total (flow and cumulative indicators), by lib/campaign-total's rules. */
  total: CampaignTotal | null;
}

export interface CompletionRow {
  indicator: Indicator;
  /** The group heading: key indicators first, then each programme, then the rest. */
  group: Localized | null;
  cells: CompletionCell[];
}

export interface CompletionModel {
  regions: Region[];
  year: number;
  compare: number | null;
  previous: number;
  rows: CompletionRow[];
  /** The years every total in the table covers; null when no row has one. */
  totalSpan: { from: number; to: number } | null;
  /**
   * Some region shown has a peer (another region of its level under the same parent) with a
   * value that year. False for a city alone at its level: no place can be given, so the place
   * column is left out of the screen, paper and files rather than filled with "—".
   */
  ranked: boolean;
}

/** Regions of the same level under the same parent (for a root: the other roots of its level). */
export function peersOf(meta: Meta, region: Region): Region[] {
  return meta.regions.filter((r) => r.parent === region.parent && r.level === region.level);
}

/** Whether a value meets its target, by the contract's rule. */
export function targetMet(
  indicator: Indicator,
  value: number | null | undefined,
  target: number | null,
): boolean | null {
  if (target == null || value == null || indicator.better === 'neutral') return null;
  return indicator.better === 'lower' ? value <= target : value >= target;
}

export const KEY_GROUP: Localized = { zh: '重点指标', en: 'Key indicators' };
export const OTHER_GROUP: Localized = { zh: '其他指标', en: 'Other indicators' };

/** Key indicators first, then by programme in meta's order, then those without one. */
export function orderedIndicators(meta: Meta): { indicator: Indicator; group: Localized | null }[] {
  const key = meta.indicators.filter((i) => i.headline);
  const rest = meta.indicators.filter((i) => !i.headline);
  const out: { indicator: Indicator; group: Localized | null }[] = key.map((indicator) => ({
    indicator,
    group: KEY_GROUP,
  }));
  const grouped = key.length > 0 || meta.programmes.length > 0;
  for (const p of meta.programmes)
    for (const indicator of rest.filter((i) => i.programme === p.id))
      out.push({ indicator, group: p.name });
  const known = new Set(meta.programmes.map((p) => p.id));
  for (const indicator of rest.filter((i) => i.programme === null || !known.has(i.programme)))
    out.push({ indicator, group: grouped ? OTHER_GROUP : null });
  return out;
}

export function buildCompletion(input: {
  meta: Meta;
  index: ObservationIndex;
  regions: readonly Region[];
  year: number;
  compare: number | null;
  /** Totals need the campaign (and its years in `index`: see completionFilter). */
  campaign?: Campaign | null;
}): CompletionModel {
  const { meta, index, regions, year } = input;
  let totalSpan: CompletionModel['totalSpan'] = null;
  const compare = input.compare !== null && input.compare < year ? input.compare : null;
  const previous = year - 1;
  const peerSets = new Map(regions.map((r) => [r.id, peersOf(meta, r)]));
  const rows = orderedIndicators(meta).map(({ indicator, group }): CompletionRow => {
    const at = (region: string, y: number) => cell(index, indicator.id, region, y);
    const cells = regions.map((region): CompletionCell => {
      const obs = at(region.id, year);
      const value = obs?.value;
      const change = (y: number | null) =>
        y === null
          ? null
          : computeChange(at(region.id, y)?.value, value, indicator.unit, indicator.better);
      const peers = peerSets.get(region.id) ?? [region];
      const ranks = peerRanks(
        new Map(peers.map((p) => [p.id, at(p.id, year)?.value])),
        indicator.better,
      );
      const target = obs?.suppressedBelow != null ? null : (obs?.target ?? null);
      const total = campaignTotal({
        aggregation: indicator.aggregation,
        campaign: input.campaign ?? null,
        year,
        at: (y) => at(region.id, y),
      });
      if (total) totalSpan ??= { from: total.from, to: total.to };
      return {
        region,
        obs,
        vsCompare: change(compare),
        vsPrevious: change(previous),
        target,
        met: targetMet(indicator, value, target),
        rank: ranks.get(region.id) ?? null,
        total,
      };
    });
    return { indicator, group, cells };
  });
  const ranked = regions.some((region) =>
    (peerSets.get(region.id) ?? []).some(
      (p) =>
        p.id !== region.id &&
        rows.some(({ indicator }) => Number.isFinite(cell(index, indicator.id, p.id, year)?.value)),
    ),
  );
  return { regions: [...regions], year, compare, previous, rows, totalSpan, ranked };
}
