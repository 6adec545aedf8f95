import type { ChartSpec } from '@/features/charts/chart-spec';
import type { Scope } from '@/features/filters/scope';
import type { Lang } from '@/lib/i18n';

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

export interface ReportSection {
  title: string;
  figures: ReportFigure[];
}

export function figureLabel(n: number, lang: Lang): string {
  return lang === 'zh' ? `图${n}` : `Figure ${n}`;
}

export const DEMO_NOTICE = {
  zh: '演示数据 / Demo data：本报告数字为演示用模拟数据，不是正式统计。',
  en: 'Demo data / 演示数据: the figures in this report are illustrative, not official statistics.',
} as const;

export function coverLines(meta: ReportMeta): string[] {
  const zh = meta.lang === 'zh';
  return [
    `${zh ? '筛选条件' : 'Filters'}${zh ? '：' : ': '}${meta.filters}`,
    ...(meta.dataAsOf
      ? [`${zh ? '数据截至' : 'Data as of'}${zh ? '：' : ': '}${meta.dataAsOf}`]
      : []),
    ...(meta.source ? [`${zh ? '来源' : 'Source'}${zh ? '：' : ': '}${meta.source}`] : []),
    `${zh ? '导出时间' : 'Exported'}${zh ? '：' : ': '}${meta.exportedAt}`,
  ];
}
