import type { ReactNode } from 'react';
import { BarChart } from '@/components/chart/bar-chart';
import { LineChart } from '@/components/chart/line-chart';
import { ChartFrame } from '@/components/chart-frame';
import { translator } from '@/lib/i18n';
import { chartLabels } from './chart-labels';
import type { ChartSpec } from './chart-spec';

/** A rank chart is as tall as its places need: about 18 px a place, 240–420 px. */
export function chartHeight(spec: ChartSpec): number {
  if (!spec.reversed) return 320;
  const places =
    spec.rankOf ?? Math.max(1, ...spec.series.flatMap((s) => s.values.map((v) => v ?? 1)));
  return Math.max(240, Math.min(420, places * 18));
}

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
      {spec.bars ? (
        <BarChart
          input={spec.bars}
          noData={chartLabels(spec.lang).noData}
          ariaLabel={t('league.plotLabel', { title: spec.title })}
        />
      ) : (
        <LineChart
          input={spec}
          height={height ?? chartHeight(spec)}
          formatValue={spec.formatValue}
          labels={chartLabels(spec.lang)}
          ariaLabel={t('chart.plotLabel', { title: spec.title })}
        />
      )}
    </ChartFrame>
  );
}
