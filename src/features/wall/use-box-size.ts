import { useLayoutEffect, useState } from 'react';
import type { RefObject } from 'react';

export interface BoxSize {
  width: number;
  height: number;
}

/**
 * The content size of an element in stage pixels (layout size: the stage's scale transform
 * does not change it), kept up to date. The wall's SVGs are drawn at this size, one user unit
 * to one 1080p pixel, so a font size in the drawing is the size on the 1080p stage.
 */
export function useBoxSize(ref: RefObject<HTMLElement | null>): BoxSize | null {
  const [size, setSize] = useState<BoxSize | null>(null);
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    const measure = () => {
      const width = Math.floor(el.clientWidth);
      const height = Math.floor(el.clientHeight);
      setSize((old) =>
        old && old.width === width && old.height === height ? old : { width, height },
      );
    };
    measure();
    if (typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(measure);
    observer.observe(el);
    return () => observer.disconnect();
  }, [ref]);
  return size;
}
