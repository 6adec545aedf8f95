import { useId, useState } from 'react';
import { usePopover } from '@/components/popover';
import type { ChartSpec } from '@/features/charts/chart-spec';
import { translator } from '@/lib/i18n';
import { exportChart } from './export-chart';
import type { ExportFormat } from './export-chart';
import { useExportActions, useExportScale, useExportSize } from './export-store';
import { EXPORT_SIZES, SCALES } from './sizes';
import './export-menu.css';
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
  const { open, toggle, rootRef, buttonRef } = usePopover();
  const [status, setStatus] = useState('');
  const [busy, setBusy] = useState(false);
  const size = useExportSize();
  const scale = useExportScale();
  const { setSize, setScale } = useExportActions();
  const panelId = useId();
  const sizeId = useId();
  const scaleId = useId();

  const run = async (format: ExportFormat) => {
    setBusy(true);
    setStatus(t('export.working'));
    try {
      const res = await exportChart(spec, format, size, scale);
      if (res.ok)
        setStatus(res.fileName ? t('export.done', { name: res.fileName }) : t('export.copied'));
      else setStatus(t('export.clipboardDenied'));
    } catch (err) {
      setStatus(t('export.failed', { message: err instanceof Error ? err.message : String(err) }));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="export-menu" ref={rootRef}>
      <button
        ref={buttonRef}
        type="button"
        className="btn btn--ghost"
        aria-expanded={open}
        aria-controls={panelId}
        aria-label={t('export.menuFor', { title: spec.title })}
        onClick={toggle}
      >
        {t('export.menu')}
      </button>
      <div id={panelId} className="export-menu__panel popover" hidden={!open}>
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
        <ul className="export-menu__items">
          {ITEMS.map((item) => (
            <li key={item.format}>
              <button
                type="button"
                className="btn btn--ghost"
                disabled={busy}
                onClick={() => void run(item.format)}
              >
                {t(`export.${item.key}`)}
              </button>
            </li>
          ))}
        </ul>
        <p className="export-menu__status" role="status" aria-live="polite">
          {status}
        </p>
      </div>
    </div>
  );
}
