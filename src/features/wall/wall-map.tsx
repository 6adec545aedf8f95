import { useRef } from 'react';
import type { T } from '@/lib/i18n';
import { ChoroplethMap, isDark } from '@/features/map/choropleth-map';
import type { MapShape } from '@/features/map/choropleth-map';
import { MapLegend } from '@/features/map/map-legend';
import type { MapModel } from '@/features/map/map-model';
import { useDrawnShapes, useMapGeometry } from '@/features/map/use-boundaries';
import { lineYs, TILE_TYPE, tileLines } from './tile-labels';
import type { TileLine } from './tile-labels';
import { useBoxSize } from './use-box-size';

interface TileText {
  id: string;
  x: number;
  y: number;
  colour: string;
  halo: string | null;
  lines: TileLine[];
}

export function tileTexts(shapes: readonly MapShape[], ink: string): TileText[] {
  const texts = shapes.flatMap((s) => {
    const tile = s.tile;
    if (!tile) return [];
    const { lines, cut } = tileLines(s.label, s.sub, tile.size);
    return [
      {
        id: s.id,
        x: tile.x + tile.size / 2,
        y: tile.y + tile.size / 2,
        colour: s.hatch ? ink : isDark(s.fill) ? '#ffffff' : '#111827',
        halo: s.hatch ? '#0b1220' : null,
        lines,
        cut: cut ? (lines[0]?.bold ? lines[0].text : null) : null,
      },
    ];
  });
  // Two names cut to the same letters ("Longq…" for Longqiao and Longquan) say nothing: dropped.
  const seen = new Map<string, number>();
  for (const l of texts) if (l.cut !== null) seen.set(l.cut, (seen.get(l.cut) ?? 0) + 1);
  return texts
    .map(({ cut, ...l }) =>
      cut !== null && (seen.get(cut) ?? 0) > 1 ? { ...l, lines: l.lines.slice(1) } : l,
    )
    .filter((l) => l.lines.length > 0);
}

function TileLabels({ texts }: { texts: readonly TileText[] }) {
  return (
    <>
      {texts.map((l) => {
        const halo = l.halo
          ? {
              stroke: l.halo,
              strokeWidth: 6,
              paintOrder: 'stroke',
              strokeLinejoin: 'round' as const,
            }
          : {};
        const ys = lineYs(l.lines.length, l.y);
        return (
          <g key={l.id} data-label={l.id} fill={l.colour} textAnchor="middle" {...halo}>
            {l.lines.map((line, k) => (
              <text
                key={k}
                x={l.x}
                y={ys[k]}
                fontSize={TILE_TYPE.size}
                fontWeight={line.bold ? 700 : 400}
              >
                {line.text}
              </text>
            ))}
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
