/**
 * What the map shows, as plain data in the UI language: the regions of one level for one
 * year, each with its value (or why there is none), class, colour, change against the
 * campaign's baseline and rank; the legend; the table twin and the export table. The screen,
 * the exported SVG and the files all read this one model.
 */
import type { TableSpec } from '@/components/data-table';
import { captionLines, indicatorNotes } from '@/features/charts/caption';
import type { ObservationIndex } from '@/features/data/observation-index';
import { cell } from '@/features/data/observation-index';
import type { ExportTable, TableCell } from '@/features/export/export-table';
import { districtsOf, townshipsOf } from '@/features/filters/resolve';
import type { Scope } from '@/features/filters/scope';
import { scopeOf, scopeText } from '@/features/filters/scope';
import type { Selection } from '@/features/filters/selection';
import { computeChange } from '@/lib/change';
import type { Change } from '@/lib/change';
import { formatChange, formatValueText, verdictWord } from '@/lib/format';
import { translator } from '@/lib/i18n';
import type { Lang } from '@/lib/i18n';
import { cellValueText, gapOf } from '@/lib/missing';
import type { Gap } from '@/lib/missing';
import { validIn } from '@/lib/validity';
import type { Indicator, Meta, Observation, Region } from '@contract/types';
import { classify, classOf } from './classify';
import type { Classing } from './classify';
import { shortName } from './tile-layout';

export const NO_DATA_FILL = '#ffffff';

export interface MapRegion {
  region: Region;
  name: string;
  short: string;
  value: number | null;
  valueText: string;
  gap: Gap | null;
  /** 0-based class, null when the region has no value to class. */
  cls: number | null;
  fill: string;
  change: Change | null;
  changeText: string;
  rank: number | null;
  rankText: string;
  selected: boolean;
  /** What a screen reader says, and the tooltip's lines. */
  aria: string;
}

export interface MapModel {
  level: 'district' | 'township';
  /** The district whose townships are shown; null on the city level. */
  district: Region | null;
  top: Region | null;
  indicator: Indicator;
  year: number;
  baselineYear: number | null;
  regions: MapRegion[];
  classing: Classing;
  legend: { colour: string; label: string }[];
  /** "颜色越深越需关注（数值越高）". */
  legendNote: string;
  title: string;
  subtitle: string;
  scope: Scope;
  captionLines: string[];
  notes: string[];
  table: TableSpec;
  exportTable: () => ExportTable;
  lang: Lang;
  demo: boolean;
  source: string | null;
  dataAsOf: string | null;
}

/** Rank 1 is the best (the largest first for a neutral indicator); ties share a place. */
export function rankOf(values: readonly number[], v: number, better: Indicator['better']): number {
  const sign = better === 'lower' ? 1 : -1;
  return 1 + values.filter((x) => sign * (x - v) < 0).length;
}

export interface MapInput {
  meta: Meta;
  index: ObservationIndex;
  selection: Selection;
  indicator: Indicator;
  lang: Lang;
  demo: boolean;
}

export function buildMapModel({
  meta,
  index,
  selection,
  indicator,
  lang,
  demo,
}: MapInput): MapModel {
  const t = translator(lang);
  const year = selection.year;
  const district = selection.district;
  const level = district ? 'township' : 'district';
  const shown = (district ? townshipsOf(meta, district.id) : districtsOf(meta)).filter((r) =>
    validIn(r, year),
  );
  const baseline = selection.campaign?.baselineYear ?? null;
  const baselineYear = baseline !== null && baseline < year ? baseline : null;
  const obsOf = (r: Region, y: number): Observation | undefined =>
    cell(index, indicator.id, r.id, y);
  const valueOf = (o: Observation | undefined) =>
    gapOf(o) === null && o?.value != null ? o.value : null;
  const values = shown.map((r) => valueOf(obsOf(r, year)));
  const present = values.filter((v): v is number => v !== null);
  const classing = classify(present, indicator.better);
  const chosenTowns = new Set(selection.towns.map((r) => r.id));

  const regions = shown.map((region, i): MapRegion => {
    const o = obsOf(region, year);
    const value = values[i] ?? null;
    const gap = gapOf(o);
    const cls = value === null ? null : classOf(classing, value);
    const base = baselineYear === null ? undefined : obsOf(region, baselineYear);
    const change =
      baselineYear === null
        ? null
        : computeChange(valueOf(base), value, indicator.unit, indicator.better);
    const changeText = change
      ? change.verdict === 'neutral'
        ? formatChange(change, indicator, lang)
        : `${formatChange(change, indicator, lang)} ${verdictWord(change, lang)}`
      : t('map.noChange');
    const rank = value === null ? null : rankOf(present, value, indicator.better);
    const rankText =
      rank === null ? t('map.noRank') : t('map.rankText', { rank, of: present.length });
    const name = region.name[lang];
    const valueText = cellValueText(o, indicator, lang);
    const changeLine =
      baselineYear === null ? '' : `${t('map.vsBaseline', { year: baselineYear })} ${changeText}`;
    const aria = [`${name}：${valueText}`, changeLine, rankText]
      .filter(Boolean)
      .join(lang === 'zh' ? '；' : '; ');
    return {
      region,
      name,
      short: shortName(name, lang),
      value,
      valueText,
      gap,
      cls,
      fill: cls === null ? NO_DATA_FILL : (classing.classes[cls]?.colour ?? NO_DATA_FILL),
      change,
      changeText,
      rank,
      rankText,
      selected: chosenTowns.has(region.id),
      aria: lang === 'zh' ? aria : aria.replace('：', ': '),
    };
  });

  const fmt = (v: number) => formatValueText(v, indicator, lang);
  const legend = classing.classes.map((c) => ({
    colour: c.colour,
    label: c.min === c.max ? fmt(c.min) : `${fmt(c.min)} – ${fmt(c.max)}`,
  }));
  const legendNote =
    indicator.better === 'neutral'
      ? t('map.darkerHigher')
      : t(indicator.better === 'lower' ? 'map.darkerWorseHigh' : 'map.darkerWorseLow');
  const scope = scopeOf(meta, { ...selection, towns: [] }, 'district');
  const title = district
    ? t('map.townshipsTitle', { indicator: indicator.name[lang], district: district.name[lang] })
    : t('map.districtsTitle', { indicator: indicator.name[lang] });
  const hasMissing = regions.some((r) => r.gap !== null);
  const notes = indicatorNotes(index, indicator, shown, [year], lang, hasMissing, { dots: false });
  const n = classing.classes.length;
  const clsText = (r: MapRegion) =>
    r.cls === null ? '—' : t('map.classText', { n: r.cls + 1, of: n });
  const changeHeader =
    baselineYear === null ? t('map.change') : t('map.vsBaseline', { year: baselineYear });
  const table: TableSpec = {
    rowHeader: t('chart.region'),
    columns: [t('map.valueColumn', { year }), t('map.classColumn'), changeHeader, t('chart.rank')],
    rows: regions.map((r) => ({
      header: r.name,
      cells: [
        r.valueText,
        clsText(r),
        baselineYear === null ? '—' : r.changeText,
        r.rank === null ? '—' : String(r.rank),
      ],
    })),
  };
  const exportTable = (): ExportTable => ({
    headers: [t('chart.region'), ...table.columns],
    rows: regions.map((r): TableCell[] =>
      [
        r.name,
        r.value === null ? r.valueText : { value: r.value, decimals: indicator.decimals },
        clsText(r),
        baselineYear === null ? '' : r.changeText,
        r.rank,
      ].map((c) => (typeof c === 'number' ? { value: c, decimals: 0 } : c)),
    ),
    notes,
  });

  return {
    level,
    district,
    top: selection.top,
    indicator,
    year,
    baselineYear,
    regions,
    classing,
    legend,
    legendNote,
    title,
    subtitle: scopeText({ ...scope, compare: null }, lang),
    scope,
    captionLines: captionLines(meta, lang),
    notes,
    table,
    exportTable,
    lang,
    demo,
    source: meta.source?.[lang] ?? null,
    dataAsOf: meta.dataAsOf ?? null,
  };
}
