import type { ChartSpec } from '@/features/charts/chart-spec';
import { buildIndicatorSpec } from '@/features/charts/indicator-spec';
import type { ObservationIndex } from '@/features/data/observation-index';
import { regionsWithData } from '@/features/data/observation-index';
import type { Lang } from '@/lib/i18n';
import type { Indicator, Meta } from '@contract/types';
import { scopeOf } from '@/features/filters/scope';
import { districtsOf, townshipsOf } from '@/features/filters/resolve';
import type { Selection } from '@/features/filters/selection';
import { translator } from '@/lib/i18n';

/** Districts compared, then the chosen district's townships. */
export function buildTrendsSpecs(
  meta: Meta,
  index: ObservationIndex,
  selection: Selection,
  indicator: Indicator,
  lang: Lang,
  demo: boolean,
): ChartSpec[] {
  const t = translator(lang);
  const withData = regionsWithData(index);
  const years = meta.years;
  const top = selection.top;
  // A parent's own rate is a fair reference line; its count would dwarf its parts.
  const isRate =
    indicator.unit === 'percent' || indicator.unit === 'permille' || indicator.unit === 'score';
  const districts = districtsOf(meta).filter((d) => withData.has(d.id));
  const compared = [
    ...(isRate && top && top.level !== 'district' && withData.has(top.id) ? [top] : []),
    ...districts,
  ];
  const district = selection.district;
  const towns = district ? townshipsOf(meta, district.id).filter((r) => withData.has(r.id)) : [];
  const chosenTowns = new Set(selection.towns.map((r) => r.id));
  const common = { meta, index, indicator, years, campaign: selection.campaign, lang, demo };
  const focus = (regionId: string | null) => ({
    regionId,
    year: selection.year,
    compareYear: selection.compare,
  });
  const specs: ChartSpec[] = [];
  if (compared.length > 0) {
    specs.push(
      buildIndicatorSpec({
        ...common,
        id: `trends-${indicator.id}-districts`,
        regions: compared,
        selectedIds: new Set(district ? [district.id] : top ? [top.id] : []),
        title: t('chart.districtsTitle', { indicator: indicator.name[lang] }),
        scope: scopeOf(meta, selection, 'district'),
        // The top region when no district is chosen: the summary speaks of it, not a district.
        focus: focus(district?.id ?? top?.id ?? null),
      }),
    );
  }
  if (district && towns.length > 0) {
    specs.push(
      buildIndicatorSpec({
        ...common,
        id: `trends-${indicator.id}-townships-${district.id}`,
        regions: isRate ? [district, ...towns] : towns,
        selectedIds: chosenTowns.size > 0 ? chosenTowns : new Set(isRate ? [district.id] : []),
        title: t('chart.townshipsTitle', {
          indicator: indicator.name[lang],
          district: district.name[lang],
        }),
        scope: scopeOf(meta, selection),
        focus: focus(selection.towns[0]?.id ?? district.id),
      }),
    );
  }
  return specs;
}
