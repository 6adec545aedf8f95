import type { ChartSpec } from '@/features/charts/chart-spec';
import type { Scope } from '@/features/filters/scope';
import type { Lang } from '@/lib/i18n';
import { translator } from '@/lib/i18n';

export interface ReportMeta {
  title: string;
  /** The scope in words (cover, document properties) and as data (the file name). */
  filters: string;
  scope: Scope;
  source: string | null;
  dataAsOf: string | null;
  demo: boolean;
  lang: Lang;
  exportedAt: string;
}

export interface ReportFigure {
  /** 1-based, running through the whole report. */
  number: number;
  spec: ChartSpec;
  png: Uint8Array;
  /** CSS-pixel size of the rendering (the PNG itself is larger by its scale). */
  width: number;
  height: number;
}

/** A table that opens the report (指标完成情况表), as text in the report's language. */
export interface ReportTable {
  title: string;
  subtitle: string;
  headers: string[];
  /** `group`: the heading the row sits under (key indicators, a programme…). */
  rows: { group: string | null; cells: string[] }[];
  notes: string[];
}

export interface ReportSection {
  title: string;
  group?: string;
  figures: ReportFigure[];
}

export function figureLabel(n: number, lang: Lang): string {
  return translator(lang)('report.figure', { n });
}

export function demoNotice(lang: Lang): string {
  return translator(lang)('report.demoNotice');
}

export function coverLines(meta: ReportMeta): string[] {
  const t = translator(meta.lang);
  const field = (key: string, value: string) =>
    t('report.field', { label: t(`report.fields.${key}`), value });
  return [
    field('filters', meta.filters),
    ...(meta.dataAsOf ? [field('dataAsOf', meta.dataAsOf)] : []),
    ...(meta.source ? [field('source', meta.source)] : []),
    field('exportedAt', meta.exportedAt),
  ];
}
