import { describe, expect, it } from 'vitest';
import { clean, ellipsize, textWidth, wrapText } from './text-metrics';

describe('text metrics', () => {
  it('wraps Chinese between characters without starting a line with punctuation', () => {
    const lines = wrapText('一二三四五，六七八', 10, 50, 3);
    expect(lines[0]).toBe('一二三四五，');
    expect(lines[1]).toBe('六七八');
  });

  it('counts CJK as one em and Latin as about half', () => {
    expect(textWidth('龙华', 10)).toBe(20);
    expect(textWidth('ab', 10)).toBeCloseTo(11);
  });

  it('counts ‰ and % as the wide signs they are, so a value does not run into the words after it', () => {
    expect(textWidth('‰', 10)).toBeGreaterThanOrEqual(13);
    expect(textWidth('0.64‰*', 10)).toBeGreaterThanOrEqual(4 * 5.5 + 13 + 5.5);
    expect(textWidth('%', 10)).toBeGreaterThanOrEqual(9);
  });

  it('cuts with an ellipsis and drops characters XML forbids', () => {
    expect(ellipsize('一二三四五六', 10, 35)).toBe('一二…');
    expect(clean('a\u0001b  c')).toBe('ab c');
  });
});
