import { useMemo } from 'react';
import { queryOptions, useQuery } from '@tanstack/react-query';
import type { AppConfig } from '@/features/data/config';
import { useConfig } from '@/features/data/config-context';
import { BoundariesError, matchShapes, parseBoundaries } from './boundaries';
import type { MapModel } from './map-model';
import { mapShapes } from './map-shapes';
import type { Geometry } from './map-shapes';
import type { RegionShape } from './boundaries';

/** The deployment's boundaries file, relative to the page; fetched with the map view only. */
export async function fetchBoundaries(
  url: string,
  idProperty: string,
  signal?: AbortSignal,
  baseUri: string = document.baseURI,
): Promise<RegionShape[]> {
  const res = await fetch(new URL(url, baseUri), { signal, credentials: 'same-origin' });
  if (!res.ok) throw new BoundariesError(`HTTP ${res.status}`);
  const text = await res.text();
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new BoundariesError('not JSON');
  }
  return parseBoundaries(json, idProperty);
}

export function boundariesOptions(
  config: Pick<AppConfig, 'boundariesUrl' | 'boundariesIdProperty'>,
) {
  const url = config.boundariesUrl;
  return queryOptions({
    queryKey: ['boundaries', url, config.boundariesIdProperty] as const,
    queryFn: ({ signal }) =>
      url ? fetchBoundaries(url, config.boundariesIdProperty, signal) : Promise.resolve([]),
    enabled: url !== null,
    staleTime: Infinity,
    // A file on the deployment's own server: a failure is the file's, not the network's.
    retry: false,
  });
}

export function useBoundaries() {
  const config = useConfig();
  return { url: config.boundariesUrl, query: useQuery(boundariesOptions(config)) };
}

/**
 * The shown regions matched against the boundaries file, and what to draw them as: their
 * shapes, or the tile map when there is no file or the file does not cover this level at all
 * (townships in a file of districts). Shared by the map view and the wall.
 */
export function useMapGeometry(model: MapModel, knownIds: ReadonlySet<string>) {
  const { url, query } = useBoundaries();
  const shownIds = model.regions.map((r) => r.region.id);
  const key = shownIds.join();
  const matching = useMemo(
    () => (query.data ? matchShapes(query.data, knownIds, shownIds) : null),
    // eslint-disable-next-line react-hooks/exhaustive-deps -- key is shownIds' identity
    [query.data, knownIds, key],
  );
  const covered = matching !== null && matching.withoutFeature.length < shownIds.length;
  const geometry: Geometry = useMemo(
    () => (matching && covered ? { kind: 'shapes', matching } : { kind: 'tiles' }),
    [covered, matching],
  );
  return { url, query, matching, covered, geometry };
}

/** The shapes to draw; a projection that fails on odd geometry falls back to the tiles. */
export function useDrawnShapes(model: MapModel, geometry: Geometry, width: number, height: number) {
  return useMemo(() => {
    try {
      return mapShapes(model, geometry, width, height);
    } catch {
      return mapShapes(model, { kind: 'tiles' }, width, height);
    }
  }, [model, geometry, width, height]);
}
