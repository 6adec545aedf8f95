import type { View } from '@/features/filters/url-params';
import { withViewStrings } from '@/lib/i18n';

/**
 * The views that load on demand. The same loaders back React.lazy (app.tsx) and the tabs'
 * prefetch on hover or focus (view-tabs.tsx): by the time the click lands, the chunk (and, through
 * Vite's preload of its imports) is usually already there. Each brings its Chinese words along.
 */
export const viewLoaders = {
  trends: withViewStrings(() => import('@/features/trends/trends-view')),
  programmes: withViewStrings(() => import('@/features/programmes/programmes-view')),
  rankings: withViewStrings(() => import('@/features/rankings/rankings-view')),
  league: withViewStrings(() => import('@/features/league/league-view')),
  map: withViewStrings(() => import('@/features/map/map-view')),
} as const;

export function prefetchView(view: View): void {
  if (view === 'overview') return;
  // A failed prefetch is not an error: the click loads it again and reports any failure then.
  viewLoaders[view]().catch(() => undefined);
}
