import { describe, expect, it } from 'vitest';
import { parseMeta } from '@contract/parse-meta';
import { dataset11 } from '@/test/dataset-11';
import { validateFilters } from './resolve';
import { resolveSelection } from './selection';
import { readRaw } from './url-params';
import { validIn, validitySpan } from './validity';

const meta = parseMeta(structuredClone(dataset11.meta)).data;
const region = (id: string) => {
  const r = meta.regions.find((x) => x.id === id);
  if (!r) throw new Error(id);
  return r;
};
const valid = (query: string) => validateFilters(readRaw(new URLSearchParams(query)), meta);

describe('validity years (contract 1.1)', () => {
  it('a region exists from validFrom up to validTo, both included', () => {
    expect([2016, 2017, 2018].map((y) => validIn(region('t2'), y))).toEqual([true, true, false]);
    expect([2017, 2018, 2019].map((y) => validIn(region('t3'), y))).toEqual([false, true, true]);
    expect(validIn(region('t1'), 1900)).toBe(true);
    expect(validitySpan(region('t2'), 'zh')).toBe('2017年后撤并');
    expect(validitySpan(region('t3'), 'en')).toBe('set up in 2018');
    expect(validitySpan(region('t1'), 'zh')).toBe('');
  });

  it('a link naming a township for a year it did not exist in drops it and says why', () => {
    const f = valid('district=d&town=t2,t1&year=2019');
    expect(f.towns.map((r) => r.id)).toEqual(['t1']);
    expect(f.district?.id).toBe('d');
    expect(f.ignored).toEqual([
      { param: 'town', value: 't2', outside: { region: region('t2'), year: 2019 } },
    ]);
    // In a year it existed, it is kept.
    expect(valid('district=d&town=t2&year=2017').towns.map((r) => r.id)).toEqual(['t2']);
    expect(valid('district=d&town=t2&year=2017').ignored).toEqual([]);
  });

  it('a year chosen from the data drops townships that did not exist in it', () => {
    const s = resolveSelection(valid('district=d&town=t1,t2'), meta, undefined);
    // No data yet: the default is the latest year, 2019, when West Town no longer existed.
    expect(s.year).toBe(2019);
    expect(s.towns.map((r) => r.id)).toEqual(['t1']);
    expect(s.selected?.id).toBe('t1');
    expect(s.ignored).toEqual([
      { param: 'town', value: 't2', outside: { region: region('t2'), year: 2019 } },
    ]);
  });
});
