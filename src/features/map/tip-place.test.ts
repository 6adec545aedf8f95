import { describe, expect, it } from 'vitest';
import { placeTip } from './tip-place';

const panel = { x: 0, y: 0, width: 400, height: 300 };
const tip = { width: 150, height: 80 };
const overlaps = (
  a: { x: number; y: number },
  region: { x: number; y: number; width: number; height: number },
) =>
  a.x < region.x + region.width &&
  a.x + tip.width > region.x &&
  a.y < region.y + region.height &&
  a.y + tip.height > region.y;

describe('placeTip', () => {
  it('puts the tip right of a region with room, centred on it, clear of it', () => {
    const region = { x: 40, y: 100, width: 60, height: 60 };
    const p = placeTip(region, tip, panel);
    expect(p).toEqual({ x: 108, y: 90, side: 'right', clear: true });
    expect(overlaps(p, region)).toBe(false);
  });

  it('flips to the left near the right edge', () => {
    const region = { x: 300, y: 100, width: 60, height: 60 };
    const p = placeTip(region, tip, panel);
    expect(p.side).toBe('left');
    expect(p.x + tip.width).toBeLessThanOrEqual(region.x);
  });

  it('slides along its side to stay inside the panel near the top and bottom', () => {
    expect(placeTip({ x: 40, y: 0, width: 40, height: 20 }, tip, panel).y).toBe(0);
    expect(placeTip({ x: 40, y: 280, width: 40, height: 20 }, tip, panel).y).toBe(220);
  });

  it('goes below or above a wide region on a narrow (phone) panel', () => {
    const phone = { x: 0, y: 0, width: 350, height: 320 };
    const top = { x: 10, y: 10, width: 300, height: 80 };
    const below = placeTip(top, tip, phone);
    expect(below.side).toBe('below');
    expect(below.y).toBe(98);
    const low = { x: 10, y: 220, width: 300, height: 80 };
    expect(placeTip(low, tip, phone).side).toBe('above');
  });

  it('stays inside the panel even when the region fills it', () => {
    const p = placeTip({ x: 0, y: 0, width: 400, height: 300 }, tip, panel);
    expect(p.clear).toBe(false);
    expect(p.x).toBeGreaterThanOrEqual(0);
    expect(p.y).toBeGreaterThanOrEqual(0);
    expect(p.x + tip.width).toBeLessThanOrEqual(400);
    expect(p.y + tip.height).toBeLessThanOrEqual(300);
  });
});
