/**
 * The last successfully loaded data survives a reload while offline: successful queries are
 * written to localStorage (react-query's own dehydrate/hydrate) per API base URL, and read
 * back at start-up. Panels then show them marked as cached with their time (StaleNotice).
 * Demo data is never persisted.
 */
import { dehydrate, hydrate } from '@tanstack/react-query';
import type { DehydratedState, QueryClient } from '@tanstack/react-query';

const VERSION = 1;
const keyFor = (base: string) => `jindu-dashboard:cache:v${VERSION}:${base}`;
const MAX_AGE_MS = 14 * 24 * 3600_000;

function storage(): Storage | null {
  try {
    return typeof window !== 'undefined' ? window.localStorage : null;
  } catch {
    return null; // storage disabled by policy: run without the offline cache
  }
}

export function restoreCache(client: QueryClient, base: string): void {
  const store = storage();
  const text = store?.getItem(keyFor(base));
  if (!text) return;
  try {
    const saved = JSON.parse(text) as { savedAt: number; state: DehydratedState };
    if (Date.now() - saved.savedAt > MAX_AGE_MS) return;
    hydrate(client, saved.state);
    // Restored data is shown at once but counts as stale: every panel re-fetches it, and a
    // failure then marks it as cached data with its time.
    void client.invalidateQueries({ refetchType: 'none' });
  } catch {
    store?.removeItem(keyFor(base));
  }
}

/** Save successful queries, at most once a second; returns the unsubscribe function. */
export function persistCache(client: QueryClient, base: string): () => void {
  const store = storage();
  if (!store) return () => undefined;
  let timer: ReturnType<typeof setTimeout> | null = null;
  const save = () => {
    timer = null;
    // A query answered from a wider cached one (dataUpdateCount 0) is derived again at once.
    const state = dehydrate(client, {
      shouldDehydrateQuery: (q) => q.state.status === 'success' && q.state.dataUpdateCount > 0,
    });
    try {
      store.setItem(keyFor(base), JSON.stringify({ savedAt: Date.now(), state }));
    } catch {
      // Over quota (very large responses): keep the previous snapshot rather than none.
    }
  };
  const unsubscribe = client.getQueryCache().subscribe((event) => {
    if (event.type === 'updated' && event.action.type === 'success' && timer === null)
      timer = setTimeout(save, 1000);
  });
  return () => {
    unsubscribe();
    if (timer !== null) clearTimeout(timer);
  };
}
