import { ChartFrame } from '@/components/chart-frame';
import { TrendLineChart } from '@/components/line-chart';
import { captionLines } from '@/features/charts/caption';
import { DataError, Loading } from '@/features/data/panel-status';
import { useObservations, useRankings } from '@/features/data/queries';
import type { Assessment, Meta, Ranking } from '@/features/data/types';
import { FilterBar } from '@/features/filters/filter-bar';
import { useSelection } from '@/features/filters/use-filters';
import type { Selection } from '@/features/filters/use-filters';
import type { Lang, T } from '@/lib/i18n';

function AssessmentChart({
  meta,
  a,
  rankings,
  selection,
  lang,
  t,
}: {
  meta: Meta;
  a: Assessment;
  rankings: Ranking[];
  selection: Selection;
  lang: Lang;
  t: T;
}) {
  const rows = rankings.filter((r) => r.assessment === a.id);
  const years = meta.years.filter((y) => rows.some((r) => r.year === y));
  const regions = meta.regions.filter((reg) => rows.some((r) => r.region === reg.id));
  const at = (region: string, year: number) =>
    rows.find((r) => r.region === region && r.year === year);
  const selectedId = selection.district?.id ?? selection.selected?.id;
  const campaign = selection.campaign;
  const of = Math.max(...rows.map((r) => r.of));
  return (
    <ChartFrame
      title={t('chart.rankingTitle', { assessment: a.name[lang] })}
      subtitle={`${t('rank.lowerIsBetter')} · ${years[0] ?? ''}–${years[years.length - 1] ?? ''}`}
      captionLines={captionLines(meta, lang)}
      labels={{ showTable: t('chart.showTable'), hideTable: t('chart.hideTable') }}
      table={{
        rowHeader: t('chart.region'),
        columns: years.map(String),
        rows: regions.map((reg) => ({
          header: reg.name[lang],
          cells: years.map((y) => {
            const r = at(reg.id, y);
            return r ? `${r.rank}/${r.of}` : '—';
          }),
        })),
      }}
    >
      <TrendLineChart
        years={years}
        series={regions.map((reg) => ({
          id: reg.id,
          name: reg.name[lang],
          selected: reg.id === selectedId,
          values: years.map((y) => at(reg.id, y)?.rank ?? null),
        }))}
        yLabel={t('rank.lowerIsBetter')}
        format={(v) => String(Math.round(v))}
        reversed
        band={
          campaign && years.includes(campaign.startYear)
            ? {
                from: campaign.startYear,
                to: Math.min(campaign.endYear, years[years.length - 1] ?? campaign.endYear),
                label: t('chart.campaignBand'),
              }
            : null
        }
        baseline={
          campaign && years.includes(campaign.baselineYear)
            ? { year: campaign.baselineYear, label: t('chart.baseline') }
            : null
        }
        height={Math.max(240, Math.min(420, of * 18))}
      />
    </ChartFrame>
  );
}

export function RankingsView({ meta, lang, t }: { meta: Meta; lang: Lang; t: T }) {
  const query = useRankings(meta, {});
  // Defaults (latest year, top region) come from the same headline data the overview uses, so
  // switching views keeps the same selection; react-query shares the cached response.
  const headline = meta.indicators.filter((i) => i.headline);
  const obs = useObservations(meta, {
    indicators: (headline.length ? headline : meta.indicators.slice(0, 8)).map((i) => i.id),
  });
  const selection = useSelection(meta, obs.data?.index);

  const body = () => {
    if (meta.assessments.length === 0) return <p className="empty">{t('rankings.none')}</p>;
    if (query.isPending) return <Loading t={t} rows={6} />;
    if (query.isError)
      return <DataError error={query.error} onRetry={() => void query.refetch()} t={t} />;
    const withRows = meta.assessments.filter((a) =>
      query.data.data.some((r) => r.assessment === a.id),
    );
    if (withRows.length === 0) return <p className="empty">{t('rankings.none')}</p>;
    return (
      <div className="chart-grid">
        {withRows.map((a) => (
          <AssessmentChart
            key={a.id}
            meta={meta}
            a={a}
            rankings={query.data.data}
            selection={selection}
            lang={lang}
            t={t}
          />
        ))}
      </div>
    );
  };
  return (
    <div className="view">
      <FilterBar meta={meta} selection={selection} lang={lang} t={t} />
      {body()}
    </div>
  );
}
