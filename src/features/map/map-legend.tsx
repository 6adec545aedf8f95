import type { T } from '@/lib/i18n';
import type { MapModel } from './map-model';

/** Classes with their bounds, the no-data swatch and which end needs attention. */
export function MapLegend({ model, t }: { model: MapModel; t: T }) {
  const hatched = model.regions.some((r) => r.cls === null);
  return (
    <div className="map-legend" aria-label={t('chart.legend')} role="group">
      <p className="map-legend__note">
        <strong>{model.legendNote}</strong>
        {model.legend.length > 0 && <span> · {t('map.classing', { n: model.legend.length })}</span>}
      </p>
      <ul className="map-legend__items">
        {model.legend.map((c) => (
          <li key={c.colour}>
            <span className="map-legend__swatch" style={{ background: c.colour }} aria-hidden />
            {c.label}
          </li>
        ))}
        <li>
          <span className="map-legend__swatch map-legend__swatch--hatch" aria-hidden />
          {t('map.noData')}
        </li>
      </ul>
      {hatched && <p className="map-legend__hint">{t('map.hatchNote')}</p>}
    </div>
  );
}
