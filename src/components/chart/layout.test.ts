import { describe, expect, it } from 'vitest';
import { layoutPlot } from './layout';
import type { PlotInput } from './layout';
import { FONT } from './layout';
import { textWidth } from './text-metrics';

const input = (over: Partial<PlotInput> = {}): PlotInput => ({
  years: [2016, 2017, 2018, 2019, 2020, 2021, 2022],
  series: [
    {
      id: 'a',
      name: '甲',
      selected: true,
      values: [152, 96, 41, 10, null, 6, 5],
      provisional: [false, false, false, false, false, false, true],
    },
    {
      id: 'b',
      name: '乙',
      selected: false,
      values: [80, 70, 60, 50, 40, 30, 20],
      provisional: Array(7).fill(false) as boolean[],
    },
  ],
  unit: { unit: 'count' },
  reversed: false,
  rankOf: null,
  yLabel: '人数（人）',
  formatTick: String,
  band: { from: 2017, to: 2019, label: '大会战期间' },
  baseline: { year: 2016, label: '基线年' },
  ...over,
});

describe('plot layout', () => {
  it.each([360, 800, 1400])('puts the band and baseline labels above the plot at %i px', (w) => {
    const layout = layoutPlot(input(), w, 320);
    expect(layout.strip.map((l) => l.text).sort()).toEqual(['基线年', '大会战期间']);
    for (const l of layout.strip) expect(l.y).toBeLessThan(layout.plot.top);
    // Nothing drawn in the plot comes up into the strip.
    for (const s of layout.series)
      for (const m of s.marks) expect(m.y).toBeGreaterThan(layout.plot.top - 0.01);
  });

  it('breaks a line at a missing year and marks the provisional one', () => {
    const a = layoutPlot(input(), 800, 320).series.find((s) => s.id === 'a');
    expect(a?.segments).toHaveLength(2);
    expect(a?.marks.map((m) => m.provisional)).toEqual([false, false, false, false, false, true]);
  });

  it('draws the chosen series last, on top', () => {
    expect(layoutPlot(input(), 800, 320).series.map((s) => s.id)).toEqual(['b', 'a']);
  });

  it('puts rank 1 at the top and runs the axis to the number ranked', () => {
    const layout = layoutPlot(
      input({
        reversed: true,
        unit: null,
        rankOf: 18,
        band: null,
        baseline: null,
        series: [
          {
            id: 'a',
            name: '甲',
            selected: true,
            values: [1, 1, 2, 1, 1, 1, 1],
            provisional: Array(7).fill(false) as boolean[],
          },
        ],
      }),
      800,
      360,
    );
    const one = layout.yTicks.find((t) => t.value === 1);
    expect(one?.y).toBe(layout.plot.top);
    expect(Math.max(...layout.yTicks.map((t) => t.value))).toBeGreaterThanOrEqual(18);
    expect(layout.strip).toHaveLength(0);
  });

  it('thins year labels on a narrow chart so they do not collide', () => {
    const years = Array.from({ length: 20 }, (_, i) => 2003 + i);
    const layout = layoutPlot(input({ years, series: [], band: null, baseline: null }), 300, 240);
    const xs = layout.xTicks.map((t) => t.x);
    for (let i = 1; i < xs.length; i++) expect((xs[i] ?? 0) - (xs[i - 1] ?? 0)).toBeGreaterThan(30);
    expect(layout.empty).toBe(true);
  });

  it('keeps a title that fits on one line, where it always was', () => {
    const layout = layoutPlot(input(), 600, 260);
    expect(layout.yTitle.lines).toEqual([{ text: '人数（人）', x: 9 }]);
    const tickW = Math.max(...layout.yTicks.map((t) => textWidth(t.label, FONT.tick)));
    expect(layout.plot.left).toBe(20 + tickW + 6);
  });

  it('puts a long title on two lines in full, left of the tick labels, rather than cut it', () => {
    // The programmes view's chart (260 high) in English: one line took "arres… (people)".
    const yLabel = 'Drug crime suspects arrested (people)';
    const layout = layoutPlot(input({ yLabel }), 600, 260);
    const lines = layout.yTitle.lines;
    expect(lines).toHaveLength(2);
    expect(lines.map((l) => l.text).join(' ')).toBe(yLabel);
    const room = layout.plot.bottom - layout.plot.top + 20;
    for (const l of lines) expect(textWidth(l.text, FONT.label)).toBeLessThanOrEqual(room);
    // The second line (its descenders too) ends before the widest tick label starts.
    const tickW = Math.max(...layout.yTicks.map((t) => textWidth(t.label, FONT.tick)));
    const [first, second] = lines;
    expect((second?.x ?? 0) - (first?.x ?? 0)).toBeGreaterThanOrEqual(FONT.label);
    expect((second?.x ?? Infinity) + 4).toBeLessThanOrEqual(layout.plot.left - 6 - tickW);
  });

  it('cuts a title only when two lines are not enough, keeping its unit', () => {
    const yLabel = `${'Drug crime suspects arrested '.repeat(4)}(people)`;
    const lines = layoutPlot(input({ yLabel }), 600, 260).yTitle.lines.map((l) => l.text);
    expect(lines).toHaveLength(2);
    expect(lines[0]).not.toContain('…');
    expect(lines[1]).toMatch(/… \(people\)$/);
  });
});
