import type { MapModel, MapRegion } from '@/features/map/map-model';
import type { T } from '@/lib/i18n';

/** The region on show in the cycle: which one, "3/11", and its figures for the lead indicator. */
export function WallCurrent({
  model,
  region,
  position,
  t,
}: {
  model: MapModel;
  region: MapRegion | null;
  position: number;
  t: T;
}) {
  return (
    <section className="wall-panel wall-current" aria-labelledby="wall-current-name">
      <p className="wall-current__top">
        <span className="wall-current__indicator">
          {model.indicator.name[model.lang]} · {t('scope.year', { year: model.year })}
        </span>
        <span className="wall-current__position" data-testid="wall-position">
          {t('wall.position', { n: position + 1, total: model.regions.length })}
        </span>
      </p>
      <h2 id="wall-current-name" className="wall-current__name">
        {region?.name ?? '—'}
      </h2>
      {region && (
        <>
          <div className="wall-current__figures">
            <p className="wall-current__value">{region.valueText}</p>
            <p className="wall-current__rank">{region.rankText}</p>
          </div>
          {model.baselineYear !== null && (
            // Against what is said once, in the top bar ("变化：较2019年（基线年）"): here
            // only the change, so its unit and verdict fit.
            <p className={`wall-current__change wall-change--${region.change?.verdict ?? 'none'}`}>
              <span className="visually-hidden">
                {t('map.vsBaseline', { year: model.baselineYear })}{' '}
              </span>
              {region.changeText}
            </p>
          )}
        </>
      )}
    </section>
  );
}
