import { describe, expect, it } from 'vitest';
import type { Indicator, Region } from '@contract/types';
import { warningText } from './warnings';
import type { Warning } from './warnings';

const indicator: Indicator = {
  id: 'rate',
  name: { zh: '执行率', en: 'Execution rate' },
  unit: 'percent',
  unitLabel: null,
  decimals: 1,
  better: 'higher',
  programme: null,
  headline: false,
  description: null,
};
const region: Region = { id: 'C', level: 'city', parent: null, name: { zh: 'C市', en: 'C' } };
const warning: Warning = {
  indicator,
  region,
  worse: { kind: 'points', amount: -0.1, direction: 'down', verdict: 'worse', from: 98, to: 97.9 },
  missedTarget: 100,
};

describe('warningText', () => {
  it('says why in the overview’s words', () => {
    expect(warningText(warning, 'zh')).toBe('较上年▼ 0.1个百分点，变差；未达目标（目标 100.0%）');
  });

  it('on the wall names the year, English in fewer words, the arrow kept with its figure', () => {
    expect(warningText(warning, 'en', { previous: 2031 })).toBe(
      'worse ▼\u00a00.1 percentage points vs 2031; target 100.0% missed',
    );
    expect(warningText(warning, 'zh', { previous: 2031 })).toBe(
      '较\u20602031年▼\u00a00.1个百分点，变差；未达目标（目标 100.0%）',
    );
  });
});
