import { useMemo } from 'react';
import { SpecChart } from '@/features/charts/spec-chart';
import { ExportMenu } from '@/features/export/export-menu';
import { useConfig } from '@/features/data/config-context';
import { Panel } from '@/features/data/panel';
import { useRankings } from '@/features/data/queries';
import type { Meta } from '@contract/types';
import { FilterBar } from '@/features/filters/filter-bar';
import { useHeadlineData } from '@/features/overview/headline-data';
import type { Lang, T } from '@/lib/i18n';
import { buildRankingSpecs } from './build-specs';

export function RankingsView({ meta, lang, t }: { meta: Meta; lang: Lang; t: T }) {
  const demo = useConfig().mode === 'demo';
  const query = useRankings(meta, {});
  // Defaults (latest year, top region) come from the same headline data the overview uses, so
  // switching views keeps the same selection; react-query shares the cached response.
  const { selection } = useHeadlineData(meta);
  const rankings = query.data?.data;
  const specs = useMemo(
    () => (rankings ? buildRankingSpecs(meta, rankings, selection, lang, demo) : []),
    [meta, rankings, selection, lang, demo],
  );

  const body = () => {
    if (meta.assessments.length === 0) return <p className="empty">{t('rankings.none')}</p>;
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
      <FilterBar meta={meta} selection={selection} lang={lang} t={t} />
      <h2 className="section-title">
        {t('views.rankings')}
        <span className="section-title__sub">{t('rank.lowerIsBetter')}</span>
      </h2>
      {body()}
    </div>
  );
}
