import type { View } from '@/features/filters/url-params';

/**
 * The views that load on demand. The same loaders back React.lazy (app.tsx) and the tabs'
 * prefetch on hover or focus (view-tabs.tsx): by the time the click lands, the chunk (and, through
 * Vite's preload of its imports) is usually already there.
 */
export const viewLoaders = {
  trends: () => import('@/features/trends/trends-view'),
  programmes: () => import('@/features/programmes/programmes-view'),
  rankings: () => import('@/features/rankings/rankings-view'),
  league: () => import('@/features/league/league-view'),
} as const;

export function prefetchView(view: View): void {
  if (view === 'overview') return;
  // A failed prefetch is not an error: the click loads it again and reports any failure then.
  viewLoaders[view]().catch(() => undefined);
}
