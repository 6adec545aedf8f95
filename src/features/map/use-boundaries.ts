import { queryOptions, useQuery } from '@tanstack/react-query';
import type { AppConfig } from '@/features/data/config';
import { useConfig } from '@/features/data/config-context';
import { BoundariesError, parseBoundaries } from './boundaries';
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
