import { describe, expect, it } from 'vitest';
import { readRaw, writeParams } from './url-params';
import type { RawFilters } from './url-params';

const empty: RawFilters = {
  view: null,
  lang: null,
  campaign: null,
  year: null,
  compare: null,
  district: null,
  town: [],
  programme: null,
  indicator: null,
  screen: null,
};
const q = (s: string) => new URLSearchParams(s);

describe('URL round trip', () => {
  it('reads back exactly what was written', () => {
    const written: RawFilters = {
      view: 'trends',
      lang: 'en',
      campaign: 'round-1',
      year: '2019',
      compare: '2016',
      district: '460106',
      town: ['460106001', '460106007'],
      programme: 'manage',
      indicator: 'new-users',
      screen: 'wall',
    };
    const url = writeParams(q(''), written);
    expect(readRaw(url)).toEqual(written);
    expect(readRaw(q(url.toString()))).toEqual(written);
  });

  it('reads an empty query as all defaults', () => {
    expect(readRaw(q(''))).toEqual(empty);
  });

  it('leaves defaults out of the link', () => {
    expect(writeParams(q(''), { view: 'overview', lang: 'zh', year: '2019' }).toString()).toBe(
      'year=2019',
    );
    expect(writeParams(q('view=trends&lang=en'), { view: 'overview', lang: 'zh' }).toString()).toBe(
      '',
    );
  });

  it('removes a key set to null, undefined, empty text or an empty list', () => {
    const next = writeParams(q('year=2019&district=460106&town=460106001&indicator=x'), {
      year: null,
      district: '',
      town: [],
      indicator: undefined,
    });
    expect(next.toString()).toBe('');
  });

  it('keeps parameters it does not own and those the patch does not touch', () => {
    const next = writeParams(q('utm_source=mail&year=2018'), { district: '460106' });
    expect(next.get('utm_source')).toBe('mail');
    expect(readRaw(next)).toEqual({ ...empty, year: '2018', district: '460106' });
  });

  it('trims values, treats blanks as absent and drops repeated or empty townships', () => {
    expect(readRaw(q('year=%202019%20&district=%20&town=a,,b,%20a%20,b'))).toEqual({
      ...empty,
      year: '2019',
      town: ['a', 'b'],
    });
  });

  it('caps the length of what a link can put on screen', () => {
    expect(readRaw(q(`district=${'x'.repeat(500)}`)).district).toHaveLength(200);
    const many = Array.from({ length: 80 }, (_, i) => `t${i}`).join(',');
    expect(readRaw(q(`town=${many}`)).town).toHaveLength(50);
  });
});
