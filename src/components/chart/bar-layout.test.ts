// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { layoutBars, NARROW } from './bar-layout';
import type { BarPlotInput, BarRowInput } from './bar-layout';
import { BAR_FONT } from './bar-layout';
import { textWidth } from './text-metrics';

const row = (id: string, value: number | null, extra: Partial<BarRowInput> = {}): BarRowInput => ({
  id,
  name: `Region ${id}`,
  rank: value === null ? '' : '1',
  value,
  valueText: value === null ? 'No data' : String(value),
  changeText: '',
  changeTone: 'plain',
  target: null,
  targetText: '',
  tone: 'none',
  selected: false,
  ...extra,
});
const input = (rows: BarRowInput[], wholeNumbers = true): BarPlotInput => ({
  rows,
  axisLabel: 'Cases',
  formatTick: (v) => String(v),
  wholeNumbers,
  key: { top: null, bottom: null, target: null },
});

describe('layoutBars', () => {
  it('measures bars from zero with 1-2-5 ticks, in input order, top to bottom', () => {
    const l = layoutBars(input([row('a', 40), row('b', 95), row('c', 120)]), 900);
    expect(l.ticks.ticks).toEqual([0, 50, 100, 150]);
    expect(l.rows.map((r) => r.id)).toEqual(['a', 'b', 'c']);
    const [a, b] = l.rows;
    expect(a?.bar?.x).toBe(l.zeroX);
    expect(a && b && a.top < b.top).toBe(true);
    // Lengths in proportion to values: 95 is 2.375 times 40.
    expect((b?.bar?.w ?? 0) / (a?.bar?.w ?? 1)).toBeCloseTo(95 / 40, 1);
  });

  it('keeps whole-number axes in steps of one at least, even when every value is zero', () => {
    expect(layoutBars(input([row('a', 0), row('b', 0)]), 900).ticks.ticks).toEqual([0, 1]);
    expect(layoutBars(input([row('a', 0), row('b', 3)]), 900).ticks.ticks).toEqual([0, 1, 2, 3]);
    expect(layoutBars(input([row('a', 0.2)], false), 900).ticks.ticks).toEqual([
      0, 0.05, 0.1, 0.15, 0.2,
    ]);
  });

  it('draws no bar for a missing or suppressed row, and its words after the zero line', () => {
    const l = layoutBars(input([row('a', 5), row('s', null, { valueText: '<5' })]), 900);
    const s = l.rows[1];
    expect(s?.bar).toBeNull();
    expect(s?.value.text).toBe('<5');
    expect(s?.value.muted).toBe(true);
    expect(s?.value.x).toBeGreaterThan(l.zeroX);
  });

  it('stretches the axis to a target beyond every value and marks it on its row', () => {
    const l = layoutBars(input([row('a', 96, { target: 100, targetText: 'Missed' })], false), 900);
    expect(l.ticks.hi).toBeGreaterThanOrEqual(100);
    const a = l.rows[0];
    expect(a?.target?.x).toBeGreaterThan((a?.bar?.x ?? 0) + (a?.bar?.w ?? 0));
    // The words start after the target mark, not across it.
    expect(a?.value.x).toBeGreaterThan(a?.target?.x ?? Infinity);
    expect(a?.met?.text).toBe('Missed');
  });

  it('puts the name above its bar on a phone, and beside it on a wide screen', () => {
    const rows = [row('a', 10, { changeText: '▼ 5.0% better', targetText: 'Met' })];
    const wide = layoutBars(input(rows), 900).rows[0];
    const phone = layoutBars(input(rows), NARROW - 130).rows[0];
    expect(wide && wide.name.y === wide.value.y && wide.name.x < (wide.bar?.x ?? 0)).toBe(true);
    expect(phone && phone.name.y < (phone.bar?.y ?? 0)).toBe(true);
    expect(phone?.change?.anchor).toBe('end');
    expect(phone?.met?.x).toBeLessThanOrEqual(NARROW - 130);
  });

  it('puts the words under the bar on a phone when a name and its words would not fit', () => {
    const long = '▲ 2.3 percentage points better';
    const rows = [
      row('a', 10, { name: 'Jinmao Subdistrict', changeText: long, targetText: 'met' }),
    ];
    const phone = layoutBars(input(rows), 350).rows[0];
    expect(phone?.name.text).toBe('Jinmao Subdistrict');
    expect(phone?.change?.y).toBeGreaterThan((phone?.bar?.y ?? 0) + (phone?.bar?.h ?? 0));
    expect(phone?.met?.x).toBeGreaterThan(phone?.change?.x ?? Infinity);
  });

  it('fits the rows into a file of fixed height', () => {
    const many = Array.from({ length: 20 }, (_, i) => row(String(i), i));
    const l = layoutBars(input(many), 900, 360);
    expect(l.height).toBe(360);
    expect(l.axisTitle[0]?.y).toBeLessThanOrEqual(360);
  });

  it('puts a long axis title on two lines in full on a phone, and makes room for them', () => {
    const rows = [row('a', 10), row('b', 20)];
    const axisLabel = 'Entertainment venues suspended (cumulative) (businesses)';
    const short = layoutBars(input(rows), 340);
    const long = layoutBars({ ...input(rows), axisLabel }, 340);
    expect(short.axisTitle.map((l) => l.text)).toEqual(['Cases']);
    const lines = long.axisTitle;
    expect(lines).toHaveLength(2);
    expect(lines.map((l) => l.text).join(' ')).toBe(axisLabel);
    for (const l of lines) {
      const w = textWidth(l.text, BAR_FONT.title);
      expect(l.x - w / 2).toBeGreaterThanOrEqual(0);
      expect(l.x + w / 2).toBeLessThanOrEqual(340);
    }
    // The second line goes under the first and the chart grows by it; the rows stay as they were.
    expect((lines[1]?.y ?? 0) - (lines[0]?.y ?? 0)).toBeGreaterThanOrEqual(BAR_FONT.title);
    expect(long.height - short.height).toBe((lines[1]?.y ?? 0) - (lines[0]?.y ?? 0));
    expect(long.rows.map((r) => r.top)).toEqual(short.rows.map((r) => r.top));
    // In a file of fixed height the rows give up the room instead.
    const file = layoutBars({ ...input(rows), axisLabel }, 340, 200);
    expect(file.height).toBe(200);
    expect((file.axisTitle[1]?.y ?? Infinity) + 4).toBeLessThanOrEqual(200);
  });
});
