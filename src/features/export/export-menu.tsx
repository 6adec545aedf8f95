import type { ChartSpec } from '@/features/charts/chart-spec';
import { translator } from '@/lib/i18n';
import { exportChart } from './export-chart';
import type { ExportFormat } from './export-chart';
import { ExportMenuShell } from './export-menu-shell';

const ITEMS: {
  format: ExportFormat;
  key: 'png' | 'svg' | 'csv' | 'xlsx' | 'copyImage' | 'copySummary';
}[] = [
  { format: 'png', key: 'png' },
  { format: 'svg', key: 'svg' },
  { format: 'csv', key: 'csv' },
  { format: 'xlsx', key: 'xlsx' },
  { format: 'copy-png', key: 'copyImage' },
  { format: 'copy-summary', key: 'copySummary' },
];

/** "导出 / Export" on every chart frame: static renderings and the data behind them. */
export function ExportMenu({ spec }: { spec: ChartSpec }) {
  const t = translator(spec.lang);
  return (
    <ExportMenuShell
      lang={spec.lang}
      title={spec.title}
      items={ITEMS.map((item) => ({
        id: item.format,
        label: t(`export.${item.key}`),
        run: async (size, scale) => {
          const res = await exportChart(spec, item.format, size, scale);
          if (!res.ok) return t('export.clipboardDenied');
          return res.fileName ? t('export.done', { name: res.fileName }) : t('export.copied');
        },
      }))}
    />
  );
}
