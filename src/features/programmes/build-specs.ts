import type { ChartSpec } from '@/features/charts/chart-spec';
import { buildIndicatorSpec } from '@/features/charts/indicator-spec';
import type { ObservationIndex } from '@/features/data/observation-index';
import { regionsWithData } from '@/features/data/observation-index';
import type { Lang } from '@/lib/i18n';
import type { Indicator, Meta, Programme } from '@contract/types';
import { scopeOf } from '@/features/filters/scope';
import { districtsOf } from '@/features/filters/resolve';
import type { Selection } from '@/features/filters/selection';
import { translator } from '@/lib/i18n';

/** The campaign years with their baseline in front: what a programme report compares. */
export function programmeYears(meta: Meta, selection: Selection): number[] {
  const c = selection.campaign;
  return c ? meta.years.filter((y) => y >= c.baselineYear && y <= c.endYear) : meta.years;
}

export function buildProgrammeSpecs(
  meta: Meta,
  index: ObservationIndex,
  selection: Selection,
  programme: Programme | null,
  indicators: Indicator[],
  lang: Lang,
  demo: boolean,
): ChartSpec[] {
  const t = translator(lang);
  const withData = regionsWithData(index);
  const districts = districtsOf(meta).filter((d) => withData.has(d.id));
  const regions =
    districts.length > 0 ? districts : meta.regions.filter((r) => withData.has(r.id)).slice(0, 8);
  const years = programmeYears(meta, selection);
  const lastYear = years[years.length - 1] ?? selection.year;
  const focusYear = years.includes(selection.year) ? selection.year : lastYear;
  // Districts compared: the chosen district is named, townships it does not show are not.
  const scope = scopeOf(meta, selection, 'district', focusYear);
  return indicators.map((ind) =>
    buildIndicatorSpec({
      id: `programme-${programme?.id ?? 'none'}-${ind.id}`,
      meta,
      index,
      indicator: ind,
      regions,
      selectedIds: new Set(selection.district ? [selection.district.id] : []),
      years,
      campaign: selection.campaign,
      // The lines are the districts, never the city itself (whose figure the summary gives):
      // the title says so, as the trends view's districts chart does.
      title: t(districts.length > 0 ? 'chart.programmeDistrictsTitle' : 'chart.programmeTitle', {
        programme: programme?.name[lang] ?? '',
        indicator: ind.name[lang],
      }),
      scope,
      lang,
      demo,
      focus: {
        // The city when no district is chosen: the summary then speaks of the city, not a district.
        regionId: selection.district?.id ?? selection.top?.id ?? null,
        year: focusYear,
        compareYear: selection.campaign?.baselineYear ?? null,
      },
    }),
  );
}
