import { describe, expect, it } from 'vitest';
import {
  BETTER_WORDS,
  DATASET_FIELDS,
  HEADLINE_WORDS,
  LEVEL_WORDS,
  OBSERVATIONS_SHEET,
  SHEETS,
  UNIT_WORDS,
  choiceOf,
  columnLetter,
  headerLabel,
  labelKeys,
  matchesLabel,
  parseYearHeader,
  sheetLabel,
  wordFor,
} from './layout';

describe('labels', () => {
  it('writes Chinese with English in brackets', () => {
    expect(headerLabel('指标编号', 'Indicator ID')).toBe('指标编号 (Indicator ID)');
    expect(sheetLabel(OBSERVATIONS_SHEET)).toBe('数据 (Observations)');
  });

  it('matches the full label, the Chinese part or the English part, ignoring case and spaces', () => {
    const label = { zh: '指标编号', en: 'Indicator ID' };
    for (const text of [
      '指标编号 (Indicator ID)',
      '指标编号(Indicator ID)',
      '指标编号（Indicator ID）',
      ' 指标编号 ',
      'indicator id',
      'INDICATOR  ID',
      'IndicatorID',
    ]) {
      expect(matchesLabel(text, label), text).toBe(true);
    }
    for (const text of ['指标', 'Indicator', '', '地区编号 (Region ID)']) {
      expect(matchesLabel(text, label), text).toBe(false);
    }
  });

  it('gives every sheet, column and dataset field a label no sibling shares', () => {
    const unique = (labels: readonly { zh: string; en: string }[]) => {
      const keys = labels.flatMap(labelKeys);
      expect(new Set(keys).size).toBe(keys.length);
    };
    unique(SHEETS);
    unique(DATASET_FIELDS);
    for (const sheet of SHEETS) unique(sheet.columns);
  });

  it('keeps sheet names within what Excel allows', () => {
    for (const sheet of SHEETS) {
      const name = sheetLabel(sheet);
      expect(name.length).toBeLessThanOrEqual(31);
      expect(name).not.toMatch(/[[\]:*?/\\]/);
    }
  });
});

describe('choice words', () => {
  it('maps Chinese and English words to contract values', () => {
    expect(choiceOf(LEVEL_WORDS, '街道')).toBe('township');
    expect(choiceOf(LEVEL_WORDS, '区县')).toBe('district');
    expect(choiceOf(LEVEL_WORDS, 'Province')).toBe('province');
    expect(choiceOf(LEVEL_WORDS, '村')).toBeNull();
    expect(choiceOf(UNIT_WORDS, '千分比')).toBe('permille');
    expect(choiceOf(UNIT_WORDS, 'CNY')).toBe('cny');
    expect(choiceOf(UNIT_WORDS, '人数')).toBeNull();
    expect(choiceOf(BETTER_WORDS, '越高越好')).toBe('higher');
    expect(choiceOf(HEADLINE_WORDS, 'TRUE')).toBe('yes');
    expect(choiceOf(HEADLINE_WORDS, '0')).toBe('no');
  });

  it('writes the first word of each list', () => {
    expect(wordFor(LEVEL_WORDS, 'township')).toBe('乡镇');
    expect(wordFor(UNIT_WORDS, 'score')).toBe('分');
    expect(wordFor(BETTER_WORDS, 'neutral')).toBe('中性');
  });
});

describe('year headers and column letters', () => {
  it('reads a year header written as text', () => {
    expect(parseYearHeader('2019')).toBe(2019);
    expect(parseYearHeader(' 2019 年')).toBe(2019);
    expect(parseYearHeader('２０１９')).toBe(2019);
    expect(parseYearHeader('2019 (初步)')).toBeNull();
    expect(parseYearHeader('19')).toBeNull();
  });

  it('numbers columns like Excel', () => {
    expect([1, 26, 27, 52, 53, 702, 703].map(columnLetter)).toEqual([
      'A',
      'Z',
      'AA',
      'AZ',
      'BA',
      'ZZ',
      'AAA',
    ]);
  });
});
