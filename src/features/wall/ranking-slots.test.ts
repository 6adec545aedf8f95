import { describe, expect, it } from 'vitest';
import { rankingSlots } from './ranking-slots';

const text = (slots: ReturnType<typeof rankingSlots>) =>
  slots.map((s) => (s.kind === 'row' ? String(s.index) : `+${s.count}`)).join(' ');

describe('rankingSlots', () => {
  it('shows every row when they fit', () => {
    expect(text(rankingSlots(4, 12, 2))).toBe('0 1 2 3');
  });

  it('keeps the first and the last rows, the middle told as a count', () => {
    expect(text(rankingSlots(11, 8, null))).toBe('0 1 2 3 +4 8 9 10');
    expect(text(rankingSlots(11, 8, 9))).toBe('0 1 2 3 +4 8 9 10');
  });

  it('keeps the region on show in sight, between two counts', () => {
    expect(text(rankingSlots(11, 8, 5))).toBe('0 1 2 +2 5 +3 9 10');
    expect(text(rankingSlots(11, 8, 3))).toBe('0 1 2 3 +4 8 9 10');
    expect(text(rankingSlots(11, 8, 4))).toBe('0 1 2 +1 4 +4 9 10');
  });
});
