import { describe, expect, it } from 'vitest';
import { parseMeta } from '@contract/parse-meta';
import { dataset11 } from '@/test/dataset-11';
import { validIn, validitySpan } from './validity';

const meta = parseMeta(structuredClone(dataset11.meta)).data;
const region = (id: string) => {
  const r = meta.regions.find((x) => x.id === id);
  if (!r) throw new Error(id);
  return r;
};

describe('validity years (contract 1.1)', () => {
  it('a region exists from validFrom up to validTo, both included', () => {
    expect([2016, 2017, 2018].map((y) => validIn(region('t2'), y))).toEqual([true, true, false]);
    expect([2017, 2018, 2019].map((y) => validIn(region('t3'), y))).toEqual([false, true, true]);
    expect(validIn(region('t1'), 1900)).toBe(true);
    expect(validitySpan(region('t2'), 'zh')).toBe('2017年后撤并');
    expect(validitySpan(region('t3'), 'en')).toBe('set up in 2018');
    expect(validitySpan(region('t1'), 'zh')).toBe('');
  });
});
