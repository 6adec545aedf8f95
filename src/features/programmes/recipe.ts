import { NO_CONTROLS } from '@/features/filters/controls';
import { campaignForYear } from '@/features/filters/defaults';
import { groupedProgrammes } from '@/features/filters/programme-kind';
import type { ValidFilters } from '@/features/filters/resolve';
import { resolveSelection } from '@/features/filters/selection';
import type { Recipe } from '@/features/recipe/recipe';
import type { Indicator, Meta, Programme } from '@contract/types';
import { buildProgrammeSpecs } from './build-specs';

const hasIndicators = (meta: Meta, p: Programme) =>
  meta.indicators.some((i) => i.programme === p.id);

/** The chosen programme, else the first one with indicators: the select and the charts show it. */
export function chosenProgramme(
  meta: Meta,
  valid: Pick<ValidFilters, 'programme'>,
): { programme: Programme | null; indicators: Indicator[] } {
  const programme =
    valid.programme ??
    meta.programmes.find((p) => hasIndicators(meta, p)) ??
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
function programmeRange(valid: ValidFilters): { from?: number; to?: number } {
  const c = valid.campaign;
  return c ? { from: c.baselineYear, to: c.endYear } : {};
}

/** Every indicator of one programme across the campaign years, by district. */
export const programmesRecipe: Recipe = {
  controls: (meta, valid) => ({
    ...NO_CONTROLS,
    programme: chosenProgramme(meta, valid).programme,
  }),
  requests: (meta, valid) => ({
    observations: {
      indicators: chosenProgramme(meta, valid).indicators.map((i) => i.id),
      ...programmeRange(programmeFilters(meta, valid)),
    },
  }),
  selection: (meta, valid, data) =>
    resolveSelection(programmeFilters(meta, valid), meta, data.observations),
  specs: (meta, data, selection, lang, demo) => {
    const { programme, indicators } = chosenProgramme(meta, selection);
    return data.observations
      ? buildProgrammeSpecs(meta, data.observations, selection, programme, indicators, lang, demo)
      : [];
  },
  // A report of all views holds every programme that has indicators, one after another.
  // The 八严 strands come first under one heading, then the named operations under another.
  variants: (meta, valid) =>
    groupedProgrammes(meta.programmes.filter((p) => hasIndicators(meta, p))).map(
      ({ programme: p, group }) => ({ valid: { ...valid, programme: p }, name: p.name, group }),
    ),
};
