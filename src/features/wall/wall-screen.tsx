/**
 * 大屏模式 (`?screen=wall`): the command centre's wall screen. Loaded on demand (app.tsx), so the
 * dashboard's first load carries none of it. No controls: the filters in the URL choose what it
 * shows; Esc or the exit button (seen on hover or focus) goes back to the dashboard.
 */
import { useEffect } from 'react';
import { useSearchParams } from 'wouter';
import { useMeta } from '@/features/data/queries';
import { useSetFilters } from '@/features/filters/use-filters';
import type { Lang, T } from '@/lib/i18n';
import '@/features/map/map.css';
import { useWallRefresh } from './use-wall-refresh';
import { WallBody } from './wall-body';
import { readWallParams } from './wall-params';
import { WallStage } from './wall-stage';
import './wall.css';

export function WallScreen({ lang, t }: { lang: Lang; t: T }) {
  const [params] = useSearchParams();
  const { cycleMs, refreshMs } = readWallParams(params);
  useWallRefresh(refreshMs);
  const meta = useMeta();
  const setFilters = useSetFilters();
  const leave = () => setFilters({ screen: null });

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') setFilters({ screen: null });
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [setFilters]);

  return (
    <div className="wall-root" lang={lang === 'zh' ? 'zh-CN' : 'en'}>
      <WallStage>
        <button type="button" className="wall-exit" onClick={leave}>
          {t('wall.exit')}
        </button>
        {/* Not the dashboard's Panel: its stale notice carries a retry button, and the wall
            marks stale data in its own status line. */}
        {meta.data ? (
          <WallBody meta={meta.data.data} lang={lang} t={t} cycleMs={cycleMs} />
        ) : (
          <p className="wall-waiting" role="status">
            {meta.isError ? t('wall.noData') : t('state.loading')}
          </p>
        )}
      </WallStage>
    </div>
  );
}
