/**
 * Where the map's floating tooltip goes: beside the region it describes, inside the map's
 * panel. Pure so the rule is tested without a browser.
 */
export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

export type Side = 'right' | 'left' | 'below' | 'above';

export interface Placement {
  x: number;
  y: number;
  side: Side;
  /** False when no side had room and the tip was pushed over the region to stay inside. */
  clear: boolean;
}

const GAP = 8;

const clamp = (v: number, lo: number, hi: number) => Math.max(lo, Math.min(v, Math.max(lo, hi)));

/**
 * `anchor` is the region's box and `bounds` the panel's, in the same coordinates; `tip` gives
 * the tooltip's size. Right of the region first (reading order), then left (flipped near the
 * right edge), below, above; the tip slides along its side to stay inside the panel. When no
 * side has room, the side with the most room wins and the tip is clamped into the panel.
 */
export function placeTip(
  anchor: Box,
  tip: { width: number; height: number },
  bounds: Box,
): Placement {
  const right = bounds.x + bounds.width;
  const bottom = bounds.y + bounds.height;
  const midY = anchor.y + anchor.height / 2 - tip.height / 2;
  const midX = anchor.x + anchor.width / 2 - tip.width / 2;
  const slideY = clamp(midY, bounds.y, bottom - tip.height);
  const slideX = clamp(midX, bounds.x, right - tip.width);
  const sides: { side: Side; room: number; need: number; x: number; y: number }[] = [
    {
      side: 'right',
      room: right - (anchor.x + anchor.width) - GAP,
      need: tip.width,
      x: anchor.x + anchor.width + GAP,
      y: slideY,
    },
    {
      side: 'left',
      room: anchor.x - bounds.x - GAP,
      need: tip.width,
      x: anchor.x - GAP - tip.width,
      y: slideY,
    },
    {
      side: 'below',
      room: bottom - (anchor.y + anchor.height) - GAP,
      need: tip.height,
      x: slideX,
      y: anchor.y + anchor.height + GAP,
    },
    {
      side: 'above',
      room: anchor.y - bounds.y - GAP,
      need: tip.height,
      x: slideX,
      y: anchor.y - GAP - tip.height,
    },
  ];
  // A side also needs the panel to be wide (or tall) enough for the tip across it.
  const fits = sides.find(
    (s) =>
      s.room >= s.need &&
      (s.side === 'right' || s.side === 'left'
        ? tip.height <= bounds.height
        : tip.width <= bounds.width),
  );
  if (fits) return { x: fits.x, y: fits.y, side: fits.side, clear: true };
  const best = sides.reduce((a, b) => (b.room / b.need > a.room / a.need ? b : a));
  return {
    x: clamp(best.x, bounds.x, right - tip.width),
    y: clamp(best.y, bounds.y, bottom - tip.height),
    side: best.side,
    clear: false,
  };
}
