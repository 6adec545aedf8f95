/**
 * The league on screen: the shared bar drawing (bar-layer.tsx) at the container's width (the
 * page's width on paper). Nothing here decides how the bars look; that is bar-layout.ts, which
 * the exported files use too. The figure around it carries the summary and the table twin.
 */
import { memo, useMemo, useRef } from 'react';
import { layoutBars } from './bar-layout';
import type { BarPlotInput } from './bar-layout';
import { BarLayer } from './bar-layer';
import { useWidth } from './line-chart';
import { PRINT_WIDTH, usePrinting } from './use-print';

export interface BarChartProps {
  input: BarPlotInput;
  noData: string;
  ariaLabel: string;
}

function BarChartView({ input, noData, ariaLabel }: BarChartProps) {
  const ref = useRef<HTMLDivElement>(null);
  const measured = useWidth(ref);
  const printing = usePrinting();
  const width = printing ? PRINT_WIDTH : measured;
  const layout = useMemo(() => layoutBars(input, width), [input, width]);
  return (
    <div className="bar-chart" ref={ref}>
      <svg
        width={layout.width}
        height={layout.height}
        viewBox={`0 0 ${String(layout.width)} ${String(layout.height)}`}
        role="img"
        aria-label={ariaLabel}
      >
        <BarLayer layout={layout} noData={noData} />
      </svg>
    </div>
  );
}

export const BarChart = memo(BarChartView);
