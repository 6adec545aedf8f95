import { useMemo } from 'react';
import { SpecChart } from '@/features/charts/spec-chart';
import { ExportMenu } from '@/features/export/export-menu';
import { useConfig } from '@/features/data/config-context';
import { Panel } from '@/features/data/panel';
import { useObservations } from '@/features/data/queries';
import type { Meta } from '@contract/types';
import { FilterBar } from '@/features/filters/filter-bar';
import { resolveSelection } from '@/features/filters/selection';
import { useValidFilters } from '@/features/filters/use-filters';
import type { Lang, T } from '@/lib/i18n';
import {
  buildProgrammeSpecs,
  chosenProgramme,
  programmeFilters,
  programmeRange,
} from './build-specs';

export function ProgrammesView({ meta, lang, t }: { meta: Meta; lang: Lang; t: T }) {
  const demo = useConfig().mode === 'demo';
  const valid = useValidFilters(meta);
  const { programme, indicators } = useMemo(() => chosenProgramme(meta, valid), [meta, valid]);
  const filters = useMemo(() => programmeFilters(meta, valid), [meta, valid]);
  const query = useObservations(meta, {
    indicators: indicators.map((i) => i.id),
    ...programmeRange(filters),
  });
  const index = query.data?.index;
  const selection = useMemo(() => resolveSelection(filters, meta, index), [filters, meta, index]);
  const specs = useMemo(
    () =>
      index ? buildProgrammeSpecs(meta, index, selection, programme, indicators, lang, demo) : [],
    [meta, index, selection, programme, indicators, lang, demo],
  );

  const body = () => {
    if (indicators.length === 0) return <p className="empty">{t('programmes.noIndicators')}</p>;
    return (
      <Panel query={query} t={t} rows={6}>
        {() => (
          <div className="chart-grid">
            {specs.map((spec) => (
              <SpecChart
                key={spec.id}
                spec={spec}
                actions={<ExportMenu spec={spec} />}
                height={260}
              />
            ))}
          </div>
        )}
      </Panel>
    );
  };

  return (
    <div className="view">
      <FilterBar meta={meta} selection={selection} lang={lang} t={t} />
      <h2 className="section-title">{programme?.name[lang] ?? t('views.programmes')}</h2>
      {body()}
    </div>
  );
}
