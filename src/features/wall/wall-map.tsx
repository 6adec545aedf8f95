import { useRef } from 'react';
import { ellipsize, textWidth } from '@/components/chart/text-metrics';
import type { T } from '@/lib/i18n';
import { ChoroplethMap, isDark } from '@/features/map/choropleth-map';
import type { MapShape } from '@/features/map/choropleth-map';
import { MapLegend } from '@/features/map/map-legend';
import type { MapModel } from '@/features/map/map-model';
import { useDrawnShapes, useMapGeometry } from '@/features/map/use-boundaries';
import { useBoxSize } from './use-box-size';

/**
 * Tile labels on the wall, in 1080p pixels (the map is drawn one unit to one stage pixel):
 * the short name and the value, both at least 28 px. The shared map's own tile labels (16 units
 * at most, for a page) are left out and drawn here, fitted to the tile: a name too long is
 * abbreviated, a value with no room is left to the ranking beside the map.
 */
export const TILE_TYPE = { name: 30, value: 28 } as const;
const PAD = 10;
/** The estimate of text-metrics is for a generic sans; the wall's bold type runs wider. */
const SLACK = 1.15;

interface TileText {
  id: string;
  x: number;
  y: number;
  colour: string;
  halo: string | null;
  name: string | null;
  value: string | null;
  size: number;
  abbreviated: boolean;
}

export function tileTexts(shapes: readonly MapShape[], ink: string): TileText[] {
  const texts = shapes.flatMap((s) => {
    const tile = s.tile;
    if (!tile) return [];
    const room = tile.size - 2 * PAD;
    if (room < TILE_TYPE.value * 1.5 || tile.size < TILE_TYPE.name + 2 * PAD) return [];
    const fits = (text: string, size: number, bold: boolean) =>
      textWidth(text, size, bold) * SLACK <= room;
    let name: string | null = s.label ?? null;
    if (name !== null && !fits(name, TILE_TYPE.name, true)) {
      name = ellipsize(name, TILE_TYPE.name, room / SLACK, true);
      if (Array.from(name).length < 3) name = null;
    }
    const twoLines = tile.size >= TILE_TYPE.name + TILE_TYPE.value + 2 * PAD + 12;
    const value =
      s.sub !== undefined && twoLines && fits(s.sub, TILE_TYPE.value, false) ? s.sub : null;
    return [
      {
        id: s.id,
        x: tile.x + tile.size / 2,
        y: tile.y + tile.size / 2,
        colour: s.hatch ? ink : isDark(s.fill) ? '#ffffff' : '#111827',
        halo: s.hatch ? '#0b1220' : null,
        name,
        value,
        size: tile.size,
        abbreviated: name !== null && name !== s.label,
      },
    ];
  });
  // Two names cut to the same letters ("Longq…" for Longqiao and Longquan) say nothing: dropped.
  const seen = new Map<string, number>();
  for (const l of texts) if (l.name !== null) seen.set(l.name, (seen.get(l.name) ?? 0) + 1);
  return texts
    .map((l) =>
      l.abbreviated && l.name !== null && (seen.get(l.name) ?? 0) > 1 ? { ...l, name: null } : l,
    )
    .filter((l) => l.name !== null || l.value !== null);
}

function TileLabels({ texts }: { texts: readonly TileText[] }) {
  return (
    <>
      {texts.map((l) => {
        const both = l.name !== null && l.value !== null;
        const halo = l.halo
          ? {
              stroke: l.halo,
              strokeWidth: 6,
              paintOrder: 'stroke',
              strokeLinejoin: 'round' as const,
            }
          : {};
        return (
          <g key={l.id} data-label={l.id} fill={l.colour} textAnchor="middle" {...halo}>
            {l.name !== null && (
              <text
                x={l.x}
                y={both ? l.y - 6 : l.y + TILE_TYPE.name * 0.35}
                fontSize={TILE_TYPE.name}
                fontWeight={700}
              >
                {l.name}
              </text>
            )}
            {l.value !== null && (
              <text
                x={l.x}
                y={both ? l.y + TILE_TYPE.value + 2 : l.y + TILE_TYPE.value * 0.35}
                fontSize={TILE_TYPE.value}
              >
                {l.value}
              </text>
            )}
          </g>
        );
      })}
    </>
  );
}

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
  const canvas = useRef<HTMLDivElement>(null);
  const box = useBoxSize(canvas);
  const width = Math.max(1, box?.width ?? 0);
  const height = Math.max(1, box?.height ?? 0);
  const drawn = useDrawnShapes(model, geometry, width, height);
  // The labels are the wall's (below), at wall size.
  const shapes = drawn.map((s) => {
    const bare = { ...s };
    delete bare.label;
    delete bare.sub;
    return bare;
  });
  const texts = tileTexts(drawn, '#e5e7eb');
  return (
    <section className="wall-panel wall-map" aria-labelledby="wall-map-title">
      <div className="wall-map__head">
        <h2 id="wall-map-title" className="wall-panel__title">
          {model.title}
          {schematic && (
            <span className="wall-map__schematic" data-schematic="true">
              {t('map.schematic')}
            </span>
          )}
        </h2>
      </div>
      <MapLegend model={model} t={t} />
      <div className="wall-map__canvas" ref={canvas}>
        {box && (
          <>
            <ChoroplethMap
              shapes={shapes}
              width={width}
              height={height}
              theme="dark"
              title={schematic ? `${model.title}（${t('map.schematic')}）` : model.title}
              active={current}
            />
            {texts.length > 0 && (
              <svg
                className="wall-map__labels"
                viewBox={`0 0 ${width} ${height}`}
                width={width}
                height={height}
                aria-hidden="true"
              >
                <TileLabels texts={texts} />
              </svg>
            )}
          </>
        )}
      </div>
    </section>
  );
}
