import { describe, expect, it } from 'vitest';
import {
  COLORS,
  DISTINGUISHABLE,
  QUIET,
  REFERENCE,
  regionLook,
  seriesStyles,
} from './series-style';

const s = (id: string, selected = false, reference = false) => ({ id, selected, reference });
const key = (st: { color: string; dash: string }) => `${st.color}|${st.dash}`;

describe('series styles', () => {
  it('gives a region the same look in every chart, whatever its neighbours and order', () => {
    const a = seriesStyles([s('460105'), s('460106'), s('460107')]);
    const b = seriesStyles([s('460107'), s('999'), s('460106')]);
    expect(key(a[1] ?? QUIET_LOOK)).toBe(key(b[2] ?? QUIET_LOOK));
    expect(key(a[2] ?? QUIET_LOOK)).toBe(key(b[0] ?? QUIET_LOOK));
    expect(key(a[1] ?? QUIET_LOOK)).toBe(key(regionLook('460106')));
  });

  it('never gives two series of one chart the same look', () => {
    for (let n = 2; n <= DISTINGUISHABLE; n++) {
      const ids = Array.from({ length: n }, (_, i) => `r${String(i * 7919)}`);
      const looks = seriesStyles(ids.map((id) => s(id))).map(key);
      expect(new Set(looks).size).toBe(n);
    }
  });

  it('uses different colours, not only dashes, while there are colours left', () => {
    const ids = Array.from({ length: COLORS.length }, (_, i) => `region-${String(i * 31)}`);
    const colours = seriesStyles(ids.map((id) => s(id))).map((st) => st.color);
    expect(new Set(colours).size).toBe(COLORS.length);
  });

  it('draws the parent region as a neutral dark reference line', () => {
    const [parent, child] = seriesStyles([s('city', false, true), s('a')]);
    expect(parent?.color).toBe(REFERENCE);
    expect(child?.color).not.toBe(REFERENCE);
  });

  it('makes unchosen lines quiet when there are more than can be told apart', () => {
    const many = Array.from({ length: DISTINGUISHABLE + 3 }, (_, i) => s(`t${String(i)}`, i === 4));
    const styles = seriesStyles(many);
    expect(styles.filter((st) => st.quiet)).toHaveLength(many.length - 1);
    expect(styles[4]?.color).toBe(regionLook('t4').color);
    expect(styles[4]?.width).toBeGreaterThan(styles[0]?.width ?? 0);
    expect(styles[0]?.color).toBe(QUIET);
  });
});

const QUIET_LOOK = { color: '', dash: '' };
