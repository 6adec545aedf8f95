/** A cold link's first data is asked for at start-up under exactly the key its view reads. */
import { describe, expect, it } from 'vitest';
import { createQueryClient } from '@/app/providers';
import { completionFilter, completionRegions } from '@/features/completion/request';
import { dataKeys, metaOptions, observationsOptions } from '@/features/data/queries';
import { validateFilters } from '@/features/filters/resolve';
import { readRaw } from '@/features/filters/url-params';
import { mapRecipe } from '@/features/map/recipe';
import { fetchRecipe } from '@/features/recipe/run-recipe';
import { overviewInputs } from '@/features/overview/inputs';
import { trendsRecipe } from '@/features/trends/recipe';
import type { RecipeInputs } from '@/features/recipe/recipe';
import { demoConfig, startDemoServer } from '@/test/render-app';
import { prestartViewData } from './prestart';

startDemoServer();

async function prestarted(search: string, inputs: RecipeInputs) {
  const client = createQueryClient(false);
  const meta = (await client.query(metaOptions(demoConfig))).data;
  await prestartViewData(client, demoConfig, meta, search);
  const valid = validateFilters(readRaw(new URLSearchParams(search)), meta);
  const { queryKey } = observationsOptions(
    demoConfig,
    meta,
    inputs.requests(meta, valid).observations,
  );
  const observations = client
    .getQueryCache()
    .findAll({ queryKey: dataKeys.all(demoConfig.apiBaseUrl) })
    .map((q) => q.queryKey)
    .filter((key) => key[2] === 'observations');
  const rankings = client
    .getQueryCache()
    .findAll({ queryKey: dataKeys.all(demoConfig.apiBaseUrl) })
    .map((q) => q.queryKey)
    .filter((key) => key[2] === 'rankings');
  return { cached: client.getQueryData(queryKey), queryKey, observations, rankings };
}

describe('prestartViewData', () => {
  it('asks for a trends link’s data under the key the trends view reads, and nothing else', async () => {
    const r = await prestarted('?view=trends&district=460106', trendsRecipe);
    expect(r.cached).toBeDefined();
    expect(r.observations).toEqual([r.queryKey]);
  });

  it('asks for the overview’s cards under the key the overview reads, then its table’s', async () => {
    const r = await prestarted('?year=2021', overviewInputs);
    expect(r.cached).toBeDefined();
    // the cards first; the completion table's (prestart-overview.test.tsx checks its key)
    expect(r.observations).toHaveLength(2);
    expect(r.observations[0]).toEqual(r.queryKey);
  });

  it.each(['?screen=wall', '?screen=wall&district=460106&view=trends'])(
    'asks for what the wall reads at %s: cards, the map’s indicator, the warnings’ table; no rankings',
    async (search) => {
      const r = await prestarted(search, overviewInputs);
      const client = createQueryClient(false);
      const meta = (await client.query(metaOptions(demoConfig))).data;
      const valid = validateFilters(readRaw(new URLSearchParams(search)), meta);
      const key = (filter: Parameters<typeof observationsOptions>[2]) =>
        observationsOptions(demoConfig, meta, filter).queryKey;
      // The wall's selection is the overview's (wall-body.tsx: its warnings follow the cards).
      const { selection: s } = await fetchRecipe(
        { client, config: demoConfig, meta },
        overviewInputs,
        valid,
      );
      const table = completionFilter(meta, completionRegions(s), s.year, s.compare, s.campaign);
      expect(r.cached).toBeDefined();
      expect(r.observations).toHaveLength(3);
      expect(r.observations).toEqual(
        expect.arrayContaining([
          r.queryKey,
          key(mapRecipe.requests(meta, valid).observations),
          key(table),
        ]),
      );
      expect(r.rankings).toEqual([]);
    },
  );

  it('asks nothing for a view it does not know the requests of', async () => {
    const r = await prestarted('?view=programmes', overviewInputs);
    expect(r.observations).toEqual([]);
  });

  it('says when the first answer is in: the overview’s cards before its table’s round, and at once for a view it does not start', async () => {
    const client = createQueryClient(false);
    const meta = (await client.query(metaOptions(demoConfig))).data;
    const seen: string[] = [];
    const cachedObservations = () =>
      client
        .getQueryCache()
        .findAll({ queryKey: dataKeys.all(demoConfig.apiBaseUrl) })
        .filter((q) => q.queryKey[2] === 'observations' && q.state.data !== undefined).length;
    const done = prestartViewData(client, demoConfig, meta, '?year=2021', () =>
      seen.push(`first with ${cachedObservations()}`),
    ).then(() => seen.push(`all with ${cachedObservations()}`));
    await done;
    expect(seen[0]).toBe('first with 1');
    expect(seen.at(-1)).toBe('all with 2');
    const other: string[] = [];
    await prestartViewData(client, demoConfig, meta, '?view=programmes', () => other.push('in'));
    expect(other).toEqual(['in']);
  });
});
