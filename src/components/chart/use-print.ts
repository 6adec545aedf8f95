import { useSyncExternalStore } from 'react';

/**
 * True while the page is being printed. Paper is a medium of its own: charts are laid out
 * again at the page's width (Chrome fires `beforeprint` and the print media query before it
 * lays the pages out, and React renders synchronously inside those events).
 */
let printing = false;
const listeners = new Set<() => void>();
const set = (value: boolean) => {
  if (printing === value) return;
  printing = value;
  for (const l of listeners) l();
};

function subscribe(listener: () => void): () => void {
  if (listeners.size === 0 && typeof window !== 'undefined') {
    window.addEventListener('beforeprint', onBefore);
    window.addEventListener('afterprint', onAfter);
    media()?.addEventListener('change', onMedia);
  }
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0 && typeof window !== 'undefined') {
      window.removeEventListener('beforeprint', onBefore);
      window.removeEventListener('afterprint', onAfter);
      media()?.removeEventListener('change', onMedia);
    }
  };
}

const media = () =>
  typeof window !== 'undefined' && typeof window.matchMedia === 'function'
    ? window.matchMedia('print')
    : null;
const onBefore = () => set(true);
const onAfter = () => set(media()?.matches ?? false);
const onMedia = (e: MediaQueryListEvent) => set(e.matches);

export function usePrinting(): boolean {
  return useSyncExternalStore(
    subscribe,
    () => printing || (media()?.matches ?? false),
    () => false,
  );
}

/** A4 portrait, 14 mm margins, less the chart frame's padding, in CSS pixels. */
export const PRINT_WIDTH = 640;
export const PRINT_HEIGHT = 190;
