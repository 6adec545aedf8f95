import { useLayoutEffect, useState } from 'react';
import type { RefObject } from 'react';

export interface Fit {
  /** How many items, from the first, show whole in the list's box. */
  whole: number;
  /** How many lines of text the box holds (for an item too long to show whole). */
  lines: number;
}

/**
 * How many of a list's items show whole in its box, whose height the layout sets (a flex or grid
 * track), not the items. Measured before paint: first every candidate is laid out (null), then
 * those reaching past the box's bottom are left off. `key` names what the answer depends on (the
 * box's size, the items): a new key measures again.
 */
export function useFit(listRef: RefObject<HTMLElement | null>, key: string): Fit | null {
  const [fit, setFit] = useState<{ key: string; fit: Fit } | null>(null);
  const current = fit?.key === key ? fit.fit : null;
  useLayoutEffect(() => {
    const list = listRef.current;
    if (current || !list) return;
    const bottom = list.getBoundingClientRect().bottom;
    let whole = 0;
    for (const item of list.children) {
      if (item.getBoundingClientRect().bottom > bottom + 0.5) break;
      whole += 1;
    }
    const first = list.firstElementChild;
    const lineHeight = first ? parseFloat(getComputedStyle(first).lineHeight) : NaN;
    const lines = Number.isFinite(lineHeight)
      ? Math.max(1, Math.floor((list.clientHeight + 0.5) / lineHeight))
      : 1;
    setFit({ key, fit: { whole, lines } });
  }, [listRef, current, key]);
  return current;
}
