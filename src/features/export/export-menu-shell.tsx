/**
 * What every export menu shares (the chart frames' and the map's): the button, the actions
 * and the size and resolution of image files, remembered across charts by the export store.
 * Each menu brings only its own actions; they are run with the size and scale chosen here.
 */
import { useId } from 'react';
import { ActionMenu } from '@/components/action-menu';
import { translator } from '@/lib/i18n';
import type { Lang } from '@/lib/i18n';
import { useExportActions, useExportScale, useExportSize } from './export-store';
import { EXPORT_SIZES, SCALES } from './sizes';
import type { ExportSize } from './sizes';

export type ExportScale = (typeof SCALES)[number];

export interface ExportItem {
  id: string;
  label: string;
  /** Says what it did (the status line), given the chosen size and scale. */
  run: (size: ExportSize, scale: ExportScale) => Promise<string>;
}

interface Props {
  lang: Lang;
  /** The title of what is exported: the button's accessible name says it. */
  title: string;
  items: readonly ExportItem[];
}

export function ExportMenuShell({ lang, title, items }: Props) {
  const t = translator(lang);
  const size = useExportSize();
  const scale = useExportScale();
  const { setSize, setScale } = useExportActions();
  const sizeId = useId();
  const scaleId = useId();
  return (
    <ActionMenu
      label={t('export.menu')}
      name={t('export.menuFor', { title })}
      actions={items.map((item) => ({
        id: item.id,
        label: item.label,
        run: () => item.run(size, scale),
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
          onChange={(e) => setScale(Number(e.target.value) as ExportScale)}
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
