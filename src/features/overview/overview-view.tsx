import { KpiCard } from '@/components/kpi-card';
import { Sparkline } from '@/components/sparkline';
import { Panel } from '@/features/data/panel';
import { headlineIndicators, seriesValues } from '@/features/data/select';
import type { Meta } from '@contract/types';
import { FilterBar } from '@/features/filters/filter-bar';
import { lazy, Suspense, useEffect } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { completionFilter, completionRegions } from '@/features/completion/request';
import { useConfig } from '@/features/data/config-context';
import { observationsOptions } from '@/features/data/queries';
import type { CSSProperties } from 'react';
import { useRecipe } from '@/features/recipe/use-recipe';
import type { Lang, T } from '@/lib/i18n';
import { withViewStrings } from '@/lib/i18n';
import { buildCard } from './build-card';
import { overviewInputs } from './inputs';
import { RankBadges } from './rank-badges';
import { yearRange } from '@/lib/year-range';

// The completion table and warnings have their own query and load on demand: the first load
// carries the cards only.
const loadCompletion = withViewStrings(() => import('@/features/completion/completion-section'));
const CompletionSection = lazy(() =>
  loadCompletion().then((m) => ({
    default: m.CompletionSection,
  })),
);

/** The completion table's rows: one per indicator, one per programme heading. */
function tableRows(meta: Meta): number {
  return meta.indicators.length + new Set(meta.indicators.map((i) => i.programme)).size;
}

export function OverviewView({ meta, lang, t }: { meta: Meta; lang: Lang; t: T }) {
  const { list, fallback } = headlineIndicators(meta);
  const { observations: query, selection, controls } = useRecipe(overviewInputs, meta);
  const region = selection.selected;
  // The year defaults from the headline data: until it is in, the table would guess the year.
  const ready = query.data !== undefined || selection.yearExplicit;
  const client = useQueryClient();
  const config = useConfig();
  // The warnings line is often the largest text on a phone's first screen (its LCP): its code
  // comes with the cards' data rather than after it…
  useEffect(() => {
    loadCompletion().catch(() => undefined); // a failure shows when the section renders
  }, []);
  // …and its data is asked for as soon as the year is known, not once that code has rendered.
  // The same options as useCompletion, so the section finds the answer under its own key.
  useEffect(() => {
    const regions = completionRegions(selection);
    if (!ready || regions.length === 0) return;
    const { year, compare, campaign } = selection;
    const filter = completionFilter(meta, regions, year, compare, campaign);
    client.query(observationsOptions(config, meta, filter, client)).catch(() => undefined);
  }, [ready, selection, meta, config, client]);

  return (
    <div className="view overview">
      <FilterBar meta={meta} selection={selection} controls={controls} lang={lang} t={t} />
      {/* Room kept for the warnings line, so the cards do not jump down when it arrives. */}
      <div className="overview__warnings">
        {ready && (
          <Suspense fallback={null}>
            <CompletionSection
              meta={meta}
              selection={selection}
              lang={lang}
              t={t}
              placement="warnings"
            />
          </Suspense>
        )}
      </div>
      {/* Room kept for the table (one row per indicator and programme heading) from the first
          paint, so nothing in view moves when it arrives (styles.css, wide screens only). */}
      <div className="overview__table" style={{ '--table-rows': tableRows(meta) } as CSSProperties}>
        {ready && (
          <Suspense fallback={null}>
            <CompletionSection
              meta={meta}
              selection={selection}
              lang={lang}
              t={t}
              placement="table"
            />
          </Suspense>
        )}
      </div>
      <section aria-labelledby="kpi-heading" className="overview__cards">
        <h2 id="kpi-heading" className="section-title">
          {t('overview.headline')}
          {/* The default year comes from the data: until it is in, the heading names no year. */}
          {region && (query.data !== undefined || selection.yearExplicit) && (
            <span className="section-title__sub">
              {t('overview.region', { region: region.name[lang], year: selection.year })}
            </span>
          )}
        </h2>
        {fallback && <p className="hint">{t('overview.noHeadline', { count: list.length })}</p>}
        {region && selection.towns.length > 1 && (
          <p className="hint">
            {t('overview.firstOnly', { region: region.name[lang], count: selection.towns.length })}
          </p>
        )}
        <Panel
          query={query}
          t={t}
          loading={
            <div className="kpi-grid" role="status" aria-live="polite">
              <span className="visually-hidden">{t('state.loading')}</span>
              {list.map((ind) => (
                <div key={ind.id} className="kpi-card kpi-card--placeholder" aria-hidden="true" />
              ))}
            </div>
          }
        >
          {(data) => (
            <div className="kpi-grid">
              {region &&
                list.map((ind) => {
                  const card = buildCard({
                    indicator: ind,
                    index: data.index,
                    region: region.id,
                    year: selection.year,
                    compareYear: selection.compare,
                    lang,
                    campaign: selection.campaign,
                  });
                  const years = meta.years.filter((y) => y <= selection.year);
                  return (
                    <KpiCard
                      key={ind.id}
                      {...card}
                      trend={
                        <Sparkline
                          values={seriesValues(data.index, ind.id, region.id, years)}
                          label={t('card.trend', {
                            years: yearRange(years[0] ?? selection.year, selection.year, lang),
                          })}
                        />
                      }
                      footer={
                        [card.targetText, card.noteText].filter(Boolean).join(' · ') || undefined
                      }
                    />
                  );
                })}
            </div>
          )}
        </Panel>
      </section>
      <div className="overview__ranks">
        <RankBadges
          meta={meta}
          region={region}
          ready={query.data !== undefined || query.isError}
          year={selection.year}
          lang={lang}
          t={t}
        />
      </div>
    </div>
  );
}
