import type { T } from '@/lib/i18n';

/** Built by the `workbook-templates` Vite plugin (vite.config.ts) into dist/templates/. */
export const TEMPLATE_FILE = 'templates/jindu-data-template.xlsx';
export const DEMO_WORKBOOK_FILE = 'templates/jindu-demo-data.xlsx';

/** Links to the empty template and, where it helps, the demo data as a filled example. */
export function TemplateLinks({ t, example }: { t: T; example: boolean }) {
  return (
    <span className="template-links">
      <a href={`./${TEMPLATE_FILE}`} download>
        {t('app.template')}
      </a>
      {example && (
        <>
          {' · '}
          <a href={`./${DEMO_WORKBOOK_FILE}`} download>
            {t('app.demoWorkbook')}
          </a>
        </>
      )}
    </span>
  );
}
