/**
 * The model's regions as shapes at a given size: squares of the tile map, or the projected
 * boundaries of the regions that have one. The screen and the export call this with their own
 * sizes, so both draw by the same rules.
 */
import type { Matching } from './boundaries';
import { projectShapes } from './boundaries';
import type { MapShape } from './choropleth-map';
import type { MapModel } from './map-model';
import { tileHeight, tileLayout } from './tile-layout';

export type Geometry = { kind: 'tiles' } | { kind: 'shapes'; matching: Matching };

const MAX_TILE = 150;

/** The height the map needs at `width`. */
export function mapHeight(model: MapModel, geometry: Geometry, width: number): number {
  if (geometry.kind === 'tiles')
    return Math.max(60, tileHeight(model.regions.length, width, MAX_TILE));
  return Math.round(Math.min(560, Math.max(220, width * 0.7)));
}

export function mapShapes(
  model: MapModel,
  geometry: Geometry,
  width: number,
  height: number,
): MapShape[] {
  const base = (r: MapModel['regions'][number]) => ({
    id: r.region.id,
    fill: r.fill,
    hatch: r.cls === null,
    aria: r.aria,
    selected: r.selected,
    cls: r.cls,
  });
  if (geometry.kind === 'tiles') {
    const tiles = tileLayout(
      model.regions.map((r) => r.region.id),
      width,
      height,
    );
    return model.regions.map((r, i) => ({
      ...base(r),
      tile: tiles[i],
      label: r.short,
      sub: r.valueText,
    }));
  }
  const drawn = model.regions.flatMap((r) => {
    const s = geometry.matching.byId.get(r.region.id);
    return s ? [s] : [];
  });
  const paths = projectShapes(drawn, width, height);
  return model.regions.flatMap((r) => {
    const d = paths.get(r.region.id);
    return d === undefined ? [] : [{ ...base(r), d }];
  });
}
