import { describe, expect, it } from 'vitest';
import type { Meta, Region } from '@contract/types';
import { scopeName, scopeOf, scopeText } from './scope';

const r = (id: string, level: Region['level'], parent: string | null, zh: string, en: string) => ({
  id,
  level,
  parent,
  name: { zh, en },
});
const city = r('c', 'city', null, '海口市', 'Haikou');
const district = r('d', 'district', 'c', '龙华区', 'Longhua');
const towns = [
  r('t1', 'township', 'd', '中山街道', 'Zhongshan'),
  r('t2', 'township', 'd', '金贸街道', 'Jinmao'),
];
const meta = { regions: [city, district, ...towns] } as unknown as Meta;
const campaign = { baselineYear: 2019 } as never;

describe('scope', () => {
  const selection = { top: city, district, towns, year: 2021, compare: 2019, campaign };

  it('names the full path, the year and the comparison', () => {
    const scope = scopeOf(meta, selection);
    expect(scopeText(scope, 'zh')).toBe(
      '海口市 › 龙华区 › 中山街道、金贸街道 · 2021年度 · 较2019年（基线年）',
    );
    expect(scopeText(scope, 'en')).toBe(
      'Haikou › Longhua › Zhongshan, Jinmao · 2021 · vs 2019 (baseline)',
    );
    expect(scopeName(scope, 'zh')).toBe('中山街道、金贸街道');
  });

  it('does not name townships on a chart that compares districts', () => {
    const scope = scopeOf(meta, selection, 'district');
    expect(scopeText(scope, 'zh')).toBe('海口市 › 龙华区 · 2021年度 · 较2019年（基线年）');
    expect(scopeName(scope, 'zh')).toBe('龙华区');
  });

  it('says a comparison year that is not the baseline plainly, and none when there is none', () => {
    expect(scopeText(scopeOf(meta, { ...selection, compare: 2020 }), 'zh')).toMatch(/· 较2020年$/);
    const top = scopeOf(meta, { ...selection, district: null, towns: [], compare: null });
    expect(scopeText(top, 'zh')).toBe('海口市 · 2021年度');
  });
});
