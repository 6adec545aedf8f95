import { describe, expect, it } from 'vitest';
import { parsedDemoMeta } from '@/test/fixtures';
import { cellText, suppressSmallCounts } from './suppress';
import type { Observation } from '@contract/types';

const meta = parsedDemoMeta();
const newUsers = meta.indicators.find((i) => i.id === 'new-users');
const share = meta.indicators.find((i) => i.id === 'abstinent-3y-share');
const obs = (indicator: string, region: string, value: number | null): Observation => ({
  indicator,
  region,
  year: 2019,
  value,
  target: null,
  provisional: false,
  note: null,
  suppressedBelow: null,
});

describe('small-count suppression', () => {
  const list = [
    obs('new-users', '460106007', 2), // township count below 5: hidden
    obs('new-users', '460106007', 0), // zero reveals no one: kept
    obs('new-users', '460106008', 5), // at the threshold: kept
    obs('new-users', '460106', 3), // district: kept
    obs('abstinent-3y-share', '460106007', 2), // a percentage, not a count: kept
  ];

  it('hides township counts with 0 < v < N and nothing else', () => {
    const out = suppressSmallCounts(list, meta, 5);
    expect(out.map((o) => o.value)).toEqual([null, 0, 5, 3, 2]);
    expect(out.map((o) => o.suppressedBelow)).toEqual([5, null, null, null, null]);
  });

  it('is off without a threshold', () => {
    expect(suppressSmallCounts(list, meta, null)).toBe(list);
  });

  it('shows a hidden cell as "<N" and a missing one as "—"', () => {
    const [hidden] = suppressSmallCounts(list, meta, 5);
    if (!newUsers || !share || !hidden) throw new Error('demo meta changed');
    expect(cellText(hidden, newUsers, 'zh')).toBe('<5');
    expect(cellText(obs('new-users', '460106007', null), newUsers, 'en')).toBe('—');
    expect(cellText(obs('new-users', '460106', 12), newUsers, 'zh')).toBe('12人');
  });
});
