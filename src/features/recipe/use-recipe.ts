import { useQueries, useQueryClient } from '@tanstack/react-query';
import { useMemo } from 'react';
import { useConfig } from '@/features/data/config-context';
import { rankingsOptions, useObservations } from '@/features/data/queries';
import type { Fetched } from '@/features/data/requests';
import { useValidFilters } from '@/features/filters/use-filters';
import type { Lang } from '@/lib/i18n';
import type { Meta } from '@contract/types';
import type { Recipe, RecipeInputs } from './recipe';
import { cachedIndex } from './run-recipe';

/** Runs a view's recipe on screen: its controls, its queries and the selection they settle. */
export function useRecipe(recipe: RecipeInputs, meta: Meta) {
  const valid = useValidFilters(meta);
  const config = useConfig();
  const client = useQueryClient();
  const controls = useMemo(() => recipe.controls(meta, valid), [recipe, meta, valid]);
  const requests = useMemo(() => recipe.requests(meta, valid), [recipe, meta, valid]);
  // A list, so a view that asks for no rankings holds no (forever pending) rankings query.
  const [rankings] = useQueries({
    queries: [requests.rankings].flatMap((f) =>
      f ? [rankingsOptions(config, meta, f, client)] : [],
    ),
  });
  const observations = useObservations(meta, requests.observations);
  const index = observations.data?.index;
  const ranks = rankings?.data?.data;
  // Read at render, as the cache stands: it only says which region is on top.
  const whole = requests.whole && cachedIndex({ client, config, meta }, requests.whole);
  const data = useMemo<Fetched>(
    () => ({ observations: index, rankings: ranks, whole }),
    [index, ranks, whole],
  );
  const selection = useMemo(() => recipe.selection(meta, valid, data), [recipe, meta, valid, data]);
  return { valid, controls, requests, observations, rankings, data, selection };
}

export type RecipeRun = ReturnType<typeof useRecipe>;

/** The view's figures, once the data they need is in. */
export function useSpecs(recipe: Recipe, meta: Meta, run: RecipeRun, lang: Lang) {
  const demo = useConfig().mode === 'demo';
  const { data, selection } = run;
  return useMemo(
    () => recipe.specs(meta, data, selection, lang, demo),
    [recipe, meta, data, selection, lang, demo],
  );
}
