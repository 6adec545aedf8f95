/**
 * The deployment's boundaries file (config.json `boundariesUrl`): a GeoJSON FeatureCollection
 * or a TopoJSON Topology, checked with a schema at the boundary, turned into one feature per
 * region id (`boundariesIdProperty`, default "id"), and matched against the regions shown.
 * Pure functions, so the node tier tests them; d3-geo and topojson-client load with the map.
 */
import { geoArea, geoIdentity, geoMercator, geoPath } from 'd3-geo';
import type { Feature, FeatureCollection, Geometry, Position } from 'geojson';
import { feature as topoFeature } from 'topojson-client';
import type { Topology } from 'topojson-specification';
import * as v from 'valibot';

export interface RegionShape {
  id: string;
  feature: Feature;
}

export class BoundariesError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'BoundariesError';
  }
}

const featureSchema = v.looseObject({
  type: v.literal('Feature'),
  geometry: v.nullable(v.looseObject({ type: v.string() })),
  properties: v.nullish(v.record(v.string(), v.unknown())),
  id: v.optional(v.union([v.string(), v.number()])),
});
const collectionSchema = v.looseObject({
  type: v.literal('FeatureCollection'),
  features: v.array(featureSchema),
});
const topologySchema = v.looseObject({
  type: v.literal('Topology'),
  objects: v.record(v.string(), v.looseObject({ type: v.string() })),
  arcs: v.array(v.unknown()),
});

const AREAS = new Set(['Polygon', 'MultiPolygon', 'GeometryCollection']);

function idOf(f: v.InferOutput<typeof featureSchema>, property: string): string | null {
  const raw = f.properties?.[property] ?? (property === 'id' ? f.id : undefined);
  if (typeof raw === 'number' && Number.isFinite(raw)) return String(raw);
  if (typeof raw === 'string' && raw.trim() !== '') return raw.trim();
  return null;
}

/** Features of a GeoJSON or TopoJSON document, each with its region id; throws when unusable. */
export function parseBoundaries(json: unknown, idProperty = 'id'): RegionShape[] {
  let collection: FeatureCollection;
  const topo = v.safeParse(topologySchema, json);
  if (topo.success) {
    const shapes = Object.values(topo.output.objects).map(
      (o) => topoFeature(json as Topology, o as unknown as Topology['objects'][string]) as unknown,
    );
    const features = shapes.flatMap((s) => {
      const c = v.safeParse(collectionSchema, s);
      if (c.success) return c.output.features;
      const f = v.safeParse(featureSchema, s);
      return f.success ? [f.output] : [];
    });
    collection = { type: 'FeatureCollection', features: features as unknown as Feature[] };
  } else {
    const res = v.safeParse(collectionSchema, json);
    if (!res.success)
      throw new BoundariesError('not a GeoJSON FeatureCollection or a TopoJSON Topology');
    collection = res.output as unknown as FeatureCollection;
  }
  const out: RegionShape[] = [];
  const seen = new Set<string>();
  for (const f of collection.features) {
    const parsed = v.parse(featureSchema, f);
    const id = idOf(parsed, idProperty);
    // The GeoJSON types promise a geometry; files in the wild carry null ones.
    if (id === null || seen.has(id) || !parsed.geometry || !AREAS.has(parsed.geometry.type))
      continue;
    seen.add(id);
    out.push({ id, feature: f });
  }
  if (out.length === 0)
    throw new BoundariesError(`no polygon feature carries the property "${idProperty}"`);
  return out;
}

export interface Matching {
  byId: Map<string, RegionShape>;
  /** Feature ids that meta does not define. */
  unknownFeatures: string[];
  /** Regions shown that have no feature. */
  withoutFeature: string[];
}

export function matchShapes(
  shapes: readonly RegionShape[],
  knownIds: ReadonlySet<string>,
  shownIds: readonly string[],
): Matching {
  const byId = new Map(shapes.map((s) => [s.id, s]));
  return {
    byId,
    unknownFeatures: shapes.filter((s) => !knownIds.has(s.id)).map((s) => s.id),
    withoutFeature: shownIds.filter((id) => !byId.has(id)),
  };
}

/** Longitude/latitude data is projected (Mercator); planar data (metres) is only fitted. */
function looksProjected(collection: FeatureCollection): boolean {
  const [[x0, y0], [x1, y1]] = geoPath().bounds(collection);
  return x0 < -180 || x1 > 180 || y0 < -90 || y1 > 90;
}

/**
 * d3-geo reads a spherical polygon's exterior ring clockwise; GeoJSON (RFC 7946) writes it
 * anticlockwise, and files in the wild do either. A ring read the wrong way round is the whole
 * globe but the region, so every polygon covering more than a hemisphere is turned round.
 */
export function rewindForD3(geometry: Geometry): Geometry {
  const polygon = (rings: Position[][]): Position[][] =>
    geoArea({ type: 'Polygon', coordinates: rings }) > 2 * Math.PI
      ? rings.map((ring) => [...ring].reverse())
      : rings;
  switch (geometry.type) {
    case 'Polygon':
      return { ...geometry, coordinates: polygon(geometry.coordinates) };
    case 'MultiPolygon':
      return { ...geometry, coordinates: geometry.coordinates.map(polygon) };
    case 'GeometryCollection':
      return { ...geometry, geometries: geometry.geometries.map(rewindForD3) };
    default:
      return geometry;
  }
}

/** SVG path data of each shape, fitted into width × height. */
export function projectShapes(
  shapes: readonly RegionShape[],
  width: number,
  height: number,
): Map<string, string> {
  const plain: FeatureCollection = {
    type: 'FeatureCollection',
    features: shapes.map((s) => s.feature),
  };
  const size: [number, number] = [Math.max(1, width), Math.max(1, height)];
  const planar = looksProjected(plain);
  // Planar data is drawn as it is; longitude/latitude rings go the way d3-geo reads them.
  const features = planar
    ? plain.features
    : plain.features.map((f) => ({ ...f, geometry: rewindForD3(f.geometry) }));
  const collection: FeatureCollection = { type: 'FeatureCollection', features };
  const projection = planar
    ? geoIdentity().reflectY(true).fitSize(size, collection)
    : geoMercator().fitSize(size, collection);
  const path = geoPath(projection);
  const out = new Map<string, string>();
  shapes.forEach((s, i) => {
    const f = features[i];
    const d = f ? path(f) : null;
    if (d) out.set(s.id, d);
  });
  return out;
}
