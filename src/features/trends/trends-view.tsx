import { SpecChart } from '@/features/charts/spec-chart';
import { Panel } from '@/features/data/panel';
import type { Meta } from '@contract/types';
import { ExportMenu } from '@/features/export/export-menu';
import { FilterBar } from '@/features/filters/filter-bar';
import { useRecipe, useSpecs } from '@/features/recipe/use-recipe';
import type { Lang, T } from '@/lib/i18n';
import { trendsRecipe } from './recipe';

export function TrendsView({ meta, lang, t }: { meta: Meta; lang: Lang; t: T }) {
  const run = useRecipe(trendsRecipe, meta);
  const specs = useSpecs(trendsRecipe, meta, run, lang);
  const { controls, observations: query, selection } = run;
  const indicator = controls.indicator;
  if (!indicator) return <p className="empty">{t('state.empty')}</p>;

  return (
    <div className="view">
      <FilterBar meta={meta} selection={selection} controls={controls} lang={lang} t={t} />
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
