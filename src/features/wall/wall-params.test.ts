import { describe, expect, it } from 'vitest';
import { hhmm, oldestUpdate, readWallParams } from './wall-params';

const read = (q: string) => readWallParams(new URLSearchParams(q));

describe('wall screen URL settings', () => {
  it('defaults to a region every 15 s and a revalidation every 5 minutes', () => {
    expect(read('')).toEqual({ cycleMs: 15_000, refreshMs: 300_000 });
  });

  it('reads seconds and minutes, fractions included', () => {
    expect(read('cycle=1&refresh=0.5')).toEqual({ cycleMs: 1000, refreshMs: 30_000 });
  });

  it('falls back to the defaults for values out of range or unreadable', () => {
    expect(read('cycle=0&refresh=-1')).toEqual({ cycleMs: 15_000, refreshMs: 300_000 });
    expect(read('cycle=abc&refresh=')).toEqual({ cycleMs: 15_000, refreshMs: 300_000 });
  });
});

describe('times on the wall', () => {
  it('writes hours and minutes with leading zeros', () => {
    expect(hhmm(new Date(2026, 11, 3, 9, 5))).toBe('09:05');
  });

  it('takes the oldest known fetch time, ignoring never-fetched answers', () => {
    expect(oldestUpdate([0, 300, 200])).toBe(200);
    expect(oldestUpdate([0])).toBeNull();
  });
});
