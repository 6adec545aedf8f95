import { SpecChart } from '@/features/charts/spec-chart';
import { ExportMenu } from '@/features/export/export-menu';
import { Panel } from '@/features/data/panel';
import type { Meta } from '@contract/types';
import { FilterBar } from '@/features/filters/filter-bar';
import { useRecipe, useSpecs } from '@/features/recipe/use-recipe';
import type { Lang, T } from '@/lib/i18n';
import { programmesRecipe } from './recipe';

export function ProgrammesView({ meta, lang, t }: { meta: Meta; lang: Lang; t: T }) {
  const run = useRecipe(programmesRecipe, meta);
  const specs = useSpecs(programmesRecipe, meta, run, lang);
  const { controls, observations: query, requests, selection } = run;
  const programme = controls.programme;

  const body = () => {
    if (requests.observations.indicators?.length === 0)
      return <p className="empty">{t('programmes.noIndicators')}</p>;
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
      <FilterBar meta={meta} selection={selection} controls={controls} lang={lang} t={t} />
      <h2 className="section-title">{programme?.name[lang] ?? t('views.programmes')}</h2>
      {body()}
    </div>
  );
}
