import { SpecChart } from '@/features/charts/spec-chart';
import { ExportMenu } from '@/features/export/export-menu';
import { Panel } from '@/features/data/panel';
import type { Meta } from '@contract/types';
import { FilterBar } from '@/features/filters/filter-bar';
import { useRecipe, useSpecs } from '@/features/recipe/use-recipe';
import type { Lang, T } from '@/lib/i18n';
import { rankingsRecipe } from './recipe';

export function RankingsView({ meta, lang, t }: { meta: Meta; lang: Lang; t: T }) {
  const run = useRecipe(rankingsRecipe, meta);
  const specs = useSpecs(rankingsRecipe, meta, run, lang);
  const { controls, rankings: query, selection } = run;

  const body = () => {
    if (meta.assessments.length === 0 || !query)
      return <p className="empty">{t('rankings.none')}</p>;
    return (
      <Panel query={query} t={t} rows={6}>
        {() =>
          specs.length === 0 ? (
            <p className="empty">{t('rankings.none')}</p>
          ) : (
            <div className="chart-grid">
              {specs.map((spec) => (
                <SpecChart key={spec.id} spec={spec} actions={<ExportMenu spec={spec} />} />
              ))}
            </div>
          )
        }
      </Panel>
    );
  };
  return (
    <div className="view">
      <FilterBar meta={meta} selection={selection} controls={controls} lang={lang} t={t} />
      <h2 className="section-title">
        {t('views.rankings')}
        <span className="section-title__sub">{t('rank.lowerIsBetter')}</span>
      </h2>
      {body()}
    </div>
  );
}
