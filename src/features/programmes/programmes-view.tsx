import { IndicatorChart } from '@/features/charts/indicator-chart';
import { regionsWithData } from '@/features/data/observation-index';
import { DataError, Loading } from '@/features/data/panel-status';
import { useObservations } from '@/features/data/queries';
import type { Meta } from '@/features/data/types';
import { FilterBar } from '@/features/filters/filter-bar';
import { districtsOf } from '@/features/filters/resolve';
import { useSelection, useValidFilters } from '@/features/filters/use-filters';
import type { Lang, T } from '@/lib/i18n';

export function ProgrammesView({ meta, lang, t }: { meta: Meta; lang: Lang; t: T }) {
  const valid = useValidFilters(meta);
  const programme =
    valid.programme ??
    meta.programmes.find((p) => meta.indicators.some((i) => i.programme === p.id)) ??
    meta.programmes[0] ??
    null;
  const indicators = meta.indicators.filter((i) => i.programme === (programme?.id ?? null));
  const query = useObservations(meta, { indicators: indicators.map((i) => i.id) });
  const selection = useSelection(meta, query.data?.index);
  const campaign = selection.campaign;
  // The campaign years with their baseline in front: what a programme report compares.
  const years = campaign
    ? meta.years.filter((y) => y >= campaign.baselineYear && y <= campaign.endYear)
    : meta.years;

  const body = () => {
    if (indicators.length === 0) return <p className="empty">{t('programmes.noIndicators')}</p>;
    if (query.isPending) return <Loading t={t} rows={6} />;
    if (query.isError)
      return <DataError error={query.error} onRetry={() => void query.refetch()} t={t} />;
    const index = query.data.index;
    const withData = regionsWithData(index);
    const districts = districtsOf(meta).filter((d) => withData.has(d.id));
    const regions =
      districts.length > 0 ? districts : meta.regions.filter((r) => withData.has(r.id)).slice(0, 8);
    const selected = new Set(selection.district ? [selection.district.id] : []);
    return (
      <div className="chart-grid">
        {indicators.map((ind) => (
          <IndicatorChart
            key={ind.id}
            meta={meta}
            index={index}
            indicator={ind}
            regions={regions}
            selectedIds={selected}
            years={years}
            campaign={campaign}
            title={t('chart.programmeTitle', {
              programme: programme?.name[lang] ?? '',
              indicator: ind.name[lang],
            })}
            subtitle={
              campaign
                ? `${campaign.name[lang]} · ${years[0] ?? ''}–${years[years.length - 1] ?? ''}`
                : undefined
            }
            lang={lang}
            height={260}
          />
        ))}
      </div>
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
