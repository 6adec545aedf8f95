import { SpecChart } from '@/features/charts/spec-chart';
import { Panel } from '@/features/data/panel';
import { ExportMenu } from '@/features/export/export-menu';
import { FilterBar } from '@/features/filters/filter-bar';
import { useRecipe, useSpecs } from '@/features/recipe/use-recipe';
import type { Lang, T } from '@/lib/i18n';
import type { Meta } from '@contract/types';
import { leagueRecipe } from './recipe';
import './league.css';

/** 红黑榜: one indicator, one year, the regions of a level from best to worst. */
export function LeagueView({ meta, lang, t }: { meta: Meta; lang: Lang; t: T }) {
  const run = useRecipe(leagueRecipe, meta);
  const specs = useSpecs(leagueRecipe, meta, run, lang);
  const { controls, observations: query, selection } = run;
  const indicator = controls.indicator;
  if (!indicator) return <p className="empty">{t('state.empty')}</p>;
  const townships = specs.some((s) => s.id.includes('-townships-'));

  return (
    <div className="view">
      <FilterBar meta={meta} selection={selection} controls={controls} lang={lang} t={t} />
      <h2 className="section-title">
        {t('views.league')} · {indicator.name[lang]}
        <span className="section-title__sub">{t(`league.${indicator.better}`)}</span>
      </h2>
      <Panel query={query} t={t} rows={6}>
        {() =>
          specs.length === 0 ? (
            <p className="empty">{t('league.none')}</p>
          ) : (
            <div className="chart-grid chart-grid--wide league">
              {selection.district && !townships && (
                <p className="empty">{t('chart.noTownships')}</p>
              )}
              {specs.map((spec) => (
                <SpecChart key={spec.id} spec={spec} actions={<ExportMenu spec={spec} />} />
              ))}
            </div>
          )
        }
      </Panel>
    </div>
  );
}
