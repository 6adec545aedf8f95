import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useMemo } from 'react';
import { useConfig } from '@/features/data/config-context';
import { dataKeys } from '@/features/data/queries';

/**
 * Revalidates every server read (meta, observations, rankings) each `refreshMs` while the wall
 * is up, through the queries' own `refetchInterval` (a default for the data keys, so the
 * existing query options stay as they are). The browser's HTTP cache adds If-None-Match to
 * each request (the service sends ETag + Cache-Control: no-cache): unchanged data costs a 304.
 * A failed refresh keeps the last good data (react-query keeps `data` on a refetch error).
 */
export function useWallRefresh(refreshMs: number): void {
  const client = useQueryClient();
  const key = dataKeys.all(useConfig().apiBaseUrl);
  const id = key.join();
  // Set while rendering (it is idempotent), so the queries rendered below already carry it…
  useMemo(
    () =>
      client.setQueryDefaults(key, {
        refetchInterval: refreshMs,
        refetchIntervalInBackground: true,
      }),
    // eslint-disable-next-line react-hooks/exhaustive-deps -- id is the key's identity
    [client, id, refreshMs],
  );
  // …and taken back when the wall goes (set again on a remount).
  useEffect(() => {
    client.setQueryDefaults(key, { refetchInterval: refreshMs, refetchIntervalInBackground: true });
    return () =>
      client.setQueryDefaults(key, { refetchInterval: false, refetchIntervalInBackground: false });
    // eslint-disable-next-line react-hooks/exhaustive-deps -- id is the key's identity
  }, [client, id, refreshMs]);
}
