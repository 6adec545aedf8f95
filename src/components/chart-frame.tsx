import { useId, useState } from 'react';
import type { ReactNode } from 'react';
import { DataTable } from './data-table';
import './chart-frame.css';
import type { TableSpec } from './data-table';

export interface ChartFrameProps {
  title: string;
  subtitle?: string;
  /** Source, as-of date and notes, already in the UI language. */
  captionLines: string[];
  table: TableSpec;
  labels: { showTable: string; hideTable: string };
  /** Plain-language description for screen readers (and later the written summary). */
  description?: string;
  /** Buttons next to the table toggle, e.g. the export menu. */
  actions?: ReactNode;
  children: ReactNode;
}

/** Every chart lives in one of these: heading, chart, caption, table toggle. */
export function ChartFrame({
  title,
  subtitle,
  captionLines,
  table,
  labels,
  description,
  actions,
  children,
}: ChartFrameProps) {
  const [showTable, setShowTable] = useState(false);
  const headingId = useId();
  const descId = useId();
  return (
    <figure
      className="chart-frame"
      aria-labelledby={headingId}
      aria-describedby={description ? descId : undefined}
    >
      <div className="chart-frame__head">
        <div>
          <h3 id={headingId} className="chart-frame__title">
            {title}
          </h3>
          {subtitle && <p className="chart-frame__subtitle">{subtitle}</p>}
        </div>
        <div className="chart-frame__actions">
          <button
            type="button"
            className="btn btn--ghost"
            aria-pressed={showTable}
            onClick={() => setShowTable((s) => !s)}
          >
            {showTable ? labels.hideTable : labels.showTable}
          </button>
          {actions}
        </div>
      </div>
      {description && (
        <p id={descId} className="chart-frame__summary">
          {description}
        </p>
      )}
      {showTable ? (
        <DataTable caption={title} spec={table} />
      ) : (
        <div className="chart-frame__chart">{children}</div>
      )}
      <figcaption className="chart-frame__caption">
        {captionLines.map((line) => (
          <span key={line}>{line}</span>
        ))}
      </figcaption>
    </figure>
  );
}
