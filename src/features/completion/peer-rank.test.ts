import { describe, expect, it } from 'vitest';
import { peerRanks } from './peer-rank';

const values = (o: Record<string, number | null>) => new Map(Object.entries(o));

describe('peerRanks', () => {
  it('puts the lowest first where lower is better, and counts only regions with a value', () => {
    const r = peerRanks(values({ a: 5, b: 2, c: null, d: 9 }), 'lower');
    expect(r.get('b')).toEqual({ rank: 1, of: 3, tied: false });
    expect(r.get('a')).toEqual({ rank: 2, of: 3, tied: false });
    expect(r.get('d')).toEqual({ rank: 3, of: 3, tied: false });
    expect(r.has('c')).toBe(false);
  });

  it('puts the highest first where higher is better', () => {
    const r = peerRanks(values({ a: 5, b: 2, d: 9 }), 'higher');
    expect([...r].sort((x, y) => x[1].rank - y[1].rank).map(([id]) => id)).toEqual(['d', 'a', 'b']);
  });

  it('gives ties one rank and skips the next (1, 1, 3)', () => {
    const r = peerRanks(values({ a: 100, b: 100, c: 98, d: 100 }), 'higher');
    expect(r.get('a')).toEqual({ rank: 1, of: 4, tied: true });
    expect(r.get('b')?.rank).toBe(1);
    expect(r.get('d')?.rank).toBe(1);
    expect(r.get('c')).toEqual({ rank: 4, of: 4, tied: false });
  });

  it('ranks nothing for a neutral indicator', () => {
    expect(peerRanks(values({ a: 1, b: 2 }), 'neutral').size).toBe(0);
  });
});
