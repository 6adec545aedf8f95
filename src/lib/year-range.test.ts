import { describe, expect, it } from 'vitest';
import { yearRange } from './year-range';

describe('yearRange', () => {
  it('writes a range with an en dash in both languages, never the missing-value dash', () => {
    expect(yearRange(2020, 2022, 'zh')).toBe('2020–2022');
    expect(yearRange(2020, 2022, 'en')).toBe('2020–2022');
    expect(yearRange(2017, 2019, 'zh')).not.toContain('—');
  });

  it('writes a single year on its own', () => {
    expect(yearRange(2019, 2019, 'zh')).toBe('2019');
    expect(yearRange(2019, 2019, 'en')).toBe('2019');
  });
});
