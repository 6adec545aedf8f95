import type { ChartSpec } from '@/features/charts/chart-spec';
import { buildIndicatorSpec } from '@/features/charts/indicator-spec';
import type { ObservationIndex } from '@/features/data/observation-index';
import { headlineIndicators } from '@/features/data/select';
import type { Lang } from '@/lib/i18n';
import type { Meta } from '@contract/types';
import { scopeOf } from '@/features/filters/scope';
import type { Selection } from '@/features/filters/selection';

/** For reports: one figure per headline indicator, the selected region over the years. */
export function buildOverviewSpecs(
  meta: Meta,
  index: ObservationIndex,
  selection: Selection,
  lang: Lang,
  demo: boolean,
): ChartSpec[] {
  const region = selection.selected;
  if (!region) return [];
  const years = meta.years;
  const scope = scopeOf(meta, selection);
  return headlineIndicators(meta).list.map((indicator) =>
    buildIndicatorSpec({
      id: `overview-${indicator.id}`,
      meta,
      index,
      indicator,
      regions: [region],
      selectedIds: new Set([region.id]),
      years,
      campaign: selection.campaign,
      title: `${indicator.name[lang]}${lang === 'zh' ? '：' : ': '}${region.name[lang]}`,
      scope,
      lang,
      demo,
      focus: { regionId: region.id, year: selection.year, compareYear: selection.compare },
    }),
  );
}
