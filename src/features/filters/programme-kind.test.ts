import { describe, expect, it } from 'vitest';
import type { Programme } from '@contract/types';
import { groupedProgrammes, programmeKind } from './programme-kind';

const p = (id: string, zh: string, en = ''): Programme => ({ id, name: { zh, en } });

describe('programme kinds', () => {
  it('tells the 八严 strands from named operations by the Chinese name', () => {
    expect(programmeKind(p('a', '严打击'))).toBe('strand');
    expect(programmeKind(p('b', '春雷行动'))).toBe('operation');
    expect(programmeKind(p('c', '', 'Strict control'))).toBe('strand');
    expect(programmeKind(p('d', '', 'Operation Thunder'))).toBe('operation');
  });

  it('lists strands first, then operations, keeping the order within each', () => {
    const list = [p('op1', '秋冬攻势'), p('s1', '严管'), p('op2', '两打两控'), p('s2', '严教')];
    expect(groupedProgrammes(list).map((g) => [g.programme.id, g.group.zh])).toEqual([
      ['s1', '八严工作'],
      ['s2', '八严工作'],
      ['op1', '专项行动'],
      ['op2', '专项行动'],
    ]);
  });
});
