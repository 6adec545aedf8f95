import { describe, expect, it } from 'vitest';
import { computeChange } from './change';
import type { Change } from './change';
import {
  formatChange,
  formatValue,
  formatValueText,
  MISSING,
  unitText,
  verdictWord,
} from './format';
import type { UnitSpec } from './format';

const people = { zh: '人', en: 'people' };
const spec = (unit: UnitSpec['unit'], decimals = 0, unitLabel: UnitSpec['unitLabel'] = null) => ({
  unit,
  decimals,
  unitLabel,
});
const change = (from: number, to: number, s: UnitSpec, better: 'lower' | 'higher' = 'lower') => {
  const c = computeChange(from, to, s.unit, better);
  if (!c) throw new Error('no change');
  return c;
};

describe('formatValue', () => {
  it('writes rates with their sign and the published decimals', () => {
    expect(formatValue(1.27, spec('permille', 2), 'zh')).toEqual({
      number: '1.27',
      unit: '‰',
      missing: false,
    });
    expect(formatValue(1.2, spec('permille', 2), 'en').number).toBe('1.20');
    expect(formatValueText(98.5, spec('percent', 1), 'en')).toBe('98.5%');
    expect(formatValueText(100, spec('percent', 1), 'zh')).toBe('100.0%');
  });

  it('groups thousands and adds the unit label, tight in Chinese and spaced in English', () => {
    expect(formatValueText(2904, spec('count', 0, people), 'zh')).toBe('2,904人');
    expect(formatValueText(2904, spec('count', 0, people), 'en')).toBe('2,904 people');
    expect(formatValueText(2904, spec('count'), 'en')).toBe('2,904');
    expect(formatValueText(12.46, spec('kg', 2), 'zh')).toBe('12.46千克');
    expect(formatValueText(12.46, spec('kg', 2), 'en')).toBe('12.46 kg');
  });

  it('writes yuan in 万元 for Chinese and in millions for large English amounts', () => {
    expect(formatValue(29_680_000, spec('cny'), 'zh')).toEqual({
      number: '2,968',
      unit: '万元',
      missing: false,
    });
    expect(formatValueText(8_450_000, spec('cny'), 'zh')).toBe('845万元');
    expect(formatValueText(29_680_000, spec('cny'), 'en')).toBe('29.68 million yuan');
    expect(formatValueText(450_000, spec('cny'), 'en')).toBe('450,000 yuan');
    expect(formatValueText(12_345, spec('cny'), 'zh')).toBe('1.23万元');
  });

  it('shows missing as a dash, never as zero', () => {
    for (const value of [null, undefined, Number.NaN, Infinity]) {
      expect(formatValue(value, spec('count', 0, people), 'zh')).toEqual({
        number: MISSING,
        unit: '',
        missing: true,
      });
      expect(formatValueText(value, spec('percent', 1), 'en')).toBe('—');
    }
    expect(formatValueText(0, spec('count', 0, people), 'en')).toBe('0 people');
  });
});

describe('unitText', () => {
  it('uses score labels from the data, else a default per language', () => {
    expect(unitText(spec('score'), 'zh')).toBe('分');
    expect(unitText(spec('score'), 'en')).toBe('points');
    expect(unitText(spec('score', 1, { zh: '分值', en: 'marks' }), 'en')).toBe('marks');
    expect(unitText(spec('cny'), 'en', 2e6)).toBe('million yuan');
  });
});

describe('formatChange', () => {
  const count = spec('count', 0, people);

  it('writes relative changes with an arrow and one decimal', () => {
    expect(formatChange(change(152, 10, count), count, 'zh')).toBe('▼ 93.4%');
    expect(formatChange(change(10, 15, count), count, 'en')).toBe('▲ 50.0%');
    expect(formatChange(change(7, 7, count), count, 'en')).toBe('■ 0.0%');
  });

  it('writes rate changes in points, in words of the language', () => {
    const permille = spec('permille', 2);
    expect(formatChange(change(4.27, 1.27, permille), permille, 'zh')).toBe('▼ 3.00个千分点');
    expect(formatChange(change(4.27, 1.27, permille), permille, 'en')).toBe(
      '▼ 3.00 per-mille points',
    );
    const percent = spec('percent', 1);
    expect(formatChange(change(61.5, 79.5, percent, 'higher'), percent, 'zh')).toBe(
      '▲ 18.0个百分点',
    );
    expect(formatChange(change(61.5, 79.5, percent, 'higher'), percent, 'en')).toBe(
      '▲ 18.0 percentage points',
    );
  });
});

describe('verdictWord', () => {
  it('names the verdict so colour is never the only cue', () => {
    const v = (verdict: Change['verdict']) => ({ ...change(2, 1, spec('count')), verdict });
    expect(verdictWord(v('better'), 'zh')).toBe('向好');
    expect(verdictWord(v('worse'), 'zh')).toBe('变差');
    expect(verdictWord(v('same'), 'zh')).toBe('持平');
    expect(verdictWord(v('better'), 'en')).toBe('better');
    expect(verdictWord(v('worse'), 'en')).toBe('worse');
  });
});
