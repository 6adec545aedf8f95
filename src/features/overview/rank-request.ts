import { can } from '@/features/data/capabilities';
import type { RankingFilter } from '@/features/data/queries';
import type { Meta, Region } from '@contract/types';

/**
 * (1.1) The ranks the badges can show, when the server answers for listed regions only: the
 * region's own, its peers' (to tell a shared rank) and its sub-regions' (shown for a region that
 * is not itself ranked). A 1.0 server sends every ranking. Apart from the badges so start-up
 * (app/prestart.ts) can ask for them before the view renders.
 */
export function rankingRequest(meta: Meta, region: Region | null): RankingFilter {
  if (!region || !can(meta, 'rankings-region')) return {};
  const ids = meta.regions
    .filter((r) => r.id === region.id || r.parent === region.id || r.parent === region.parent)
    .map((r) => r.id);
  return { regions: ids };
}
