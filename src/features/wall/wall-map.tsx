import type { T } from '@/lib/i18n';
import { ChoroplethMap } from '@/features/map/choropleth-map';
import { MapLegend } from '@/features/map/map-legend';
import type { MapModel } from '@/features/map/map-model';
import { mapHeight } from '@/features/map/map-shapes';
import { tileGrid } from '@/features/map/tile-layout';
import { useDrawnShapes, useMapGeometry } from '@/features/map/use-boundaries';

/**
 * The map's drawing width. The SVG then fills its box (viewBox), so its labels (16 px at most in
 * the map's own units) grow with it. Tiles are drawn just big enough for full-size labels (a
 * 110-unit cell), so the fewer the regions, the larger the scale on the wall.
 */
const SHAPES_WIDTH = 380;
const TILE_CELL = 110;

/** The map view's picture, dark, with its legend; the region on show outlined; no controls. */
export function WallMap({
  model,
  current,
  knownIds,
  t,
}: {
  model: MapModel;
  current: string | null;
  knownIds: ReadonlySet<string>;
  t: T;
}) {
  const { geometry } = useMapGeometry(model, knownIds);
  const schematic = geometry.kind === 'tiles';
  const drawWidth = schematic
    ? Math.max(1, tileGrid(model.regions.length).columns) * TILE_CELL
    : SHAPES_WIDTH;
  const height = mapHeight(model, geometry, drawWidth);
  const shapes = useDrawnShapes(model, geometry, drawWidth, height);
  return (
    <section className="wall-panel wall-map" aria-labelledby="wall-map-title">
      <h2 id="wall-map-title" className="wall-panel__title">
        {model.title}
      </h2>
      <MapLegend model={model} t={t} />
      <div className="wall-map__canvas">
        {schematic && (
          <span className="wall-map__schematic" data-schematic="true">
            {t('map.schematic')}
          </span>
        )}
        <ChoroplethMap
          shapes={shapes}
          width={drawWidth}
          height={height}
          theme="dark"
          title={schematic ? `${model.title}（${t('map.schematic')}）` : model.title}
          active={current}
        />
      </div>
    </section>
  );
}
