import { IndicatorChart } from '@/features/charts/indicator-chart';
import { regionsWithData } from '@/features/data/observation-index';
import { DataError, Loading } from '@/features/data/panel-status';
import { useObservations } from '@/features/data/queries';
import { headlineIndicators } from '@/features/data/select';
import type { Meta } from '@/features/data/types';
import { FilterBar } from '@/features/filters/filter-bar';
import { districtsOf, townshipsOf } from '@/features/filters/resolve';
import { useSelection, useValidFilters } from '@/features/filters/use-filters';
import type { Lang, T } from '@/lib/i18n';

export function TrendsView({ meta, lang, t }: { meta: Meta; lang: Lang; t: T }) {
  const valid = useValidFilters(meta);
  const indicator = valid.indicator ?? headlineIndicators(meta).list[0] ?? meta.indicators[0];
  const query = useObservations(meta, { indicators: indicator ? [indicator.id] : [] });
  const selection = useSelection(meta, query.data?.index);
  if (!indicator) return null;

  const body = () => {
    if (query.isPending) return <Loading t={t} rows={6} />;
    if (query.isError)
      return <DataError error={query.error} onRetry={() => void query.refetch()} t={t} />;
    const index = query.data.index;
    const withData = regionsWithData(index);
    const years = meta.years;
    const top = selection.top;
    const districts = districtsOf(meta).filter((d) => withData.has(d.id));
    // A parent's own rate is a fair reference line; its count would dwarf its parts.
    const isRate =
      indicator.unit === 'percent' || indicator.unit === 'permille' || indicator.unit === 'score';
    const compared = [
      ...(isRate && top && top.level !== 'district' && withData.has(top.id) ? [top] : []),
      ...districts,
    ];
    const district = selection.district;
    const towns = district ? townshipsOf(meta, district.id).filter((r) => withData.has(r.id)) : [];
    const chosenTowns = new Set(selection.towns.map((r) => r.id));
    if (compared.length === 0 && towns.length === 0)
      return <p className="empty">{t('state.empty')}</p>;
    return (
      <div className="chart-grid chart-grid--wide">
        {compared.length > 0 && (
          <IndicatorChart
            meta={meta}
            index={index}
            indicator={indicator}
            regions={compared}
            selectedIds={new Set(district ? [district.id] : top ? [top.id] : [])}
            years={years}
            campaign={selection.campaign}
            title={t('chart.districtsTitle', { indicator: indicator.name[lang] })}
            subtitle={`${years[0] ?? ''}–${years[years.length - 1] ?? ''}`}
            lang={lang}
          />
        )}
        {district &&
          (towns.length > 0 ? (
            <IndicatorChart
              meta={meta}
              index={index}
              indicator={indicator}
              regions={isRate ? [district, ...towns] : towns}
              selectedIds={
                chosenTowns.size > 0 ? chosenTowns : new Set(isRate ? [district.id] : [])
              }
              years={years}
              campaign={selection.campaign}
              title={t('chart.townshipsTitle', {
                indicator: indicator.name[lang],
                district: district.name[lang],
              })}
              subtitle={`${years[0] ?? ''}–${years[years.length - 1] ?? ''}`}
              lang={lang}
            />
          ) : (
            <p className="empty">{t('chart.noTownships')}</p>
          ))}
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
