import { describe, expect, it } from 'vitest';
import {
  clean,
  ellipsize,
  ellipsizeKeepingUnit,
  textWidth,
  titleLines,
  wrapText,
} from './text-metrics';

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

  it('shortens an axis title by its name, keeping its unit', () => {
    const zh = '吸毒人员占常住人口比例（‰）';
    const short = ellipsizeKeepingUnit(zh, 10, textWidth(zh, 10) - 25);
    expect(short).toMatch(/^吸毒人员.*…（‰）$/);
    expect(textWidth(short, 10)).toBeLessThanOrEqual(textWidth(zh, 10) - 25);
    const en = 'Drug users per 1,000 residents (‰)';
    expect(ellipsizeKeepingUnit(en, 10, textWidth(en, 10) - 30)).toMatch(/^Drug users.*… \(‰\)$/);
    // Fits: unchanged; no unit, or no room for a name beside it: a plain ellipsis.
    expect(ellipsizeKeepingUnit(zh, 10, 500)).toBe(zh);
    expect(ellipsizeKeepingUnit('一二三四五六', 10, 35)).toBe('一二…');
    expect(ellipsizeKeepingUnit(zh, 10, 40)).toBe(ellipsize(zh, 10, 40));
  });

  it('puts a title on two even lines when one would cut it, and cuts only past two', () => {
    const en = 'Drug crime suspects arrested (people)';
    expect(titleLines(en, 12, 500)).toEqual([en]);
    // Not "Drug crime suspects arrested" over a lone "(people)".
    expect(titleLines(en, 12, 233)).toEqual(['Drug crime suspects', 'arrested (people)']);
    expect(titleLines('吸毒人员占常住人口比例（‰）', 12, 120)).toEqual([
      '吸毒人员占常住',
      '人口比例（‰）',
    ]);
    expect(titleLines('社区戒毒社区康复执行率（%）', 12, 80)).toEqual([
      '社区戒毒社区',
      '康复执…（%）',
    ]);
  });

  it('never ends a line with an opening bracket', () => {
    expect(wrapText('人数（人）', 12, 40, 3)).toEqual(['人数', '（人）']);
  });
});
