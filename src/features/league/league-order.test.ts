// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { bandSize, leagueOrder } from './league-order';

const item = (id: string, value: number | null, suppressedBelow: number | null = null) => ({
  id,
  value,
  suppressedBelow,
});
const summary = (entries: ReturnType<typeof leagueOrder>) =>
  entries.map((e) =>
    e.status === 'ranked' ? `${e.item.id}:${e.rank}:${e.band}` : `${e.item.id}:${e.status}`,
  );

describe('leagueOrder', () => {
  it('puts the smallest first when lower is better, and the largest first otherwise', () => {
    const items = [item('a', 3), item('b', 1), item('c', 2)];
    expect(leagueOrder(items, 'lower').map((e) => e.item.id)).toEqual(['b', 'c', 'a']);
    expect(leagueOrder(items, 'higher').map((e) => e.item.id)).toEqual(['a', 'c', 'b']);
    expect(leagueOrder(items, 'neutral').map((e) => e.item.id)).toEqual(['a', 'c', 'b']);
  });

  it('gives ties the same place and skips the next (1, 1, 3), keeping input order in a tie', () => {
    const entries = leagueOrder([item('a', 5), item('b', 2), item('c', 2), item('d', 9)], 'lower');
    expect(entries.map((e) => (e.status === 'ranked' ? [e.item.id, e.rank] : null))).toEqual([
      ['b', 1],
      ['c', 1],
      ['a', 3],
      ['d', 4],
    ]);
  });

  it('lists suppressed values after the ranked ones, unranked, and missing ones last', () => {
    const entries = leagueOrder(
      [item('m', null), item('s', null, 5), item('a', 0), item('b', 7), item('z', 6)],
      'lower',
    );
    expect(summary(entries)).toEqual([
      'a:1:top',
      'z:2:middle',
      'b:3:bottom',
      's:suppressed',
      'm:missing',
    ]);
  });

  it('never ranks a suppressed cell even if a value leaked through with it', () => {
    const entries = leagueOrder([item('a', 3), item('s', 1, 5)], 'lower');
    expect(summary(entries)).toEqual(['a:1:none', 's:suppressed']);
  });

  it('marks the top and bottom quarter, but nothing for a neutral indicator or a level field', () => {
    const items = [1, 2, 3, 4, 5, 6, 7, 8].map((v) => item(`r${String(v)}`, v));
    const bands = (better: 'lower' | 'neutral') =>
      leagueOrder(items, better).map((e) => (e.status === 'ranked' ? e.band : e.status));
    expect(bands('lower')).toEqual([
      'top',
      'top',
      'middle',
      'middle',
      'middle',
      'middle',
      'bottom',
      'bottom',
    ]);
    expect(new Set(bands('neutral'))).toEqual(new Set(['none']));
    const same = leagueOrder([item('a', 1), item('b', 1), item('c', 1)], 'higher');
    expect(same.map((e) => (e.status === 'ranked' ? `${String(e.rank)}${e.band}` : ''))).toEqual([
      '1middle',
      '1middle',
      '1middle',
    ]);
  });

  it('sizes the lists by about a quarter of the ranked places, none below three', () => {
    expect([1, 2, 3, 4, 11, 40].map(bandSize)).toEqual([0, 0, 1, 1, 3, 5]);
  });

  it('treats zero as a value, never as missing', () => {
    const entries = leagueOrder([item('z', 0), item('m', null)], 'higher');
    expect(summary(entries)).toEqual(['z:1:none', 'm:missing']);
  });
});
