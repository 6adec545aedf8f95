/**
 * The map itself, and nothing around it: regions as paths (real boundaries) or squares (the
 * tile map), filled by class or hatched when there is no figure. It has no controls of its
 * own, so the map view, its static export (rendered to markup) and a wall screen all draw
 * the same picture from the same props.
 */
import { useId } from 'react';
import type { KeyboardEvent, MouseEvent } from 'react';
import type { Tile } from './tile-layout';

export type MapTheme = 'light' | 'dark';

export interface MapShape {
  id: string;
  /** SVG path data (boundaries) or a square (tile map). */
  d?: string;
  tile?: Tile;
  fill: string;
  /** No figure to class: drawn hatched, never coloured as low. */
  hatch: boolean;
  /** Tile map labels: the short name and the value. */
  label?: string;
  sub?: string;
  aria: string;
  selected: boolean;
  cls: number | null;
}

export interface ChoroplethMapProps {
  shapes: readonly MapShape[];
  width: number;
  height: number;
  theme?: MapTheme;
  /** The accessible name of the whole picture. */
  title: string;
  active?: string | null;
  /** Makes regions focusable buttons: click or Enter activates, hover or focus shows. */
  onActivate?: (id: string, pointer: string) => void;
  onShow?: (id: string | null) => void;
}

const THEMES = {
  light: {
    edge: '#ffffff',
    ink: '#1f2937',
    paper: '#ffffff',
    hatch: '#8b95a5',
    selected: '#1e3a8a',
  },
  dark: {
    edge: '#0b1220',
    ink: '#e5e7eb',
    paper: '#1f2937',
    hatch: '#6b7280',
    selected: '#93c5fd',
  },
} as const;

/** Dark fills get light text. */
export function isDark(hex: string): boolean {
  const m = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex);
  if (!m) return false;
  const [r, g, b] = [m[1], m[2], m[3]].map((x) => parseInt(x ?? '0', 16) / 255);
  return 0.2126 * (r ?? 0) + 0.7152 * (g ?? 0) + 0.0722 * (b ?? 0) < 0.45;
}

function TileLabels({ tile, shape, ink }: { tile: Tile; shape: MapShape; ink: string }) {
  // On a fill the label's colour follows the fill, whatever the theme; on the hatch, the theme's.
  const colour = shape.hatch ? ink : isDark(shape.fill) ? '#ffffff' : '#1f2937';
  const size = Math.max(10, Math.min(16, tile.size / 5.5));
  const cx = tile.x + tile.size / 2;
  const cy = tile.y + tile.size / 2;
  return (
    <g pointerEvents="none" textAnchor="middle" fill={colour}>
      {shape.label && (
        <text x={cx} y={shape.sub ? cy - 2 : cy + size * 0.35} fontSize={size} fontWeight={600}>
          {shape.label}
        </text>
      )}
      {shape.sub && (
        <text x={cx} y={cy + size * 1.05} fontSize={Math.max(9, size - 3)}>
          {shape.sub}
        </text>
      )}
    </g>
  );
}

export function ChoroplethMap({
  shapes,
  width,
  height,
  theme = 'light',
  title,
  active = null,
  onActivate,
  onShow,
}: ChoroplethMapProps) {
  const pattern = `hatch-${useId().replace(/[^a-zA-Z0-9]/g, '')}`;
  const th = THEMES[theme];
  const interactive = onActivate !== undefined;
  // Chosen regions are drawn last so their outline is whole. The region under the pointer is
  // not moved (a node moved between mousedown and mouseup loses the click): its outline is
  // drawn again on top instead.
  const ordered = [...shapes].sort((a, b) => Number(a.selected) - Number(b.selected));
  const highlighted = shapes.find((s) => s.id === active);
  return (
    <svg
      className="choropleth"
      width={width}
      height={height}
      viewBox={`0 0 ${width} ${height}`}
      // An image cannot hold buttons (its children are presentational): a group of them then.
      role={interactive ? 'group' : 'img'}
      aria-label={title}
    >
      <defs>
        <pattern
          id={pattern}
          patternUnits="userSpaceOnUse"
          width={6}
          height={6}
          patternTransform="rotate(45)"
        >
          <rect width={6} height={6} fill={th.paper} />
          <line x1={0} y1={0} x2={0} y2={6} stroke={th.hatch} strokeWidth={2} />
        </pattern>
      </defs>
      {ordered.map((s) => {
        const emphasised = s.selected;
        const paint = {
          fill: s.hatch ? `url(#${pattern})` : s.fill,
          stroke: emphasised ? th.selected : s.hatch ? th.hatch : th.edge,
          strokeWidth: emphasised ? 3 : 1,
        };
        const events = interactive
          ? {
              role: 'button',
              tabIndex: 0,
              'aria-label': s.aria,
              'aria-pressed': s.selected,
              onClick: (e: MouseEvent<SVGGElement>) => {
                const native = e.nativeEvent;
                const pointer =
                  'pointerType' in native && typeof native.pointerType === 'string'
                    ? native.pointerType
                    : 'mouse';
                onActivate(s.id, pointer || 'mouse');
              },
              onKeyDown: (e: KeyboardEvent<SVGGElement>) => {
                if (e.key === 'Enter' || e.key === ' ') {
                  e.preventDefault();
                  onActivate(s.id, 'keyboard');
                }
              },
              onPointerEnter: () => onShow?.(s.id),
              onPointerLeave: () => onShow?.(null),
              onFocus: () => onShow?.(s.id),
            }
          : {};
        return (
          <g
            key={s.id}
            className="choropleth__region"
            data-region={s.id}
            data-class={s.cls === null ? 'none' : String(s.cls + 1)}
            data-fill={s.hatch ? 'hatch' : s.fill}
            {...events}
          >
            {s.d !== undefined && <path d={s.d} {...paint} strokeLinejoin="round" />}
            {s.tile && (
              <>
                <rect
                  x={s.tile.x}
                  y={s.tile.y}
                  width={s.tile.size}
                  height={s.tile.size}
                  rx={3}
                  {...paint}
                />
                <TileLabels tile={s.tile} shape={s} ink={th.ink} />
              </>
            )}
          </g>
        );
      })}
      {highlighted && (
        <g pointerEvents="none" fill="none" stroke={th.selected} strokeWidth={3} data-active="true">
          {highlighted.d !== undefined && <path d={highlighted.d} strokeLinejoin="round" />}
          {highlighted.tile && (
            <rect
              x={highlighted.tile.x}
              y={highlighted.tile.y}
              width={highlighted.tile.size}
              height={highlighted.tile.size}
              rx={3}
            />
          )}
        </g>
      )}
    </svg>
  );
}
