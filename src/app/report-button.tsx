import { useQueryClient } from '@tanstack/react-query';
import { useConfig } from '@/features/data/config-context';
import type { Meta } from '@contract/types';
import { ReportDialog } from '@/features/export/report-dialog';
import type { ValidFilters } from '@/features/filters/resolve';
import type { Lang } from '@/lib/i18n';
import { translator } from '@/lib/i18n';

export function ReportButton({
  meta,
  valid,
  lang,
}: {
  meta: Meta;
  valid: ValidFilters;
  lang: Lang;
}) {
  const client = useQueryClient();
  const config = useConfig();
  const t = translator(lang);
  return (
    <ReportDialog
      lang={lang}
      viewName={t(`views.${valid.view}`)}
      viewInReport={valid.view !== 'map'}
      collect={async (scope, signal) =>
        (await import('./report-sources')).collectReport(
          { client, config, meta, valid, lang, demo: config.mode === 'demo' },
          scope,
          signal,
        )
      }
    />
  );
}
