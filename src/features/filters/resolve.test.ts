import { describe, expect, it } from 'vitest';
import { parsedDemoMeta } from '@/test/fixtures';
import { districtsOf, townshipsOf, validateFilters } from './resolve';
import { readRaw } from './url-params';

const meta = parsedDemoMeta();
const valid = (query: string) => validateFilters(readRaw(new URLSearchParams(query)), meta);

describe('validateFilters', () => {
  it('has nothing chosen and nothing ignored for an empty link', () => {
    expect(valid('')).toEqual({
      view: 'overview',
      campaign: null,
      year: null,
      compare: null,
      district: null,
      towns: [],
      programme: null,
      indicator: null,
      ignored: [],
    });
  });

  it('resolves every known id to its meta record', () => {
    const f = valid(
      'view=trends&campaign=round-2&year=2021&compare=2019&district=460106&town=460106007&programme=manage&indicator=new-users',
    );
    expect(f.ignored).toEqual([]);
    expect(f).toMatchObject({ view: 'trends', year: 2021, compare: 2019 });
    expect(f.campaign?.id).toBe('round-2');
    expect(f.district?.name.zh).toBe('龙华区');
    expect(f.towns.map((t) => t.name.zh)).toEqual(['城西镇']);
    expect(f.programme?.id).toBe('manage');
    expect(f.indicator?.id).toBe('new-users');
  });

  it('ignores and reports unknown ids, unknown views and years outside meta', () => {
    const f = valid(
      'view=globe&district=nope&campaign=round-9&year=2031&compare=last&programme=x&indicator=y',
    );
    expect(f).toMatchObject({ view: 'overview', district: null, campaign: null, year: null });
    expect(f.ignored).toEqual(
      expect.arrayContaining([
        { param: 'view', value: 'globe' },
        { param: 'district', value: 'nope' },
        { param: 'campaign', value: 'round-9' },
        { param: 'year', value: '2031' },
        { param: 'compare', value: 'last' },
        { param: 'programme', value: 'x' },
        { param: 'indicator', value: 'y' },
      ]),
    );
    expect(f.ignored).toHaveLength(7);
  });

  it('does not take a township id or the city as a district', () => {
    expect(valid('district=460100').district).toBeNull();
    expect(valid('district=460106001').ignored).toEqual([
      { param: 'district', value: '460106001' },
    ]);
  });

  it('ignores a township outside the chosen district', () => {
    const f = valid('district=460105&town=460106001');
    expect(f.district?.id).toBe('460105');
    expect(f.towns).toEqual([]);
    expect(f.ignored).toEqual([{ param: 'town', value: '460106001' }]);
  });

  it('keeps the townships inside the district and drops the rest', () => {
    const f = valid('district=460106&town=460106002,460199,460106003');
    expect(f.towns.map((t) => t.id)).toEqual(['460106002', '460106003']);
    expect(f.ignored).toEqual([{ param: 'town', value: '460199' }]);
  });

  it('takes the district of a township given without one', () => {
    const f = valid('town=460106009');
    expect(f.district?.id).toBe('460106');
    expect(f.towns.map((t) => t.id)).toEqual(['460106009']);
    expect(f.ignored).toEqual([]);
  });

  it('does not imply a district when the one given is unknown', () => {
    const f = valid('district=nope&town=460106009');
    expect(f.district).toBeNull();
    expect(f.towns).toEqual([]);
    expect(f.ignored).toEqual([
      { param: 'district', value: 'nope' },
      { param: 'town', value: '460106009' },
    ]);
  });
});

describe('districtsOf / townshipsOf', () => {
  it('lists the four districts and the twelve townships Longhua has had (遵谭镇 became 遵谭街道 in 2019)', () => {
    expect(districtsOf(meta).map((d) => d.name.zh)).toEqual([
      '秀英区',
      '龙华区',
      '琼山区',
      '美兰区',
    ]);
    expect(townshipsOf(meta, '460106')).toHaveLength(12);
    expect(townshipsOf(meta, '460105')).toEqual([]);
  });
});
