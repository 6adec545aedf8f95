import { useLayoutEffect, useState } from 'react';
import type { ReactNode } from 'react';

/** The design size: everything on the wall is laid out in pixels of a 1080p screen. */
export const STAGE = { width: 1920, height: 1080 } as const;

function fit(): number {
  if (typeof window === 'undefined' || window.innerWidth === 0) return 1;
  return Math.min(window.innerWidth / STAGE.width, window.innerHeight / STAGE.height);
}

/**
 * A fixed 1920×1080 stage scaled to the window (×2 on a 4K wall), letterboxed when the window is
 * not 16:9. One transform instead of sizes in vw/vh: the map's and the chart's SVG text, the
 * grid and the type all scale together, and the layout is checked at one size.
 */
export function WallStage({ children }: { children: ReactNode }) {
  const [scale, setScale] = useState(fit);
  useLayoutEffect(() => {
    const onResize = () => setScale(fit());
    onResize();
    window.addEventListener('resize', onResize);
    return () => window.removeEventListener('resize', onResize);
  }, []);
  return (
    <div className="wall-viewport">
      <div
        className="wall-stage"
        style={{
          width: STAGE.width,
          height: STAGE.height,
          transform: `translate(-50%, -50%) scale(${scale})`,
        }}
      >
        {children}
      </div>
    </div>
  );
}
