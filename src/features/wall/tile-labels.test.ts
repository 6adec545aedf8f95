import { describe, expect, it } from 'vitest';
import { lineYs, splitName, TILE_TYPE, tileLines } from './tile-labels';

const upTo = (n: number) => (s: string) => s.length <= n;

describe('tile labels on the wall', () => {
  it('breaks a romanised name at a syllable, with a hyphen', () => {
    expect(splitName('Zhongshan', upTo(6))).toEqual(['Zhong-', 'shan']);
    expect(splitName('Longqiao', upTo(6))).toEqual(['Long-', 'qiao']);
    expect(splitName('Chengxi', upTo(6))).toEqual(['Cheng-', 'xi']);
  });

  it('breaks at a space first, and Chinese between any two characters', () => {
    expect(splitName('Xin Po', upTo(4))).toEqual(['Xin', 'Po']);
    expect(splitName('海垦新城', upTo(2))).toEqual(['海垦', '新城']);
  });

  it('gives no break when a half would still not fit', () => {
    expect(splitName('Zhongshan', upTo(3))).toBeNull();
  });

  it('keeps a short name and its value on two lines of at least 28 px', () => {
    const { lines, cut } = tileLines('中山', '1.24‰', 130);
    expect(lines.map((l) => l.text)).toEqual(['中山', '1.24‰']);
    expect(cut).toBe(false);
    expect(TILE_TYPE.size).toBeGreaterThanOrEqual(28);
  });

  it('puts a long name over two lines before the value, and drops what has no room', () => {
    expect(tileLines('Zhongshan', '1.24‰', 140).lines.map((l) => l.text)).toEqual([
      'Zhong-',
      'shan',
      '1.24‰',
    ]);
    expect(tileLines('Zhongshan', '1234567.89‰', 140).lines.map((l) => l.text)).toEqual([
      'Zhong-',
      'shan',
    ]);
    expect(tileLines('中山', '1.24‰', 30).lines).toEqual([]);
  });

  it('abbreviates a name that no break fits, and says it did', () => {
    const { lines, cut } = tileLines('Zhongshanzhongshan', undefined, 120);
    expect(cut).toBe(true);
    expect(lines[0]?.text.endsWith('…')).toBe(true);
  });

  it('centres the lines on the tile', () => {
    const ys = lineYs(2, 100);
    expect(ys).toHaveLength(2);
    expect((ys[1] ?? 0) - (ys[0] ?? 0)).toBe(TILE_TYPE.line);
  });
});
