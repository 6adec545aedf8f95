import { useMemo } from 'react';
import { useObservations } from '@/features/data/queries';
import type { Selection } from '@/features/filters/selection';
import type { Meta } from '@contract/types';
import { buildCompletion } from './build-table';
import { completionFilter, completionRegions } from './request';

/** The completion table's data and model for what is selected (null until the data is in). */
export function useCompletion(meta: Meta, selection: Selection) {
  // The selection is memoised by the recipe, so its towns and region keep their identity.
  const { towns, selected, year, compare, campaign } = selection;
  const regions = useMemo(() => completionRegions({ towns, selected }), [towns, selected]);
  const filter = useMemo(
    () => completionFilter(meta, regions, year, compare, campaign),
    [meta, regions, year, compare, campaign],
  );
  const query = useObservations(meta, filter);
  const index = query.data?.index;
  const model = useMemo(
    () =>
      index && regions.length > 0
        ? buildCompletion({ meta, index, regions, year, compare, campaign })
        : null,
    [meta, index, regions, year, compare, campaign],
  );
  return { query, model };
}
