import { ActionMenu } from '@/components/action-menu';
import type { ExportTable } from '@/features/export/export-table';
import type { Scope } from '@/features/filters/scope';
import { scopeName } from '@/features/filters/scope';
import type { Lang } from '@/lib/i18n';
import { translator } from '@/lib/i18n';

export interface TableExportInput {
  title: string;
  /** The scope in words (the notes sheet) and as data (the file name). */
  filters: string;
  scope: Scope;
  lang: Lang;
  demo: boolean;
  source: string | null;
  dataAsOf: string | null;
  table: () => ExportTable;
}

/** CSV and XLSX of a whole table, with the same file names and notes as a chart's exports. */
export function TableExport({ input }: { input: TableExportInput }) {
  const t = translator(input.lang);

  const run = async (format: 'csv' | 'xlsx') => {
    const [{ exportFileName }, { downloadBlob }, { localStamp, today }] = await Promise.all([
      import('@/features/export/file-names'),
      import('@/features/export/download'),
      import('@/features/export/export-chart'),
    ]);
    const name = exportFileName({
      title: input.title,
      region: scopeName(input.scope, input.lang),
      years: String(input.scope.year),
      date: today(),
      ext: format,
    });
    const table = input.table();
    if (format === 'csv') {
      const { tableCsv } = await import('@/features/export/csv');
      downloadBlob(
        new Blob([tableCsv(table, input.demo)], { type: 'text/csv;charset=utf-8' }),
        name,
      );
    } else {
      const { tableXlsx } = await import('@/features/export/table-xlsx');
      const { lang, title, filters, scope, source, dataAsOf, demo } = input;
      downloadBlob(
        await tableXlsx(table, {
          lang,
          title,
          filters,
          scope,
          source,
          dataAsOf,
          demo,
          exportedAt: localStamp(),
        }),
        name,
      );
    }
    return t('export.done', { name });
  };

  return (
    <ActionMenu
      label={t('completion.export')}
      name={t('completion.exportFor', { title: input.title })}
      actions={(['csv', 'xlsx'] as const).map((format) => ({
        id: format,
        label: t(`completion.${format}`),
        run: () => run(format),
      }))}
      working={t('export.working')}
      failed={(message) => t('export.failed', { message })}
    />
  );
}
