/**
 * The URL query is the single source of truth for what is on screen. These pure functions
 * read it into raw strings and write patches back, leaving out anything at its default so
 * shared links stay short.
 */
export const VIEWS = ['overview', 'trends', 'programmes', 'rankings', 'league', 'map'] as const;
export type View = (typeof VIEWS)[number];

export interface RawFilters {
  view: string | null;
  lang: string | null;
  campaign: string | null;
  year: string | null;
  compare: string | null;
  district: string | null;
  town: string[];
  programme: string | null;
  indicator: string | null;
  /** 'wall': the command centre's wall screen (features/wall) instead of the dashboard. */
  screen: string | null;
}
export type FilterKey = keyof RawFilters;
export type FilterPatch = Partial<{ [K in FilterKey]: RawFilters[K] | undefined }>;

const SINGLE: readonly Exclude<FilterKey, 'town'>[] = [
  'view',
  'lang',
  'campaign',
  'year',
  'compare',
  'district',
  'programme',
  'indicator',
  'screen',
];

export function readRaw(search: URLSearchParams): RawFilters {
  const get = (k: string) => {
    const v = search.get(k);
    return v === null || v.trim() === '' ? null : v.trim().slice(0, 200);
  };
  const town = (search.get('town') ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter((s, i, all) => s !== '' && all.indexOf(s) === i)
    .slice(0, 50);
  const raw = { town } as RawFilters;
  for (const k of SINGLE) raw[k] = get(k);
  return raw;
}

/** Apply a patch to the current query; null/undefined/empty removes a key; other params are kept. */
export function writeParams(current: URLSearchParams, patch: FilterPatch): URLSearchParams {
  const next = new URLSearchParams(current);
  for (const [key, value] of Object.entries(patch) as [
    FilterKey,
    RawFilters[FilterKey] | undefined,
  ][]) {
    const text = Array.isArray(value) ? value.join(',') : value;
    if (text == null || text === '') next.delete(key);
    else next.set(key, text);
  }
  if (next.get('view') === 'overview') next.delete('view');
  if (next.get('lang') === 'zh') next.delete('lang');
  return next;
}
