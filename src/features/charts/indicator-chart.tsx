import { ChartFrame } from '@/components/chart-frame';
import { TrendLineChart } from '@/components/line-chart';
import type { Series } from '@/components/line-chart';
import type { ObservationIndex } from '@/features/data/observation-index';
import { cell } from '@/features/data/observation-index';
import { cellText } from '@/features/data/suppress';
import type { Campaign, Indicator, Lang, Meta, Region } from '@/features/data/types';
import { axisFormat, formatValueText, withUnit } from '@/lib/format';
import { translator } from '@/lib/i18n';
import { captionLines, indicatorNotes } from './caption';

export interface IndicatorChartProps {
  meta: Meta;
  index: ObservationIndex;
  indicator: Indicator;
  regions: Region[];
  selectedIds: ReadonlySet<string>;
  years: number[];
  campaign: Campaign | null;
  title: string;
  subtitle?: string;
  lang: Lang;
  height?: number;
}

/** One indicator over the years for several regions: chart, table twin and caption. */
export function IndicatorChart({
  meta,
  index,
  indicator,
  regions,
  selectedIds,
  years,
  campaign,
  title,
  subtitle,
  lang,
  height,
}: IndicatorChartProps) {
  const t = translator(lang);
  const series: Series[] = regions.map((r) => ({
    id: r.id,
    name: r.name[lang],
    selected: selectedIds.has(r.id),
    values: years.map((y) => cell(index, indicator.id, r.id, y)?.value ?? null),
  }));
  const hasMissing = series.some((s) => s.values.some((v) => v === null));
  const maxAbs = Math.max(0, ...series.flatMap((s) => s.values.map((v) => Math.abs(v ?? 0))));
  const axis = axisFormat(indicator, lang, maxAbs);
  const table = {
    rowHeader: t('chart.region'),
    columns: years.map(String),
    rows: regions.map((r) => ({
      header: r.name[lang],
      cells: years.map((y) => {
        const o = cell(index, indicator.id, r.id, y);
        const text = cellText(o, indicator, lang);
        return o?.provisional && o.value !== null ? `${text}*` : text;
      }),
    })),
  };
  const band =
    campaign && years.includes(campaign.startYear)
      ? {
          from: campaign.startYear,
          to: Math.min(campaign.endYear, years[years.length - 1] ?? campaign.endYear),
          label: t('chart.campaignBand'),
        }
      : null;
  const baseline =
    campaign && years.includes(campaign.baselineYear)
      ? { year: campaign.baselineYear, label: t('chart.baseline') }
      : null;
  return (
    <ChartFrame
      title={title}
      subtitle={subtitle}
      captionLines={captionLines(
        meta,
        lang,
        indicatorNotes(index, indicator, regions, years, lang, hasMissing),
      )}
      table={table}
      labels={{ showTable: t('chart.showTable'), hideTable: t('chart.hideTable') }}
    >
      <TrendLineChart
        years={years}
        series={series}
        yLabel={withUnit(indicator.name[lang], axis.unit, lang)}
        format={axis.format}
        formatTooltip={(v) => formatValueText(v, indicator, lang)}
        band={band}
        baseline={baseline}
        height={height}
      />
    </ChartFrame>
  );
}
