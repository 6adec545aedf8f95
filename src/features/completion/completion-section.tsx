import './completion.css';
import { useConfig } from '@/features/data/config-context';
import { Panel } from '@/features/data/panel';
import type { Selection } from '@/features/filters/selection';
import { scopeOf, scopeText } from '@/features/filters/scope';
import type { Lang, T } from '@/lib/i18n';
import type { Meta } from '@contract/types';
import { CompletionTable } from './completion-table';
import { completionExport } from './export-rows';
import { useCompletion } from './use-completion';
import { WarningsList } from './warnings-list';

/**
 * The top of the overview: what needs attention, then 指标完成情况表 for the selected
 * region(s) and year. Its data is its own query (every indicator, the peers, three years), so
 * the cards below do not wait for it.
 */
export function CompletionSection({
  meta,
  selection,
  lang,
  t,
  placement,
}: {
  meta: Meta;
  selection: Selection;
  lang: Lang;
  t: T;
  /** Warnings go above the cards, the table below them on a phone: rendered in two places. */
  placement: 'warnings' | 'table';
}) {
  const demo = useConfig().mode === 'demo';
  const { query, model } = useCompletion(meta, selection);
  const scope = scopeOf(meta, selection, 'township');
  const baseline =
    selection.compare !== null && selection.compare === selection.campaign?.baselineYear;
  const title = t('completion.title');
  const subtitle = scopeText(scope, lang);
  if (placement === 'warnings') return model ? <WarningsList model={model} lang={lang} /> : null;
  return (
    <Panel query={query} t={t} rows={6}>
      {() =>
        model && (
          <CompletionTable
            model={model}
            lang={lang}
            baseline={baseline}
            caption={{ title, subtitle }}
            exportInput={{
              title,
              filters: subtitle,
              scope,
              lang,
              demo,
              source: meta.source?.[lang] ?? null,
              dataAsOf: meta.dataAsOf,
              table: () => completionExport(model, lang, baseline),
            }}
          />
        )
      }
    </Panel>
  );
}
