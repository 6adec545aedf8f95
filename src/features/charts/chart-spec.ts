/**
 * A chart described once, as plain data, in the UI language: the screen and the exported
 * SVG/PNG draw its plot with the same layout and component (components/chart), the exporters
 * write its records as CSV/XLSX, and the report pack places its summary under the figure.
 * Views build specs; nothing downstream touches the data layer.
 */
import type { BarPlotInput } from '@/components/chart/bar-layout';
import type { PlotInput } from '@/components/chart/layout';
import type { TableSpec } from '@/components/data-table';
import type { Scope } from '@/features/filters/scope';
import type { Better, Unit } from '@/lib/change';
import type { Lang } from '@/lib/i18n';

export interface SpecSeries {
  id: string;
  name: string;
  /** A chosen region: drawn thicker, on top. */
  selected: boolean;
  /** The parent region among its parts: a neutral dark reference line. */
  reference?: boolean;
  /** One per year of the spec; null is a gap (missing or suppressed). */
  values: (number | null)[];
  provisional: boolean[];
  /** What a null value reads as in the tooltip: "<5", "—（保密）"; null for the plain mark. */
  gaps?: (string | null)[];
}

/** One row of exactly what the chart shows, for CSV and XLSX. */
export interface ExportRecord {
  indicator: string;
  unit: string;
  region: string;
  year: number;
  /** Unformatted number; null when missing. */
  value: number | null;
  /** Text that replaces the value when it may not be shown (e.g. "<5"). */
  masked: string | null;
  provisional: boolean;
  note: string;
  decimals: number;
  /** Why the value is null, when the server said: "保密", "未报送", "不适用" (contract 1.1). */
  status?: string;
}

export interface ChartSpec extends PlotInput {
  /** Stable id, unique within a view (used for DOM ids and file names). */
  id: string;
  kind: 'line' | 'rank' | 'bar';
  /**
   * A one-year league drawn as horizontal bars instead of lines (kind 'bar'). Its spec keeps
   * the line fields at rest (one year, no series), so every writer of the frame, the table and
   * the records handles it unchanged; only the plot is drawn from this.
   */
  bars?: BarPlotInput;
  lang: Lang;
  title: string;
  /** Where the chart is: regions from the top down, the year, the comparison. */
  scope: Scope;
  /** The scope in words, shown under the title and inside exports. */
  subtitle: string;
  years: number[];
  series: SpecSeries[];
  unit: { unit: Unit; decimals: number; label: string; better: Better } | null;
  /** Axis title with its unit, e.g. "新发现吸毒人员（人）" or "名次（越小越好）". */
  yLabel: string;
  /** Tick text for the value axis (one scale for the whole axis). */
  formatTick: (v: number) => string;
  /** Full value text with unit, for tooltips and labels. */
  formatValue: (v: number) => string;
  band: { from: number; to: number; label: string } | null;
  baseline: { year: number; label: string } | null;
  /** Ranks: 1 at the top. */
  reversed: boolean;
  /** Ranks: how many places were ranked (the axis runs 1 … of); null for values. */
  rankOf: number | null;
  /** Source, as-of date and notes, one line each, already in the UI language. */
  captionLines: string[];
  source: string | null;
  dataAsOf: string | null;
  /** Provisional, missing and suppression notes, and cell footnotes. */
  notes: string[];
  /** One paragraph in the UI language, written from the data by rules. */
  summary: string;
  /** Marks every rendering and file as demo data. */
  demo: boolean;
  /** The table twin on screen. */
  table: TableSpec;
  records: ExportRecord[];
}
