/** The map's export menu: PNG and SVG of the static map, CSV and XLSX of its table. */
import { useId } from 'react';
import { ActionMenu } from '@/components/action-menu';
import { useExportActions, useExportScale, useExportSize } from '@/features/export/export-store';
import { EXPORT_SIZES, SCALES } from '@/features/export/sizes';
import type { ExportSize } from '@/features/export/sizes';
import { scopeName } from '@/features/filters/scope';
import { translator } from '@/lib/i18n';
import type { MapModel } from './map-model';
import type { Geometry } from './map-shapes';

type Format = 'png' | 'svg' | 'csv' | 'xlsx';

interface Props {
  model: MapModel;
  geometry: Geometry;
  schematic: boolean;
}

export function MapExportMenu({ model, geometry, schematic }: Props) {
  const t = translator(model.lang);
  const size = useExportSize();
  const scale = useExportScale();
  const { setSize, setScale } = useExportActions();
  const sizeId = useId();
  const scaleId = useId();
  const title = schematic ? `${model.title}（${t('map.schematic')}）` : model.title;

  const run = async (format: Format) => {
    const [{ exportFileName }, { downloadBlob }, { localStamp, today }] = await Promise.all([
      import('@/features/export/file-names'),
      import('@/features/export/download'),
      import('@/features/export/export-chart'),
    ]);
    const name = exportFileName({
      title: model.title,
      region: scopeName(model.scope, model.lang),
      years: String(model.year),
      date: today(),
      ext: format,
    });
    if (format === 'png' || format === 'svg') {
      const { renderMapSvg } = await import('./map-svg');
      const svg = renderMapSvg(model, geometry, size);
      if (format === 'svg') {
        downloadBlob(new Blob([svg], { type: 'image/svg+xml;charset=utf-8' }), name);
      } else {
        const { svgToPngBlob } = await import('@/features/export/to-png');
        const { width, height } = EXPORT_SIZES[size];
        downloadBlob(await svgToPngBlob(svg, width, height, scale), name);
      }
    } else if (format === 'csv') {
      const { tableCsv } = await import('@/features/export/csv');
      downloadBlob(
        new Blob([tableCsv(model.exportTable(), model.demo)], { type: 'text/csv;charset=utf-8' }),
        name,
      );
    } else {
      const { tableXlsx } = await import('@/features/export/table-xlsx');
      const table = model.exportTable();
      if (schematic) table.notes.push(t('map.schematicNote'));
      downloadBlob(
        await tableXlsx(table, {
          lang: model.lang,
          title,
          filters: model.subtitle,
          scope: model.scope,
          source: model.source,
          dataAsOf: model.dataAsOf,
          demo: model.demo,
          exportedAt: localStamp(),
        }),
        name,
      );
    }
    return t('export.done', { name });
  };

  return (
    <ActionMenu
      label={t('export.menu')}
      name={t('export.menuFor', { title })}
      actions={(['png', 'svg', 'csv', 'xlsx'] as const).map((format) => ({
        id: format,
        label: t(`export.${format}`),
        run: () => run(format),
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
