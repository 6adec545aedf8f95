import { describe, expect, it } from 'vitest';
import { parseMeta } from '@contract/parse-meta';
import { dataset11 } from '@/test/dataset-11';
import { validateFilters } from './resolve';
import { resolveSelection } from './selection';
import { readRaw } from './url-params';

const meta = parseMeta(structuredClone(dataset11.meta)).data;
const region = (id: string) => {
  const r = meta.regions.find((x) => x.id === id);
  if (!r) throw new Error(id);
  return r;
};
const valid = (query: string) => validateFilters(readRaw(new URLSearchParams(query)), meta);

describe('links and validity years (contract 1.1)', () => {
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
