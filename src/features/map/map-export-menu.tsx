/** The map's export menu: PNG and SVG of the static map, CSV and XLSX of its table. */
import { ExportMenuShell } from '@/features/export/export-menu-shell';
import type { ExportScale } from '@/features/export/export-menu-shell';
import { EXPORT_SIZES } from '@/features/export/sizes';
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
  const title = schematic ? `${model.title}（${t('map.schematic')}）` : model.title;

  const run = async (format: Format, size: ExportSize, scale: ExportScale) => {
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
    <ExportMenuShell
      lang={model.lang}
      title={title}
      items={(['png', 'svg', 'csv', 'xlsx'] as const).map((format) => ({
        id: format,
        label: t(`export.${format}`),
        run: (size, scale) => run(format, size, scale),
      }))}
    />
  );
}
