import { useMemo } from 'react';
import { SpecChart } from '@/features/charts/spec-chart';
import { ExportMenu } from '@/features/export/export-menu';
import { useConfig } from '@/features/data/config-context';
import { DataError, Loading } from '@/features/data/panel-status';
import { useObservations } from '@/features/data/queries';
import type { Meta } from '@/features/data/types';
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
  if (!indicator) return null;

  const body = () => {
    if (query.isPending) return <Loading t={t} rows={6} />;
    if (query.isError)
      return <DataError error={query.error} onRetry={() => void query.refetch()} t={t} />;
    if (specs.length === 0) return <p className="empty">{t('state.empty')}</p>;
    return (
      <div className="chart-grid chart-grid--wide">
        {specs.map((spec) => (
          <SpecChart key={spec.id} spec={spec} actions={<ExportMenu spec={spec} />} />
        ))}
        {selection.district && specs.length < 2 && (
          <p className="empty">{t('chart.noTownships')}</p>
        )}
      </div>
    );
  };

  return (
    <div className="view">
      <FilterBar meta={meta} selection={selection} lang={lang} t={t} />
      <h2 className="section-title">
        {indicator.name[lang]}
        {indicator.description && (
          <span className="section-title__sub">{indicator.description[lang]}</span>
        )}
      </h2>
      {body()}
    </div>
  );
}
