import { describe, expect, it } from 'vitest';
import { translator } from './index';

// setup.ts has loaded English and the views' Chinese words.
describe('translator', () => {
  const zh = translator('zh');
  const en = translator('en');

  it('looks up a nested key and fills in every {{variable}}, numbers included', () => {
    expect(zh('completion.rank', { rank: 2, of: 11 })).toBe('第2位（共11个）');
    expect(en('filters.showing', { region: 'Longhua', year: 2025 })).toBe('Showing Longhua, 2025');
  });

  it('fills a variable, and leaves one that was not passed empty', () => {
    expect(zh('app.dataAsOf', { date: '2025-12-31' })).toBe('数据截至 2025-12-31');
    expect(zh('app.dataAsOf')).toBe('数据截至 ');
  });

  it('answers a key it does not hold, or a whole section, with the key itself', () => {
    expect(zh('card.noSuchKey')).toBe('card.noSuchKey');
    expect(en('card')).toBe('card');
  });

  it('has the words of the on-demand parts in Chinese after they loaded, in both translators', () => {
    expect(zh('league.listTop')).toBe('红榜');
    expect(en('league.listTop')).not.toBe('league.listTop');
    expect(zh('report.button')).toBe('导出报告');
    expect(zh('report.start')).toBe('开始导出');
  });
});
