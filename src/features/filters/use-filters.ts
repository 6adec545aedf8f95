import { useMemo } from 'react';
import { useSearchParams } from 'wouter';
import type { ObservationIndex } from '@/features/data/observation-index';
import type { Meta } from '@contract/types';
import type { Lang } from '@/lib/i18n';
import { validateFilters } from './resolve';
import { resolveSelection } from './selection';
import type { Selection } from './selection';
import type { ValidFilters } from './resolve';
import { readRaw, writeParams } from './url-params';
import type { FilterPatch, RawFilters } from './url-params';

export function useRawFilters(): RawFilters {
  const [params] = useSearchParams();
  const key = params.toString();
  // eslint-disable-next-line react-hooks/exhaustive-deps -- the query string is the identity
  return useMemo(() => readRaw(params), [key]);
}

export function useLang(): Lang {
  const [params] = useSearchParams();
  return params.get('lang') === 'en' ? 'en' : 'zh';
}

/**
 * Write filter changes to the URL: a new history entry, so back/forward step through views;
 * `replace` rewrites the current entry instead (steps of an animation).
 */
export function useSetFilters(): (patch: FilterPatch, options?: { replace?: boolean }) => void {
  const [, setParams] = useSearchParams();
  return (patch, options) => setParams((prev) => writeParams(prev, patch), options);
}

export function useValidFilters(meta: Meta): ValidFilters {
  const raw = useRawFilters();
  return useMemo(() => validateFilters(raw, meta), [raw, meta]);
}

export function useSelection(meta: Meta, index: ObservationIndex | undefined): Selection {
  const valid = useValidFilters(meta);
  return useMemo(() => resolveSelection(valid, meta, index), [valid, meta, index]);
}

export type { Selection };
