import type { ReactNode } from 'react';
import { ChartFrame } from '@/components/chart-frame';
import { TrendLineChart } from '@/components/line-chart';
import { translator } from '@/lib/i18n';
import type { ChartSpec } from './chart-spec';

/** The on-screen rendering of a ChartSpec: frame, interactive chart, table twin, caption. */
export function SpecChart({
  spec,
  height,
  actions,
}: {
  spec: ChartSpec;
  height?: number;
  actions?: ReactNode;
}) {
  const t = translator(spec.lang);
  const maxRank = spec.reversed
    ? Math.max(1, ...spec.series.flatMap((s) => s.values.map((v) => v ?? 1)))
    : 0;
  return (
    <ChartFrame
      title={spec.title}
      subtitle={spec.subtitle}
      description={spec.summary || undefined}
      captionLines={[...spec.notes, ...spec.captionLines]}
      table={spec.table}
      labels={{ showTable: t('chart.showTable'), hideTable: t('chart.hideTable') }}
      actions={actions}
    >
      <TrendLineChart
        years={spec.years}
        series={spec.series}
        yLabel={spec.yLabel}
        format={spec.formatTick}
        formatTooltip={spec.formatValue}
        band={spec.band}
        baseline={spec.baseline}
        reversed={spec.reversed}
        height={height ?? (spec.reversed ? Math.max(240, Math.min(420, maxRank * 18)) : undefined)}
        legendLabels={{ legend: t('chart.legend'), selected: t('chart.legendSelected') }}
      />
    </ChartFrame>
  );
}
