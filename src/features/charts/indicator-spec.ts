import type { ObservationIndex } from '@/features/data/observation-index';
import { cell } from '@/features/data/observation-index';
import type { Lang } from '@/lib/i18n';
import type { Campaign, Indicator, Meta, Observation, Region } from '@contract/types';
import { axisFormat, formatValueText, MISSING, unitText, withUnit } from '@/lib/format';
import { scopeText } from '@/features/filters/scope';
import type { Scope } from '@/features/filters/scope';
import { translator } from '@/lib/i18n';
import { campaignTotal } from '@/lib/campaign-total';
import { cellValueText, gapOf, statusWord, withMarker } from '@/lib/missing';
import { validIn, validitySpan } from '@/lib/validity';
import { summarizeIndicator } from '@/lib/summary/summarize';
import { captionLines, indicatorNotes } from './caption';
import type { ChartSpec, ExportRecord, SpecSeries } from './chart-spec';
import { peerGroupLabel } from './peer-label';

export interface IndicatorSpecInput {
  id: string;
  meta: Meta;
  index: ObservationIndex;
  indicator: Indicator;
  regions: Region[];
  selectedIds: ReadonlySet<string>;
  years: number[];
  campaign: Campaign | null;
  title: string;
  /** Where the chart is; shown in words under the title and inside exports. */
  scope: Scope;
  lang: Lang;
  demo: boolean;
  /** What the summary talks about: a region of the chart, the year shown, the comparison year. */
  focus: { regionId: string | null; year: number; compareYear: number | null };
}

function bandOf(campaign: Campaign | null, years: number[], lang: Lang) {
  const t = translator(lang);
  const last = years[years.length - 1];
  if (
    !campaign ||
    last === undefined ||
    campaign.startYear > last ||
    campaign.endYear < (years[0] ?? last)
  )
    return null;
  return {
    from: Math.max(campaign.startYear, years[0] ?? campaign.startYear),
    to: Math.min(campaign.endYear, last),
    label: t('chart.campaignBand'),
  };
}

export function campaignMarks(campaign: Campaign | null, years: number[], lang: Lang) {
  const t = translator(lang);
  return {
    band: bandOf(campaign, years, lang),
    baseline:
      campaign && years.includes(campaign.baselineYear)
        ? { year: campaign.baselineYear, label: t('chart.baseline') }
        : null,
  };
}

/** One indicator over the years for several regions, as a ChartSpec. */
/**
 * With no region chosen, a summary describes the best-placed region of the year (the lowest
 * value where lower is better, else the highest), so it names the leader rather than whichever
 * region happens to be listed first. Suppressed and missing cells never lead.
 */
export function leadingRegion(
  index: ObservationIndex,
  indicator: Indicator,
  regions: readonly Region[],
  year: number,
): Region | undefined {
  let best: { region: Region; value: number } | undefined;
  for (const region of regions) {
    const value = cell(index, indicator.id, region.id, year)?.value;
    if (value == null || !Number.isFinite(value)) continue;
    const better =
      indicator.better === 'lower'
        ? value < (best?.value ?? Infinity)
        : value > (best?.value ?? -Infinity);
    if (better) best = { region, value };
  }
  return best?.region;
}

export function buildIndicatorSpec(input: IndicatorSpecInput): ChartSpec {
  const { meta, index, indicator, regions, selectedIds, years, campaign, lang } = input;
  const t = translator(lang);
  // A year before a region was set up or after it was merged away says so, not a bare "—".
  const cellText = (o: Observation | undefined, r: Region, year: number) =>
    gapOf(o)?.kind === 'absent' && !validIn(r, year)
      ? withMarker(MISSING, validitySpan(r, lang), lang)
      : cellValueText(o, indicator, lang);
  const series: SpecSeries[] = regions.map((r) => ({
    id: r.id,
    name: r.name[lang],
    selected: selectedIds.has(r.id),
    reference: regions.some((o) => o.parent === r.id),
    values: years.map((y) => cell(index, indicator.id, r.id, y)?.value ?? null),
    provisional: years.map((y) => cell(index, indicator.id, r.id, y)?.provisional ?? false),
    gaps: years.map((y) => {
      const o = cell(index, indicator.id, r.id, y);
      return gapOf(o) ? cellText(o, r, y) : null;
    }),
  }));
  const hasMissing = series.some((s) => s.values.some((v) => v === null));
  const maxAbs = Math.max(0, ...series.flatMap((s) => s.values.map((v) => Math.abs(v ?? 0))));
  const axis = axisFormat(indicator, lang, maxAbs);
  const unitName = unitText(indicator, lang);
  const records: ExportRecord[] = regions.flatMap((r) =>
    years.map((year) => {
      const o = cell(index, indicator.id, r.id, year);
      return {
        indicator: indicator.name[lang],
        unit: unitName,
        region: r.name[lang],
        year,
        value: o?.value ?? null,
        masked: o?.suppressedBelow != null ? `<${o.suppressedBelow}` : null,
        provisional: o?.provisional ?? false,
        note: o?.note?.[lang] ?? '',
        decimals: indicator.decimals,
        status:
          statusWord(o, lang) ||
          ((o?.value ?? null) === null && !validIn(r, year) ? validitySpan(r, lang) : ''),
      };
    }),
  );
  const notes = indicatorNotes(index, indicator, regions, years, lang, hasMissing);

  const { focus } = input;
  // A region whose parts are the lines drawn (the city over its districts): the summary speaks
  // of it, not of one of its parts, however it was chosen.
  const chosen =
    meta.regions.find((r) => r.id === focus.regionId) ?? regions.find((r) => selectedIds.has(r.id));
  const parts = chosen
    ? regions.filter((r) => r.parent === chosen.id && validIn(r, focus.year))
    : [];
  const whole = parts.length > 0 ? chosen : undefined;
  const valueOf = (r: Region) => cell(index, indicator.id, r.id, focus.year)?.value ?? null;
  const partsInput =
    whole && parts.length >= 2
      ? {
          groupLabel: peerGroupLabel(meta, parts, lang),
          values: parts.map((p) => ({ name: p.name[lang], value: valueOf(p) })),
        }
      : null;
  const wholeObs = whole ? cell(index, indicator.id, whole.id, focus.year) : undefined;
  // With no figure of its own, the whole is told through the part that leads it, as such.
  const leader =
    whole &&
    partsInput &&
    wholeObs?.value == null &&
    wholeObs?.suppressedBelow == null &&
    parts.filter((p) => Number.isFinite(valueOf(p))).length >= 2
      ? leadingRegion(index, indicator, parts, focus.year)
      : undefined;
  const focusRegion =
    leader ??
    whole ??
    regions.find((r) => r.id === focus.regionId) ??
    regions.find((r) => selectedIds.has(r.id)) ??
    leadingRegion(index, indicator, regions, focus.year) ??
    regions[0];
  const at = (year: number) =>
    focusRegion ? cell(index, indicator.id, focusRegion.id, year) : undefined;
  const focusObs = at(focus.year);
  const peers =
    focusRegion && !leader
      ? regions.filter(
          // Peers that did not exist in the year (merged townships) are not counted.
          (r) =>
            r.level === focusRegion.level &&
            r.parent === focusRegion.parent &&
            validIn(r, focus.year),
        )
      : [];
  const summary = focusRegion
    ? summarizeIndicator({
        lang,
        indicatorName: indicator.name[lang],
        unit: indicator,
        regionName: focusRegion.name[lang],
        year: focus.year,
        value: focusObs?.value ?? null,
        provisional: focusObs?.provisional ?? false,
        suppressedBelow: focusObs?.suppressedBelow ?? null,
        status: focusObs?.status ?? null,
        total: campaignTotal({
          aggregation: indicator.aggregation,
          campaign,
          year: focus.year,
          at,
        }),
        compare:
          focus.compareYear !== null && focus.compareYear < focus.year
            ? {
                year: focus.compareYear,
                value: at(focus.compareYear)?.value ?? null,
                baseline: focus.compareYear === campaign?.baselineYear,
                status: at(focus.compareYear)?.status ?? null,
              }
            : null,
        previous:
          focus.compareYear === focus.year - 1
            ? null
            : {
                value: at(focus.year - 1)?.value ?? null,
                status: at(focus.year - 1)?.status ?? null,
              },
        peers:
          peers.length >= 2
            ? {
                groupLabel: peerGroupLabel(meta, peers, lang),
                values: peers.map((p) => ({
                  name: p.name[lang],
                  value: cell(index, indicator.id, p.id, focus.year)?.value ?? null,
                })),
              }
            : null,
        parts: partsInput,
        leadsParts: leader !== undefined,
        whole:
          leader && whole ? { name: whole.name[lang], reason: wholeObs?.status ?? null } : null,
      })
    : '';

  return {
    id: input.id,
    kind: 'line',
    lang,
    title: input.title,
    scope: input.scope,
    subtitle: scopeText(input.scope, lang),
    years,
    series,
    unit: {
      unit: indicator.unit,
      decimals: indicator.decimals,
      label: unitName,
      better: indicator.better,
    },
    yLabel: withUnit(indicator.name[lang], axis.unit, lang),
    formatTick: axis.format,
    formatValue: (v) => formatValueText(v, indicator, lang),
    ...campaignMarks(campaign, years, lang),
    reversed: false,
    rankOf: null,
    captionLines: captionLines(meta, lang),
    source: meta.source?.[lang] ?? null,
    dataAsOf: meta.dataAsOf,
    notes,
    summary,
    demo: input.demo,
    table: {
      rowHeader: t('chart.region'),
      columns: years.map(String),
      rows: regions.map((r) => ({
        header: r.name[lang],
        cells: years.map((y) => {
          const o = cell(index, indicator.id, r.id, y);
          const text = cellText(o, r, y);
          return o?.provisional && o.value !== null ? `${text}*` : text;
        }),
      })),
    },
    records,
  };
}
