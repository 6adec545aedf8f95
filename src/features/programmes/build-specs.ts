import type { ChartSpec } from '@/features/charts/chart-spec';
import { buildIndicatorSpec } from '@/features/charts/indicator-spec';
import type { ObservationIndex } from '@/features/data/observation-index';
import { regionsWithData } from '@/features/data/observation-index';
import type { Lang } from '@/lib/i18n';
import type { Indicator, Meta, Programme } from '@contract/types';
import { scopeOf } from '@/features/filters/scope';
import { campaignForYear } from '@/features/filters/defaults';
import type { ValidFilters } from '@/features/filters/resolve';
import { districtsOf } from '@/features/filters/resolve';
import type { Selection } from '@/features/filters/selection';
import { translator } from '@/lib/i18n';

export function chosenProgramme(
  meta: Meta,
  valid: Pick<ValidFilters, 'programme'>,
): { programme: Programme | null; indicators: Indicator[] } {
  const programme =
    valid.programme ??
    meta.programmes.find((p) => meta.indicators.some((i) => i.programme === p.id)) ??
    meta.programmes[0] ??
    null;
  return {
    programme,
    indicators: meta.indicators.filter((i) => i.programme === (programme?.id ?? null)),
  };
}

/**
 * Programmes compare campaign years, so the campaign is settled before any data is fetched
 * (the chosen one, else the one of the chosen or latest year): the request can then ask for
 * those years only, and the selection resolves within them.
 */
export function programmeFilters(meta: Meta, valid: ValidFilters): ValidFilters {
  if (valid.campaign) return valid;
  const year = valid.year ?? meta.years[meta.years.length - 1];
  return year === undefined ? valid : { ...valid, campaign: campaignForYear(meta, year) };
}

/** `from`/`to` for the observations request: the campaign with its baseline year. */
export function programmeRange(valid: ValidFilters): { from?: number; to?: number } {
  const c = valid.campaign;
  return c ? { from: c.baselineYear, to: c.endYear } : {};
}

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
      title: t('chart.programmeTitle', {
        programme: programme?.name[lang] ?? '',
        indicator: ind.name[lang],
      }),
      scope,
      lang,
      demo,
      focus: {
        regionId: selection.district?.id ?? null,
        year: focusYear,
        compareYear: selection.campaign?.baselineYear ?? null,
      },
    }),
  );
}
