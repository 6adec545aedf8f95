import { useSetFilters } from '@/features/filters/use-filters';
import type { T } from '@/lib/i18n';

/** 大屏模式: the same filters on the wall screen (`?screen=wall`); Esc there comes back. */
export function WallButton({ t }: { t: T }) {
  const setFilters = useSetFilters();
  return (
    <button
      type="button"
      className="btn btn--ghost toolbar__wall"
      onClick={() => setFilters({ screen: 'wall' })}
    >
      {t('wall.enter')}
    </button>
  );
}
