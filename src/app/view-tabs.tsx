import { VIEWS } from '@/features/filters/url-params';
import type { View } from '@/features/filters/url-params';
import { useSetFilters } from '@/features/filters/use-filters';
import type { T } from '@/lib/i18n';
import { prefetchView } from './view-loaders';

/** Views are links (`?view=trends`), so each has its own URL that works on any static server. */
export function ViewTabs({ current, t }: { current: View; t: T }) {
  const set = useSetFilters();
  return (
    <nav className="view-tabs" aria-label={t('app.views')}>
      <ul>
        {VIEWS.map((v) => {
          const params = new URLSearchParams(window.location.search);
          if (v === 'overview') params.delete('view');
          else params.set('view', v);
          const qs = params.toString();
          return (
            <li key={v}>
              <a
                href={`?${qs}`}
                aria-current={v === current ? 'page' : undefined}
                onPointerEnter={() => prefetchView(v)}
                onFocus={() => prefetchView(v)}
                onClick={(e) => {
                  if (e.metaKey || e.ctrlKey || e.shiftKey || e.button !== 0) return;
                  e.preventDefault();
                  set({ view: v });
                }}
              >
                {t(`views.${v}`)}
              </a>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
