import { useMemo } from 'react';
import { SpecChart } from '@/features/charts/spec-chart';
import { useConfig } from '@/features/data/config-context';
import { Panel } from '@/features/data/panel';
import { useObservations } from '@/features/data/queries';
import type { Meta } from '@contract/types';
import { ExportMenu } from '@/features/export/export-menu';
import { FilterBar } from '@/features/filters/filter-bar';
import { useSelection, useValidFilters } from '@/features/filters/use-filters';
import type { Lang, T } from '@/lib/i18n';
import { buildTrendsSpecs, trendsIndicator } from './build-specs';

export function TrendsView({ meta, lang, t }: { meta: Meta; lang: Lang; t: T }) {
  const demo = useConfig().mode === 'demo';
  const indicator = trendsIndicator(meta, useValidFilters(meta));
  const query = useObservations(meta, { indicators: indicator ? [indicator.id] : [] });
  const selection = useSelection(meta, query.data?.index);
  const index = query.data?.index;
  const specs = useMemo(
    () =>
      index && indicator ? buildTrendsSpecs(meta, index, selection, indicator, lang, demo) : [],
    [meta, index, selection, indicator, lang, demo],
  );
  if (!indicator) return <p className="empty">{t('state.empty')}</p>;

  return (
    <div className="view">
      <FilterBar meta={meta} selection={selection} lang={lang} t={t} />
      <h2 className="section-title">
        {indicator.name[lang]}
        {indicator.description && (
          <span className="section-title__sub">{indicator.description[lang]}</span>
        )}
      </h2>
      <Panel query={query} t={t} rows={6}>
        {() =>
          specs.length === 0 ? (
            <p className="empty">{t('state.empty')}</p>
          ) : (
            <div className="chart-grid chart-grid--wide">
              {specs.map((spec) => (
                <SpecChart key={spec.id} spec={spec} actions={<ExportMenu spec={spec} />} />
              ))}
              {selection.district && specs.length < 2 && (
                <p className="empty">{t('chart.noTownships')}</p>
              )}
            </div>
          )
        }
      </Panel>
    </div>
  );
}
