/**
 * The screen and the exported file draw one figure: the same value ticks, years, colours,
 * widths and values, read back from each drawing's own coordinates.
 */
import { screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { renderApp, startDemoServer } from '@/test/render-app';

startDemoServer();
afterEach(() => vi.restoreAllMocks());

interface Drawing {
  yTicks: string[];
  years: string[];
  series: { id: string; stroke: string; width: string; values: number[]; hollow: boolean[] }[];
}

/** Reads a plot back: values come from each circle's y through the plot's own tick lines. */
function readPlot(plot: Element): Drawing {
  const tickGroups = [...plot.querySelectorAll('.plot-y-axis > g')];
  const ticks = tickGroups.map((g) => ({
    label: g.querySelector('text')?.textContent ?? '',
    y: Number(g.querySelector('line')?.getAttribute('y1')),
  }));
  const first = ticks[0];
  const last = ticks[ticks.length - 1];
  if (!first || !last) throw new Error('no ticks');
  const v0 = Number(first.label.replace(/,/g, ''));
  const v1 = Number(last.label.replace(/,/g, ''));
  const valueAt = (y: number) => v0 + ((y - first.y) / (last.y - first.y)) * (v1 - v0);
  return {
    yTicks: ticks.map((t) => t.label),
    years: [...plot.querySelectorAll('.plot-x-axis text')].map((t) => t.textContent),
    series: [...plot.querySelectorAll('g[data-series]')].map((g) => {
      const line = g.querySelector('polyline');
      const dots = [...g.querySelectorAll('circle')];
      return {
        id: g.getAttribute('data-series') ?? '',
        stroke: line?.getAttribute('stroke') ?? '',
        width: line?.getAttribute('stroke-width') ?? '',
        values: dots.map((c) => Math.round(valueAt(Number(c.getAttribute('cy'))) * 100) / 100),
        hollow: dots.map((c) => c.getAttribute('fill') === '#fff'),
      };
    }),
  };
}

describe('one figure on screen and in the file', () => {
  it('has the same ticks, years, looks and values in the SVG export as on screen', async () => {
    let saved: Blob | null = null;
    vi.spyOn(URL, 'createObjectURL').mockImplementation((blob) => {
      saved = blob as Blob;
      return 'blob:test';
    });
    vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => undefined);
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => undefined);
    const { user } = renderApp(
      '/?view=trends&indicator=new-users&district=460106&town=460106001,460106003',
    );
    const title = '新发现吸毒人员：龙华区各镇/街道对比';
    const figure = await screen.findByRole('figure', { name: title });
    const onScreen = readPlot(figure.querySelector('.line-chart__plot svg .plot') as Element);

    await user.click(within(figure).getByRole('button', { name: `导出“${title}”` }));
    await user.click(within(figure).getByRole('button', { name: 'SVG 矢量图' }));
    await waitFor(() => expect(saved).not.toBeNull());
    const text = await (saved as unknown as Blob).text();
    const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
    const inFile = readPlot(doc.querySelector('.plot') as Element);

    expect(onScreen.yTicks.length).toBeGreaterThanOrEqual(3);
    expect(inFile.yTicks).toEqual(onScreen.yTicks);
    expect(inFile.years).toEqual(onScreen.years);
    expect(inFile.series).toEqual(onScreen.series);
    // Eleven townships: the two chosen take colours, the rest are quiet; 2022 is provisional.
    const chosen = onScreen.series.filter((s) => s.width === '3.5');
    expect(chosen.map((s) => s.id).sort()).toEqual(['460106001', '460106003']);
    expect(new Set(chosen.map((s) => s.stroke)).size).toBe(2);
    expect(chosen[0]?.hollow.at(-1)).toBe(true);
  });
});

/** Reads a league back: tick labels, and each row's region, colour, mark and bar value. */
function readBars(plot: Element) {
  const ticks = [...plot.querySelectorAll('.bar-x-axis > g')].map((g) => ({
    label: g.querySelector('text')?.textContent ?? '',
    x: Number(g.querySelector('line')?.getAttribute('x1')),
  }));
  const first = ticks[0];
  const last = ticks[ticks.length - 1];
  if (!first || !last) throw new Error('no ticks');
  const perPx = (Number(last.label) - Number(first.label)) / (last.x - first.x);
  return {
    ticks: ticks.map((t) => t.label),
    key: [...plot.querySelectorAll('[data-key]')].map((k) => k.textContent),
    rows: [...plot.querySelectorAll('g.bar-row')].map((g) => {
      const bar = g.querySelector('rect.bar');
      return {
        id: g.getAttribute('data-region'),
        selected: g.getAttribute('data-selected'),
        fill: bar?.getAttribute('fill') ?? null,
        value: bar ? Math.round(Number(bar.getAttribute('width')) * perPx * 100) / 100 : null,
        words: [...g.querySelectorAll('text')].map((t) => t.textContent).join(' '),
      };
    }),
  };
}

describe('one league on screen and in the file', () => {
  it('has the same ticks, order, colours, marks, lengths and words in the SVG as on screen', async () => {
    let saved: Blob | null = null;
    vi.spyOn(URL, 'createObjectURL').mockImplementation((blob) => {
      saved = blob as Blob;
      return 'blob:test';
    });
    vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => undefined);
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => undefined);
    const { user } = renderApp('/?view=league&indicator=new-users&district=460106&year=2019');
    const title = '新发现吸毒人员：各区红黑榜';
    const figure = await screen.findByRole('figure', { name: title });
    const onScreen = readBars(figure.querySelector('.bar-chart svg .bars') as Element);

    await user.click(within(figure).getByRole('button', { name: `导出“${title}”` }));
    await user.click(within(figure).getByRole('button', { name: 'SVG 矢量图' }));
    await waitFor(() => expect(saved).not.toBeNull());
    const text = await (saved as unknown as Blob).text();
    const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
    const inFile = readBars(doc.querySelector('.bars') as Element);

    expect(onScreen.ticks).toEqual(['0', '2', '4', '6', '8', '10']);
    expect(inFile).toEqual(onScreen);
    expect(onScreen.rows.map((r) => [r.id, r.value, r.selected])).toEqual([
      ['460105', 5, null],
      ['460107', 8, null],
      ['460106', 10, 'true'],
      ['460108', 10, null],
    ]);
    expect(onScreen.key).toEqual(['红榜（前1名）', '黑榜（后1名）']);
  });
});
