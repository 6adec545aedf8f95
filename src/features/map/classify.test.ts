import { describe, expect, it } from 'vitest';
import {
  ALARM_SCHEME,
  NEUTRAL_SCHEME,
  classColours,
  classOf,
  classify,
  quantileThresholds,
} from './classify';

describe('map classes', () => {
  it('cut ten distinct values into five equal-count classes', () => {
    const values = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
    const c = classify(values, 'lower');
    expect(c.classes.map((k) => [k.min, k.max])).toEqual([
      [1, 2],
      [3, 4],
      [5, 6],
      [7, 8],
      [9, 10],
    ]);
    expect(values.map((v) => classOf(c, v))).toEqual([0, 0, 1, 1, 2, 2, 3, 3, 4, 4]);
    expect(c.classes.map((k) => k.colour)).toEqual([...ALARM_SCHEME]);
  });

  it('never leave a class empty: thresholds are values that occur', () => {
    const values = [1, 2, 10, 11];
    const thresholds = quantileThresholds(values);
    for (const th of thresholds) expect(values).toContain(th);
    const c = classify(values, 'lower');
    const used = new Set(values.map((v) => classOf(c, v)));
    expect(used.size).toBe(c.classes.length);
  });

  it('make fewer classes when there are fewer distinct values', () => {
    expect(classify([4, 4, 4], 'lower').classes).toHaveLength(1);
    const two = classify([1, 1, 1, 1, 5], 'lower');
    expect(two.classes.map((k) => [k.min, k.max])).toEqual([
      [1, 1],
      [5, 5],
    ]);
    // The two ends of the scheme, so the difference still reads.
    expect(two.classes.map((k) => k.colour)).toEqual([ALARM_SCHEME[0], ALARM_SCHEME[4]]);
    expect(classify([3, 1, 2], 'lower').classes).toHaveLength(3);
    expect(classify([], 'lower').classes).toEqual([]);
  });

  it('darken the low values where higher is better, and use the neutral scheme for neutral', () => {
    const values = [1, 2, 3, 4, 5];
    const higher = classify(values, 'higher');
    expect(higher.classes[0]?.colour).toBe(ALARM_SCHEME[4]);
    expect(higher.classes[4]?.colour).toBe(ALARM_SCHEME[0]);
    expect(classify(values, 'lower').classes[4]?.colour).toBe(ALARM_SCHEME[4]);
    expect(classColours(5, 'neutral')).toEqual([...NEUTRAL_SCHEME]);
  });

  it('ignore values that are not finite', () => {
    expect(classify([Number.NaN, 2, Infinity, 3], 'lower').classes).toHaveLength(2);
  });
});
