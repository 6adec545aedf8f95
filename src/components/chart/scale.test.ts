import { describe, expect, it } from 'vitest';
import { niceStep, niceTicks, rankTicks, valueTicks } from './scale';

describe('value axis', () => {
  it('steps by 1, 2 or 5 × 10ⁿ only', () => {
    for (const raw of [0.03, 0.24, 0.7, 3, 7, 24, 35, 70, 130, 2600, 4.2e5]) {
      const step = niceStep(raw);
      const mantissa = step / 10 ** Math.floor(Math.log10(step));
      expect([1, 2, 5]).toContain(Math.round(mantissa * 1e6) / 1e6);
      expect(step).toBeGreaterThanOrEqual(raw);
    }
  });

  it('covers the data with round ticks', () => {
    expect(niceTicks(0, 97, 5).ticks).toEqual([0, 20, 40, 60, 80, 100]);
    expect(niceTicks(0, 1.2, 5).ticks).toEqual([0, 0.5, 1, 1.5]);
    expect(niceTicks(-3, 4, 4).ticks).toEqual([-4, -2, 0, 2, 4]);
  });

  it('starts counts and amounts at zero, however far from it the data are', () => {
    expect(valueTicks('amount', [96, 152, 41], 5).lo).toBe(0);
    expect(valueTicks('amount', [900, 1000], 5).lo).toBe(0);
  });

  it('lets a rate crowded far from zero keep a tight axis, but not one near zero', () => {
    const tight = valueTicks('rate', [96.5, 98, 100], 5);
    expect(tight.lo).toBeGreaterThan(90);
    expect(tight.hi).toBeGreaterThanOrEqual(100);
    expect(valueTicks('rate', [1.2, 4.3], 5).lo).toBe(0);
  });
});

describe('rank axis', () => {
  it('runs 1 … of in whole numbers, whatever places were reached', () => {
    expect(rankTicks(4, 5).ticks).toEqual([1, 2, 3, 4]);
    expect(rankTicks(16, 4).ticks).toEqual([1, 5, 10, 16]);
    expect(rankTicks(19, 4).ticks).toEqual([1, 5, 10, 15, 19]);
    for (const t of rankTicks(9, 5).ticks) expect(Number.isInteger(t)).toBe(true);
    // Ranked first of 18 every year: the axis still shows all 18 places.
    const t = valueTicks('rank', [1, 1, 1], 5, 18);
    expect(t.lo).toBe(1);
    expect(t.hi).toBe(18);
    expect(t.ticks.at(-1)).toBe(18);
  });
});
