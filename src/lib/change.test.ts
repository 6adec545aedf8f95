import { describe, expect, it } from 'vitest';
import { changeKindFor, computeChange, verdictFor } from './change';

describe('changeKindFor', () => {
  it('measures rates in points and everything else relatively', () => {
    expect(changeKindFor('percent')).toBe('points');
    expect(changeKindFor('permille')).toBe('points');
    for (const unit of ['count', 'cny', 'kg', 'score'] as const) {
      expect(changeKindFor(unit)).toBe('relative');
    }
  });
});

describe('computeChange', () => {
  it('gives a relative change in percent for counts (Longhua new users 152 → 10)', () => {
    const change = computeChange(152, 10, 'count', 'lower');
    expect(change).toMatchObject({ kind: 'relative', direction: 'down', verdict: 'better' });
    expect(change?.amount).toBeCloseTo(-93.42, 2);
    expect(change).toMatchObject({ from: 152, to: 10 });
  });

  it('gives the difference in points for rates, not a percent of a percent', () => {
    const change = computeChange(4.27, 1.27, 'permille', 'lower');
    expect(change?.kind).toBe('points');
    expect(change?.amount).toBeCloseTo(-3, 10);
    expect(change?.direction).toBe('down');

    const up = computeChange(50, 75, 'percent', 'higher');
    expect(up).toMatchObject({ kind: 'points', amount: 25, direction: 'up', verdict: 'better' });
  });

  it('uses the size of a negative base, so the sign follows the direction', () => {
    expect(computeChange(-10, -5, 'score', 'higher')?.amount).toBe(50);
    expect(computeChange(-10, -15, 'score', 'higher')?.amount).toBe(-50);
  });

  it('has no relative change from a zero base to something, but zero to zero is flat', () => {
    expect(computeChange(0, 5, 'count', 'lower')).toBeNull();
    expect(computeChange(0, 0, 'count', 'lower')).toMatchObject({
      amount: 0,
      direction: 'flat',
      verdict: 'same',
    });
    // Points are fine from zero.
    expect(computeChange(0, 1.5, 'percent', 'higher')).toMatchObject({ amount: 1.5 });
  });

  it('is null when either value is missing or not finite', () => {
    expect(computeChange(null, 5, 'count', 'lower')).toBeNull();
    expect(computeChange(5, undefined, 'count', 'lower')).toBeNull();
    expect(computeChange(Number.NaN, 5, 'count', 'lower')).toBeNull();
    expect(computeChange(5, Infinity, 'percent', 'lower')).toBeNull();
  });

  it('judges the verdict by which direction is better', () => {
    expect(computeChange(10, 5, 'count', 'lower')?.verdict).toBe('better');
    expect(computeChange(10, 5, 'count', 'higher')?.verdict).toBe('worse');
    expect(computeChange(5, 10, 'count', 'lower')?.verdict).toBe('worse');
    expect(computeChange(5, 10, 'count', 'higher')?.verdict).toBe('better');
    expect(computeChange(5, 10, 'count', 'neutral')?.verdict).toBe('neutral');
    expect(computeChange(7, 7, 'count', 'neutral')?.verdict).toBe('same');
  });
});

describe('verdictFor', () => {
  it('calls no change "same" whatever the better direction', () => {
    expect(verdictFor('flat', 'lower')).toBe('same');
    expect(verdictFor('flat', 'higher')).toBe('same');
    expect(verdictFor('up', 'neutral')).toBe('neutral');
    expect(verdictFor('down', 'lower')).toBe('better');
    expect(verdictFor('up', 'lower')).toBe('worse');
  });
});
