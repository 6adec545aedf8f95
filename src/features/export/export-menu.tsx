import { useId } from 'react';
import { ActionMenu } from '@/components/action-menu';
import type { ChartSpec } from '@/features/charts/chart-spec';
import { translator } from '@/lib/i18n';
import { exportChart } from './export-chart';
import type { ExportFormat } from './export-chart';
import { useExportActions, useExportScale, useExportSize } from './export-store';
import { EXPORT_SIZES, SCALES } from './sizes';
import type { ExportSize } from './sizes';

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
  const size = useExportSize();
  const scale = useExportScale();
  const { setSize, setScale } = useExportActions();
  const sizeId = useId();
  const scaleId = useId();

  const run = async (format: ExportFormat) => {
    const res = await exportChart(spec, format, size, scale);
    if (!res.ok) return t('export.clipboardDenied');
    return res.fileName ? t('export.done', { name: res.fileName }) : t('export.copied');
  };

  return (
    <ActionMenu
      label={t('export.menu')}
      name={t('export.menuFor', { title: spec.title })}
      actions={ITEMS.map((item) => ({
        id: item.format,
        label: t(`export.${item.key}`),
        run: () => run(item.format),
      }))}
      working={t('export.working')}
      failed={(message) => t('export.failed', { message })}
    >
      <div className="export-menu__options">
        <label htmlFor={sizeId}>{t('export.size')}</label>
        <select id={sizeId} value={size} onChange={(e) => setSize(e.target.value as ExportSize)}>
          {(Object.keys(EXPORT_SIZES) as ExportSize[]).map((k) => (
            <option key={k} value={k}>
              {t(`export.sizes.${k}`)}
            </option>
          ))}
        </select>
        <label htmlFor={scaleId}>{t('export.scale')}</label>
        <select
          id={scaleId}
          value={scale}
          onChange={(e) => setScale(Number(e.target.value) as 1 | 2 | 3)}
        >
          {SCALES.map((n) => (
            <option key={n} value={n}>
              {t('export.scaleOption', { n })}
            </option>
          ))}
        </select>
      </div>
    </ActionMenu>
  );
}
