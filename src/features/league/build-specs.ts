import type { ChartSpec } from '@/features/charts/chart-spec';
import type { ObservationIndex } from '@/features/data/observation-index';
import { regionsWithData } from '@/features/data/observation-index';
import { districtsOf, townshipsOf } from '@/features/filters/resolve';
import { scopeOf } from '@/features/filters/scope';
import type { Selection } from '@/features/filters/selection';
import type { Lang } from '@/lib/i18n';
import { translator } from '@/lib/i18n';
import type { Indicator, Meta } from '@contract/types';
import { buildLeagueSpec } from './league-spec';

/**
 * The chosen district's townships, then the districts (the chosen one marked); with no district
 * chosen, the districts alone. Regions that never report the indicator are left out; those
 * that report it, but not this year, are listed as having no data.
 */
export function buildLeagueSpecs(
  meta: Meta,
  index: ObservationIndex,
  selection: Selection,
  indicator: Indicator,
  lang: Lang,
  demo: boolean,
): ChartSpec[] {
  const t = translator(lang);
  const withData = regionsWithData(index);
  const district = selection.district;
  const towns = district ? townshipsOf(meta, district.id).filter((r) => withData.has(r.id)) : [];
  const districts = districtsOf(meta).filter((r) => withData.has(r.id));
  const neutral = indicator.better === 'neutral';
  const common = {
    meta,
    index,
    indicator,
    year: selection.year,
    // A year is not compared with itself (the first campaign's baseline year, say).
    compare:
      selection.compare !== null && selection.compare < selection.year ? selection.compare : null,
    lang,
    demo,
  };
  const specs: ChartSpec[] = [];
  if (district && towns.length > 0)
    specs.push(
      buildLeagueSpec({
        ...common,
        id: `league-${indicator.id}-townships-${district.id}`,
        regions: towns,
        selectedIds: new Set(selection.towns.map((r) => r.id)),
        title: t(neutral ? 'league.townshipsOrder' : 'league.townshipsTitle', {
          indicator: indicator.name[lang],
          district: district.name[lang],
        }),
        scope: scopeOf(meta, selection, 'district'),
      }),
    );
  if (districts.length > 0)
    specs.push(
      buildLeagueSpec({
        ...common,
        id: `league-${indicator.id}-districts`,
        regions: districts,
        selectedIds: new Set(district ? [district.id] : []),
        title: t(neutral ? 'league.districtsOrder' : 'league.districtsTitle', {
          indicator: indicator.name[lang],
        }),
        // The districts' chart is about the whole city: it names no district in its scope.
        scope: scopeOf(meta, { ...selection, district: null, towns: [] }, 'district'),
      }),
    );
  return specs;
}
