/** 地图: one indicator for one year, the city's districts or the chosen district's townships. */
import { useMemo } from 'react';
import { useConfig } from '@/features/data/config-context';
import { Panel } from '@/features/data/panel';
import { FilterBar } from '@/features/filters/filter-bar';
import { useRawFilters, useSetFilters } from '@/features/filters/use-filters';
import { useRecipe } from '@/features/recipe/use-recipe';
import type { Lang, T } from '@/lib/i18n';
import type { Meta } from '@contract/types';
import { MapFigure } from './map-figure';
import { buildMapModel } from './map-model';
import { mapRecipe } from './recipe';
import { playYears } from './play';
import { usePlay } from './use-play';
import './map.css';

export function MapView({ meta, lang, t }: { meta: Meta; lang: Lang; t: T }) {
  const run = useRecipe(mapRecipe, meta);
  const demo = useConfig().mode === 'demo';
  const setFilters = useSetFilters();
  const { controls, observations: query, selection } = run;
  const indicator = controls.indicator;
  const index = run.data.observations;
  const model = useMemo(
    () =>
      index && indicator ? buildMapModel({ meta, index, selection, indicator, lang, demo }) : null,
    [meta, index, selection, indicator, lang, demo],
  );
  const knownIds = useMemo(() => new Set(meta.regions.map((r) => r.id)), [meta]);
  const years = playYears(meta, selection.campaign);

  const { playing, toggle: togglePlay } = usePlay(years, selection.year, useRawFilters().year);

  if (!indicator) return <p className="empty">{t('state.empty')}</p>;
  const district = selection.district;
  const city = selection.top;

  const activate = (id: string) => {
    if (!district) return setFilters({ district: id, town: [] });
    const towns = selection.towns.map((r) => r.id);
    setFilters({ town: towns.includes(id) ? towns.filter((x) => x !== id) : [...towns, id] });
  };

  return (
    <div className="view">
      <FilterBar meta={meta} selection={selection} controls={controls} lang={lang} t={t} />
      <h2 className="section-title">
        {t('views.map')} · {indicator.name[lang]}
      </h2>
      <div className="map-toolbar">
        <nav className="map-crumbs" aria-label={t('map.levels')}>
          {district ? (
            <button
              type="button"
              className="btn btn--ghost"
              onClick={() => setFilters({ district: null, town: [] })}
            >
              ‹ {t('map.allDistricts', { city: city?.name[lang] ?? '' })}
            </button>
          ) : (
            <span aria-current="page">
              {t('map.allDistricts', { city: city?.name[lang] ?? '' })}
            </span>
          )}
          {district && (
            <>
              <span aria-hidden> › </span>
              <span aria-current="page">{district.name[lang]}</span>
            </>
          )}
        </nav>
        {years.length > 1 && (
          <button
            type="button"
            className="btn map-play"
            aria-pressed={playing}
            onClick={togglePlay}
          >
            {playing ? `❚❚ ${t('map.pause')}` : `▶ ${t('map.play')}`}
          </button>
        )}
        <span className="map-year" aria-live="polite">
          {playing
            ? t('map.playing', { year: selection.year })
            : t('scope.year', { year: selection.year })}
        </span>
      </div>
      <Panel query={query} t={t} rows={6}>
        {() =>
          !model || model.regions.length === 0 ? (
            <p className="empty">{t('map.noRegions', { year: selection.year })}</p>
          ) : (
            <MapFigure model={model} knownIds={knownIds} t={t} onActivate={activate} />
          )
        }
      </Panel>
    </div>
  );
}
