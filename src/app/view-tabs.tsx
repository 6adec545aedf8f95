import { useEffect, useRef } from 'react';
import { VIEWS } from '@/features/filters/url-params';
import type { View } from '@/features/filters/url-params';
import { useSetFilters } from '@/features/filters/use-filters';
import type { T } from '@/lib/i18n';
import { prefetchView } from './view-loaders';

/** Views are links (`?view=trends`), so each has its own URL that works on any static server. */
export function ViewTabs({ current, t }: { current: View; t: T }) {
  const set = useSetFilters();
  const list = useRef<HTMLUListElement>(null);
  // On a phone the tabs scroll sideways: a link to a later view (地图, or any in English) opens
  // with its tab in sight, clear of the fade at the right edge, without scrolling the page.
  // An IntersectionObserver reports where the tab is once the browser has laid the page out
  // anyway: measuring in a layout effect forced a layout of the half-built page into the first
  // render (≈ 70 ms at 4× CPU, on the way to a cold link's first chart).
  useEffect(() => {
    const ul = list.current;
    const tab = ul?.querySelector('[aria-current="page"]');
    if (!ul || !tab || typeof IntersectionObserver === 'undefined') return;
    const seen = new IntersectionObserver(
      ([entry]) => {
        seen.disconnect();
        const box = entry?.rootBounds;
        if (!entry || !box) return;
        const at = entry.boundingClientRect;
        const fade = parseFloat(getComputedStyle(ul).paddingRight) || 0;
        if (at.right > box.right - fade) ul.scrollLeft += at.right - (box.right - fade);
        else if (at.left < box.left) ul.scrollLeft -= box.left - at.left;
      },
      { root: ul },
    );
    seen.observe(tab);
    return () => seen.disconnect();
  }, [current]);
  return (
    <nav className="view-tabs" aria-label={t('app.views')}>
      <ul ref={list}>
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
