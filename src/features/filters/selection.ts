import type { ObservationIndex } from '@/features/data/observation-index';
import { regionsWithData, yearsWithData } from '@/features/data/observation-index';
import type { Campaign, Meta, Region } from '@contract/types';
import { campaignForYear, defaultYear, regionAboveDistricts, topRegion } from './defaults';
import type { IgnoredParam, ValidFilters } from './resolve';
import { validIn } from '@/lib/validity';

/** Everything a view needs to know about "what is selected", with data-driven defaults filled. */
export interface Selection extends Omit<ValidFilters, 'year' | 'campaign' | 'compare'> {
  year: number;
  campaign: Campaign | null;
  /** The year changes are measured against: the chosen one, else the campaign's baseline. */
  compare: number | null;
  top: Region | null;
  /** First chosen township, else the district, else the top region. */
  selected: Region | null;
  yearExplicit: boolean;
}

/**
 * `scoped`: set when `index` holds only `scope`'s subtree. The default year is then that
 * subtree's latest year with data. The index cannot tell which regions above it have data, so
 * the top region (the "all" choice) comes from `whole`, a cached unscoped index of the same
 * indicators, when there is one, and else from meta.
 */
export function resolveSelection(
  valid: ValidFilters,
  meta: Meta,
  index: ObservationIndex | undefined,
  scoped?: { scope: Region; whole?: ObservationIndex },
): Selection {
  const dataYears = index ? yearsWithData(index) : [];
  const withData = index ? regionsWithData(index) : null;
  const year = valid.year ?? defaultYear(meta, dataYears, valid.campaign);
  const campaign = valid.campaign ?? campaignForYear(meta, year);
  const top = !scoped
    ? topRegion(meta, withData)
    : scoped.whole
      ? topRegion(meta, regionsWithData(scoped.whole))
      : regionAboveDistricts(meta, scoped.scope);
  // A comparison year must lie before the year shown; a link that says otherwise is told so.
  const compareValid = valid.compare !== null && valid.compare < year ? valid.compare : null;
  // Townships that did not exist in the year the data chose (an explicit year is checked in
  // validateFilters): not shown, and the link is told so.
  const towns = valid.towns.filter((r) => validIn(r, year));
  const ignored: IgnoredParam[] = [
    ...valid.ignored,
    ...valid.towns
      .filter((r) => !validIn(r, year))
      .map((r) => ({ param: 'town', value: r.id, outside: { region: r, year } })),
    ...(compareValid === null && valid.compare !== null
      ? [{ param: 'compare', value: String(valid.compare) }]
      : []),
  ];
  return {
    ...valid,
    towns,
    ignored,
    year,
    campaign,
    compare: compareValid ?? campaign?.baselineYear ?? null,
    top,
    selected: towns[0] ?? valid.district ?? top,
    yearExplicit: valid.year !== null,
  };
}
