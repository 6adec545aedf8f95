/**
 * One place for every server read: key factory, query options and hooks. Responses are
 * validated inside the query function, so a bad response becomes the query's error and bad
 * records become issues next to the data.
 */
import { queryOptions, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import type { QueryClient } from '@tanstack/react-query';
import { getJson } from './api-client';
import type { AppConfig } from './config';
import { useConfig } from './config-context';
import { indexObservations } from './observation-index';
import type { ObservationIndex } from './observation-index';
import { parseMeta } from '@contract/parse-meta';
import { suppressSmallCounts } from './suppress';
import { parseObservations, parseRankings } from '@contract/parse-records';
import { fromCachedSuperset } from './subset';
import type { RangeFilter as ObservationFilter } from './subset';
import type { Meta, Observation, Parsed, Ranking } from '@contract/types';

export type { RangeFilter as ObservationFilter } from './subset';
export interface RankingFilter {
  assessments?: readonly string[];
  /** (1.1, capability `rankings-region`) the rankings of these regions only. */
  regions?: readonly string[];
  from?: number;
  to?: number;
}

export const dataKeys = {
  all: (base: string) => ['data', base] as const,
  meta: (base: string) => [...dataKeys.all(base), 'meta'] as const,
  /**
   * The data version (1.1) is part of the key: when meta reveals a new edition, every view asks
   * again, so no screen mixes figures of two editions.
   */
  observations: (base: string, f: ObservationFilter, version: string | null = null) =>
    [...dataKeys.all(base), 'observations', version, f] as const,
  rankings: (base: string, f: RankingFilter, version: string | null = null) =>
    [...dataKeys.all(base), 'rankings', version, f] as const,
};

/**
 * (1.1) An answer from another edition than meta's: fetch meta again, which changes every
 * data key (above), so the views ask again for the new edition. Awaited, so the answer that
 * revealed the change is never shown next to the old meta.
 */
async function followEdition(
  client: QueryClient | undefined,
  config: AppConfig,
  meta: Meta,
  answered: string | null | undefined,
): Promise<void> {
  if (!client || !answered || !meta.dataVersion || answered === meta.dataVersion) return;
  const key = dataKeys.meta(config.apiBaseUrl);
  // Another answer may have set this off already: join it rather than ask again.
  const current = client.getQueryData<Parsed<Meta>>(key)?.data.dataVersion;
  if (current === answered) return;
  await client.refetchQueries({ queryKey: key, exact: true }, { cancelRefetch: false });
}

export function metaOptions(config: AppConfig) {
  return queryOptions({
    queryKey: dataKeys.meta(config.apiBaseUrl),
    queryFn: async ({ signal }): Promise<Parsed<Meta>> =>
      parseMeta(await getJson(config, 'meta', {}, signal)),
    staleTime: 5 * 60_000,
  });
}

/** Seeds cut from a response that must be fetched again (restored at start-up, say). */
const invalidatedSeeds = new WeakSet<object>();

export interface ObservationData extends Parsed<Observation[]> {
  index: ObservationIndex;
}

const indexes = new WeakMap<Observation[], ObservationIndex>();

/**
 * The cache holds plain JSON (so it can be persisted for offline use); the index is built from
 * it once per response, however many components select it.
 */
export function withIndex(d: Parsed<Observation[]>): ObservationData {
  let index = indexes.get(d.data);
  if (!index) indexes.set(d.data, (index = indexObservations(d.data)));
  return { ...d, index };
}

/**
 * With `client`, a request whose answer is already inside a wider cached response (the same
 * indicators for a region above, say) is answered from it without a request.
 */
export function observationsOptions(
  config: AppConfig,
  meta: Meta | undefined,
  f: ObservationFilter,
  client?: QueryClient,
) {
  let seeded: ReturnType<typeof fromCachedSuperset> | null = null;
  const seed = () => {
    if (seeded === null && client && meta) {
      const prefix = dataKeys.observations(config.apiBaseUrl, f, meta.dataVersion).slice(0, -1);
      seeded = fromCachedSuperset(client, prefix, meta, f);
      if (seeded?.invalidated) invalidatedSeeds.add(seeded.data);
    }
    return seeded ?? undefined;
  };
  return queryOptions({
    queryKey: dataKeys.observations(config.apiBaseUrl, f, meta?.dataVersion),
    queryFn: async ({ signal }): Promise<Parsed<Observation[]>> => {
      if (!meta) throw new Error('meta not loaded');
      // No indicators means none here, but the wire would read a missing list as "all".
      if (f.indicators?.length === 0 || f.regions?.length === 0) return { data: [], issues: [] };
      const json = await getJson(
        config,
        'observations',
        {
          indicator: f.indicators,
          region: f.regions ?? f.region,
          depth: f.depth,
          from: f.from,
          to: f.to,
        },
        signal,
      );
      const parsed = parseObservations(json, meta);
      await followEdition(client, config, meta, parsed.dataVersion);
      const data = suppressSmallCounts(parsed.data, meta, config.suppressBelow);
      return { data, issues: parsed.issues, dataVersion: parsed.dataVersion ?? null };
    },
    enabled: meta !== undefined,
    staleTime: 5 * 60_000,
    initialData: () => seed()?.data,
    initialDataUpdatedAt: () => seed()?.updatedAt,
  });
}

export function rankingsOptions(
  config: AppConfig,
  meta: Meta | undefined,
  f: RankingFilter,
  client?: QueryClient,
) {
  return queryOptions({
    queryKey: dataKeys.rankings(config.apiBaseUrl, f, meta?.dataVersion),
    queryFn: async ({ signal }): Promise<Parsed<Ranking[]>> => {
      if (!meta) throw new Error('meta not loaded');
      if (f.regions?.length === 0) return { data: [], issues: [] };
      const json = await getJson(
        config,
        'rankings',
        { assessment: f.assessments, region: f.regions, from: f.from, to: f.to },
        signal,
      );
      const parsed = parseRankings(json, meta);
      await followEdition(client, config, meta, parsed.dataVersion);
      return { ...parsed, dataVersion: parsed.dataVersion ?? null };
    },
    enabled: meta !== undefined,
    staleTime: 5 * 60_000,
  });
}

export function useMeta() {
  return useQuery(metaOptions(useConfig()));
}

export function useObservations(meta: Meta | undefined, f: ObservationFilter) {
  const client = useQueryClient();
  const options = observationsOptions(useConfig(), meta, f, client);
  const result = useQuery({ ...options, select: withIndex });
  const hash = JSON.stringify(options.queryKey);
  // A seed inherits its source's fetch time, but not its "fetch again" mark (the query cache
  // has no such option): set it once the seeded query exists, outside render.
  useEffect(() => {
    const state = client.getQueryState(options.queryKey);
    if (state?.data && state.dataUpdateCount === 0 && invalidatedSeeds.has(state.data))
      void client.invalidateQueries({ queryKey: options.queryKey, exact: true });
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the key's content is the identity
  }, [client, hash]);
  return result;
}

export function useRankings(meta: Meta | undefined, f: RankingFilter) {
  return useQuery(rankingsOptions(useConfig(), meta, f, useQueryClient()));
}
