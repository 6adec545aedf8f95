import { useState } from 'react';
import { usePopover } from '@/components/popover';
import type { ExportTable } from '@/features/export/export-table';
import type { Scope } from '@/features/filters/scope';
import { scopeName } from '@/features/filters/scope';
import type { Lang } from '@/lib/i18n';
import { translator } from '@/lib/i18n';
import '@/features/export/export-menu.css';

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
  const { open, toggle, rootRef, buttonRef } = usePopover();
  const [status, setStatus] = useState('');

  const run = async (format: 'csv' | 'xlsx') => {
    setStatus(t('export.working'));
    try {
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
      setStatus(t('export.done', { name }));
    } catch (err) {
      setStatus(t('export.failed', { message: err instanceof Error ? err.message : String(err) }));
    }
  };

  return (
    <div className="export-menu" ref={rootRef}>
      <button
        ref={buttonRef}
        type="button"
        className="btn btn--ghost"
        aria-expanded={open}
        aria-label={t('completion.exportFor', { title: input.title })}
        onClick={toggle}
      >
        {t('completion.export')}
      </button>
      {open && (
        <div
          className="export-menu__panel popover"
          role="group"
          aria-label={t('completion.exportFor', { title: input.title })}
        >
          <ul className="export-menu__items">
            <li>
              <button type="button" className="btn btn--ghost" onClick={() => void run('csv')}>
                {t('completion.csv')}
              </button>
            </li>
            <li>
              <button type="button" className="btn btn--ghost" onClick={() => void run('xlsx')}>
                {t('completion.xlsx')}
              </button>
            </li>
          </ul>
          <p className="export-menu__status" role="status" aria-live="polite">
            {status}
          </p>
        </div>
      )}
    </div>
  );
}
