import { describe, expect, it } from 'vitest';
import { computeChange } from './change';
import type { Change } from './change';
import {
  formatChange,
  formatNumber,
  formatValue,
  intlFormat,
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

describe('formatNumber writes numbers as Intl.NumberFormat does', () => {
  // A small deterministic generator: the same cases on every run.
  let seed = 20261203;
  const random = () => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed / 2147483648;
  };
  const values: number[] = [
    0,
    -0,
    1,
    -1,
    0.5,
    1.5,
    2.5,
    -2.5,
    1.005,
    1.015,
    1.045,
    0.125,
    0.0005,
    9.995,
    99.95,
    999.5,
    999999.5,
    1234567.891,
    -1234.5678,
    0.1 + 0.2,
    1e-7,
    123456789012,
    1e21,
    12345e18,
    NaN,
    Infinity,
    -Infinity,
    0.000001,
    5e-324,
    Number.MAX_SAFE_INTEGER,
  ];
  for (let i = 0; i < 3000; i++) {
    const magnitude = 10 ** Math.floor(random() * 12 - 4);
    const v = (random() - 0.3) * magnitude;
    values.push(v, Math.round(v * 1000) / 1000, Math.round(v * 100) / 100 + 0.005);
  }
  for (const lang of ['zh', 'en'] as const) {
    it(`for ${lang}, every number and number of decimals`, () => {
      const differ: string[] = [];
      for (const v of values)
        for (const [min, max] of [
          [0, 0],
          [0, 1],
          [1, 1],
          [2, 2],
          [0, 2],
          [0, 6],
          [1, 3],
        ] as const) {
          const mine = formatNumber(v, min, lang, max);
          const intl = intlFormat(v, min, lang, max);
          if (mine !== intl)
            differ.push(`${String(v)} ${String(min)}–${String(max)}: ${mine} ≠ ${intl}`);
        }
      expect(differ.slice(0, 10)).toEqual([]);
    });
  }
});
