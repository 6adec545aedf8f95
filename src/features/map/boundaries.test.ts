import { describe, expect, it } from 'vitest';
import { BoundariesError, matchShapes, parseBoundaries, projectShapes } from './boundaries';

const square = (x: number, y: number, s = 1) => ({
  type: 'Polygon',
  coordinates: [
    [
      [x, y],
      [x + s, y],
      [x + s, y + s],
      [x, y + s],
      [x, y],
    ],
  ],
});

const geojson = {
  type: 'FeatureCollection',
  features: [
    { type: 'Feature', properties: { code: '100' }, geometry: square(110, 20) },
    { type: 'Feature', properties: { code: 200 }, geometry: square(111, 20) },
    { type: 'Feature', properties: { code: '999' }, geometry: square(112, 20) },
    { type: 'Feature', properties: { name: 'no code' }, geometry: square(113, 20) },
    {
      type: 'Feature',
      properties: { code: '300' },
      geometry: { type: 'Point', coordinates: [1, 2] },
    },
  ],
};

// Two unit squares sharing an edge, as TopoJSON (arcs not quantized).
const topology = {
  type: 'Topology',
  objects: {
    regions: {
      type: 'GeometryCollection',
      geometries: [
        { type: 'Polygon', arcs: [[0, 1]], properties: { id: 'a' } },
        { type: 'Polygon', arcs: [[2, -1]], properties: { id: 'b' } },
      ],
    },
  },
  arcs: [
    [
      [1, 0],
      [1, 1],
    ],
    [
      [1, 1],
      [0, 1],
      [0, 0],
      [1, 0],
    ],
    [
      [1, 0],
      [2, 0],
      [2, 1],
      [1, 1],
    ],
  ],
};

describe('boundaries files', () => {
  it('read a GeoJSON FeatureCollection by the id property, skipping features without one or without area', () => {
    const shapes = parseBoundaries(geojson, 'code');
    expect(shapes.map((s) => s.id)).toEqual(['100', '200', '999']);
  });

  it('read a TopoJSON Topology into features', () => {
    const shapes = parseBoundaries(topology, 'id');
    expect(shapes.map((s) => s.id)).toEqual(['a', 'b']);
    expect(shapes[0]?.feature.geometry.type).toBe('Polygon');
    const paths = projectShapes(shapes, 200, 100);
    expect([...paths.keys()]).toEqual(['a', 'b']);
    expect(paths.get('a')).toMatch(/^M/);
  });

  it('refuse what is not one of the two', () => {
    expect(() => parseBoundaries({ type: 'Feature' })).toThrow(BoundariesError);
    expect(() => parseBoundaries([1, 2])).toThrow(BoundariesError);
    expect(() => parseBoundaries(geojson, 'nothing')).toThrow(/nothing/);
  });

  it('match features and regions, listing ids missing on either side', () => {
    const shapes = parseBoundaries(geojson, 'code');
    const m = matchShapes(shapes, new Set(['100', '200', '300', '400']), ['100', '200', '400']);
    expect(m.unknownFeatures).toEqual(['999']);
    expect(m.withoutFeature).toEqual(['400']);
    expect([...m.byId.keys()]).toEqual(['100', '200', '999']);
  });

  it('fit planar (projected) coordinates without a map projection', () => {
    const planar = {
      type: 'FeatureCollection',
      features: [
        { type: 'Feature', properties: { id: 'x' }, geometry: square(500000, 2200000, 1000) },
      ],
    };
    const d = projectShapes(parseBoundaries(planar), 100, 100).get('x') ?? '';
    const numbers = (d.match(/-?\d+(\.\d+)?/g) ?? []).map(Number);
    expect(Math.min(...numbers)).toBeGreaterThanOrEqual(-0.01);
    expect(Math.max(...numbers)).toBeLessThanOrEqual(100.01);
  });
});

describe('ring order', () => {
  it('draws anticlockwise (RFC 7946) and clockwise squares alike, side by side and not as the globe', () => {
    const ccw = parseBoundaries(geojson, 'code').slice(0, 2);
    const cw = ccw.map((s) => ({
      ...s,
      feature: {
        ...s.feature,
        geometry: {
          type: 'Polygon' as const,
          coordinates: (s.feature.geometry as { coordinates: number[][][] }).coordinates.map(
            (ring) => [...ring].reverse(),
          ),
        },
      },
    }));
    for (const shapes of [ccw, cw]) {
      const paths = projectShapes(shapes, 200, 100);
      const xs = (id: string) =>
        (paths.get(id) ?? '')
          .replace(/[MLZ]/g, ' ')
          .split(/[\s,]+/)
          .filter(Boolean)
          .map(Number)
          .filter((_, i) => i % 2 === 0);
      // Two unit squares 1° apart fill the width: 0–100 and 100–200, not 0–200 each.
      expect(Math.max(...xs('100'))).toBeLessThanOrEqual(100.5);
      expect(Math.min(...xs('200'))).toBeGreaterThanOrEqual(99.5);
    }
  });
});
