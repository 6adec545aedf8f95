import { describe, expect, it } from 'vitest';
import type { Observation } from '@contract/types';
import { cellValueText, gapCell, gapOf, statusNotes, statusWord } from './missing';

const people = { unit: 'count', decimals: 0, unitLabel: { zh: '人', en: 'people' } } as const;
const obs = (o: Partial<Observation>): Observation => ({
  indicator: 'i',
  region: 'r',
  year: 2019,
  value: null,
  target: null,
  provisional: false,
  note: null,
  suppressedBelow: null,
  ...o,
});

describe('kinds of missing', () => {
  it('tells a status, a suppressed count and a plain gap apart', () => {
    expect(gapOf(obs({ value: 3 }))).toBeNull();
    expect(gapOf(obs({ value: 0 }))).toBeNull();
    expect(gapOf(undefined)).toEqual({ kind: 'absent' });
    expect(gapOf(obs({}))).toEqual({ kind: 'absent' });
    expect(gapOf(obs({ status: 'withheld' }))).toEqual({ kind: 'withheld' });
    expect(gapOf(obs({ suppressedBelow: 5 }))).toEqual({ kind: 'suppressed', below: 5 });
  });

  it('writes each kind differently in both languages', () => {
    const zh = (o: Observation | undefined) => cellValueText(o, people, 'zh');
    const en = (o: Observation | undefined) => cellValueText(o, people, 'en');
    expect(zh(obs({ value: 12 }))).toBe('12人');
    expect(zh(obs({ status: 'withheld' }))).toBe('—（保密）');
    expect(zh(obs({ status: 'missing' }))).toBe('—（未报送）');
    expect(zh(obs({ status: 'not-applicable' }))).toBe('—（不适用）');
    expect(zh(obs({ suppressedBelow: 5 }))).toBe('<5');
    expect(zh(obs({}))).toBe('—');
    expect(zh(undefined)).toBe('—');
    expect(en(obs({ status: 'withheld' }))).toBe('— (withheld)');
    expect(en(obs({ status: 'missing' }))).toBe('— (not reported)');
    expect(en(obs({ status: 'not-applicable' }))).toBe('— (not applicable)');
    expect(gapCell({ kind: 'absent' }, 'en')).toBe('—');
  });

  it('fills the status column only when the server said why', () => {
    expect(statusWord(obs({ status: 'withheld' }), 'zh')).toBe('保密');
    expect(statusWord(obs({ status: 'not-applicable' }), 'en')).toBe('not applicable');
    expect(statusWord(obs({ suppressedBelow: 5 }), 'zh')).toBe('');
    expect(statusWord(obs({}), 'zh')).toBe('');
    expect(statusWord(obs({ value: 1 }), 'zh')).toBe('');
  });

  it('explains each marker shown, once, in a fixed order', () => {
    const cells = [
      obs({ status: 'not-applicable' }),
      obs({ status: 'withheld' }),
      obs({ status: 'withheld' }),
      obs({ suppressedBelow: 5 }),
      undefined,
    ];
    expect(statusNotes(cells, 'zh')).toEqual([
      '“—（保密）”：数据涉密，不予公开',
      '“—（不适用）”：该指标在此层级或年份不适用',
    ]);
    expect(statusNotes([obs({ value: 1 }), obs({})], 'en')).toEqual([]);
  });
});
