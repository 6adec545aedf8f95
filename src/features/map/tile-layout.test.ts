import { describe, expect, it } from 'vitest';
import { TILE_GAP, shortName, tileGrid, tileLayout } from './tile-layout';

describe('the tile map layout', () => {
  it('uses ceil(√n) columns and as many rows as needed', () => {
    expect(tileGrid(4)).toEqual({ columns: 2, rows: 2 });
    expect(tileGrid(11)).toEqual({ columns: 4, rows: 3 });
    expect(tileGrid(1)).toEqual({ columns: 1, rows: 1 });
    expect(tileGrid(0)).toEqual({ columns: 0, rows: 0 });
  });

  it('fills the grid row by row in the given order, with equal squares', () => {
    const tiles = tileLayout(['a', 'b', 'c', 'd', 'e'], 300, 300);
    // 3 columns of 100 px; the squares are 100 minus the gap.
    expect(tiles.map((t) => [t.id, t.x - TILE_GAP / 2, t.y - TILE_GAP / 2])).toEqual([
      ['a', 0, 0],
      ['b', 100, 0],
      ['c', 200, 0],
      ['d', 0, 100],
      ['e', 100, 100],
    ]);
    expect(new Set(tiles.map((t) => t.size))).toEqual(new Set([100 - TILE_GAP]));
    // Deterministic: the same input gives the same layout.
    expect(tileLayout(['a', 'b', 'c', 'd', 'e'], 300, 300)).toEqual(tiles);
  });

  it('centres a grid narrower than the box', () => {
    const tiles = tileLayout(['a', 'b', 'c', 'd'], 400, 100);
    // 2 × 2 squares of 50 px in a 400 px wide box: 150 px either side.
    expect(tiles[0]?.x).toBe(150 + TILE_GAP / 2);
  });

  it('shortens names for the tiles', () => {
    expect(shortName('城西镇', 'zh')).toBe('城西');
    expect(shortName('海垦街道', 'zh')).toBe('海垦');
    expect(shortName('龙华区', 'zh')).toBe('龙华');
    expect(shortName('镇', 'zh')).toBe('镇');
    expect(shortName('Chengxi Town', 'en')).toBe('Chengxi');
    expect(shortName('Haiken Subdistrict', 'en')).toBe('Haiken');
    expect(shortName('Longhua', 'en')).toBe('Longhua');
  });
});
