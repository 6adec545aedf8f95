/**
 * The exported figure: a static, self-contained SVG with title, filters, legend, notes,
 * source and date drawn around the plot. The plot itself is the screen's own component
 * (components/chart/plot-layer.tsx) on the same layout, rendered to static markup, so a file
 * and the screen show the same axes, ticks, colours and marks. Runs in Node too.
 *
 * Every label may come from a server we do not control: frame text goes through `esc`, the
 * plot's through React, and only fixed SVG drawing elements are ever written.
 */
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { layoutBars } from '@/components/chart/bar-layout';
import { BarLayer } from '@/components/chart/bar-layer';
import { layoutPlot } from '@/components/chart/layout';
import { INK, MUTED, PlotLayer } from '@/components/chart/plot-layer';
import { seriesStyles } from '@/components/chart/series-style';
import type { SeriesStyle } from '@/components/chart/series-style';
import { clean, ellipsize, textWidth, wrapText } from '@/components/chart/text-metrics';
import type { ChartSpec } from '@/features/charts/chart-spec';
import { chartLabels } from '@/features/charts/chart-labels';
import { EXPORT_SIZES } from './sizes';
import type { ExportSize } from './sizes';

const SVG_NS = 'http://www.w3.org/2000/svg';
export const FONT_STACK =
  'system-ui, "PingFang SC", "Microsoft YaHei", "Noto Sans CJK SC", "Source Han Sans SC", sans-serif';
const GRID = '#e3e7ee';
const DEMO_TEXT = '演示数据 / Demo data';
const MIN_PLOT = 160;

// ---------------------------------------------------------------- text

const ENTITIES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

export function esc(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ENTITIES[c] ?? c);
}

// ---------------------------------------------------------------- svg helpers

type Attrs = Record<string, string | number | null | undefined>;

const n = (x: number) => String(Math.round(x * 100) / 100);

function el(name: string, attrs: Attrs, body?: string): string {
  const a = Object.entries(attrs)
    .filter((e): e is [string, string | number] => e[1] != null && e[1] !== '')
    .map(([k, v]) => ` ${k}="${typeof v === 'number' ? n(v) : esc(v)}"`)
    .join('');
  return body === undefined ? `<${name}${a}/>` : `<${name}${a}>${body}</${name}>`;
}

const text = (attrs: Attrs, s: string) => el('text', attrs, esc(s));

// ---------------------------------------------------------------- layout and drawing

interface Box {
  left: number;
  right: number;
  top: number;
  bottom: number;
}

function legendRows(spec: ChartSpec, styles: SeriesStyle[], maxWidth: number, maxRows: number) {
  // Lines drawn in colour first: when the legend must be cut, the quiet ones go.
  const items = spec.series
    .map((s, i) => {
      const name = ellipsize(clean(s.name), 12, 200, s.selected);
      return { s, i, name, w: 30 + textWidth(name, 12, s.selected) + 20 };
    })
    .sort((a, b) => Number(styleAt(styles, a.i).quiet) - Number(styleAt(styles, b.i).quiet));
  const rows: (typeof items)[] = [];
  let row: typeof items = [];
  let used = 0;
  for (const it of items) {
    if (row.length > 0 && used + it.w > maxWidth) {
      rows.push(row);
      row = [];
      used = 0;
    }
    row.push(it);
    used += it.w;
  }
  if (row.length > 0) rows.push(row);
  if (rows.length <= maxRows) return { rows, more: '' };
  const kept = rows.slice(0, maxRows);
  const shown = kept.reduce((k, r) => k + r.length, 0);
  const hidden = items.length - shown;
  return { rows: kept, more: chartLabels(spec.lang).more(hidden) };
}

function styleAt(styles: SeriesStyle[], i: number): SeriesStyle {
  return styles[i] ?? { color: '#555', dash: '', width: 2, r: 3, quiet: false };
}

function drawLegend(
  rows: ReturnType<typeof legendRows>,
  styles: SeriesStyle[],
  left: number,
  top: number,
): string {
  const out: string[] = [];
  rows.rows.forEach((row, r) => {
    let x = left;
    const cy = top + r * 20 + 10;
    for (const { s, i, name, w } of row) {
      const st = styleAt(styles, i);
      out.push(
        el('line', {
          x1: x,
          y1: cy,
          x2: x + 24,
          y2: cy,
          stroke: st.color,
          'stroke-width': Math.min(st.width, 3),
          'stroke-dasharray': st.dash,
        }),
        st.r > 0 ? el('circle', { cx: x + 12, cy, r: Math.min(st.r, 3.5), fill: st.color }) : '',
        text(
          {
            x: x + 30,
            y: cy + 4,
            'font-size': 12,
            fill: INK,
            'font-weight': s.selected ? 700 : null,
          },
          name,
        ),
      );
      x += w;
    }
    if (r === rows.rows.length - 1 && rows.more)
      out.push(text({ x, y: cy + 4, 'font-size': 12, fill: MUTED }, rows.more));
  });
  return out.join('');
}

function watermark(box: Box): string {
  const w = box.right - box.left;
  const h = box.bottom - box.top;
  const angle = (-Math.atan2(h, w) * 180) / Math.PI;
  const size = Math.min(60, (0.7 * Math.hypot(w, h)) / (textWidth(DEMO_TEXT, 1, true) || 1));
  const cx = (box.left + box.right) / 2;
  const cy = (box.top + box.bottom) / 2;
  return text(
    {
      x: cx,
      y: cy + size * 0.35,
      'font-size': size,
      'font-weight': 700,
      fill: '#7a8599',
      'fill-opacity': 0.16,
      'text-anchor': 'middle',
      transform: `rotate(${n(angle)} ${n(cx)} ${n(cy)})`,
      'data-watermark': 'demo',
    },
    DEMO_TEXT,
  );
}

export function renderChartSvg(spec: ChartSpec, size: ExportSize = 'wide'): string {
  const { width: W, height: H } = EXPORT_SIZES[size];
  const pad = size === 'wide' ? 28 : 22;
  const contentW = W - 2 * pad;
  const body: string[] = [];

  // Top-down: demo tag, title, subtitle, legend.
  const tagW = textWidth(DEMO_TEXT, 11, true) + 16;
  if (spec.demo) {
    body.push(
      el('rect', {
        x: W - pad - tagW,
        y: pad - 4,
        width: tagW,
        height: 20,
        rx: 3,
        fill: '#fff4e5',
        stroke: '#c2410c',
        'stroke-width': 1,
        'data-demo-tag': 'demo',
      }),
      text(
        {
          x: W - pad - tagW / 2,
          y: pad + 10,
          'font-size': 11,
          'font-weight': 700,
          fill: '#9a3412',
          'text-anchor': 'middle',
        },
        DEMO_TEXT,
      ),
    );
  }
  let top = pad;
  const titleLines = wrapText(spec.title, 20, contentW - (spec.demo ? tagW + 16 : 0), 2, true);
  titleLines.forEach((line, i) =>
    body.push(
      text({ x: pad, y: top + 18 + i * 26, 'font-size': 20, 'font-weight': 700, fill: INK }, line),
    ),
  );
  top += titleLines.length * 26;
  const subLines = wrapText(spec.subtitle, 13, contentW, 2);
  if (subLines.length > 0) top += 4;
  subLines.forEach((line, i) =>
    body.push(text({ x: pad, y: top + 13 + i * 18, 'font-size': 13, fill: MUTED }, line)),
  );
  top += subLines.length * 18;
  if (spec.series.length > 0) {
    top += 12;
    const styles = seriesStyles(spec.series);
    const legend = legendRows(spec, styles, contentW, size === 'wide' ? 2 : 3);
    body.push(drawLegend(legend, styles, pad, top));
    top += legend.rows.length * 20;
  }
  const plotTop = top + 8;

  // Bottom-up: footer notes and caption, then the year axis; the plot gets the rest.
  const entries = [...new Set([...spec.notes, ...spec.captionLines].map(clean))].filter(Boolean);
  const budget = Math.max(0, Math.floor((H - pad - plotTop - MIN_PLOT - 12) / 15));
  let footer = entries.flatMap((e) => wrapText(e, 11, contentW, 3));
  if (footer.length > budget) {
    footer = footer.slice(0, budget);
    const lastLine = footer[budget - 1];
    if (lastLine !== undefined) footer[budget - 1] = ellipsize(`${lastLine}…`, 11, contentW);
  }
  const footerTop = H - pad - footer.length * 15;
  footer.forEach((line, i) =>
    body.push(text({ x: pad, y: footerTop + 11 + i * 15, 'font-size': 11, fill: MUTED }, line)),
  );
  if (footer.length > 0)
    body.push(
      el('line', { x1: pad, y1: footerTop - 8, x2: W - pad, y2: footerTop - 8, stroke: GRID }),
    );
  const plotBottom = (footer.length > 0 ? footerTop - 12 : H - pad) - 4;

  // The plot: the screen's component on the same layout rules, at this file's size.
  const noData = chartLabels(spec.lang).noData;
  let plot: string;
  let area: { left: number; right: number; top: number; bottom: number };
  if (spec.bars) {
    const bars = layoutBars(spec.bars, W - 2 * pad, plotBottom - plotTop);
    plot = renderToStaticMarkup(createElement(BarLayer, { layout: bars, noData }));
    area = bars.plot;
  } else {
    const layout = layoutPlot(spec, W - 2 * pad + 10, plotBottom - plotTop);
    plot = renderToStaticMarkup(createElement(PlotLayer, { layout, noData }));
    area = layout.plot;
  }
  body.push(`<g transform="translate(${n(pad)} ${n(plotTop)})">${plot}</g>`);
  const box: Box = {
    left: pad + area.left,
    right: pad + area.right,
    top: plotTop + area.top,
    bottom: plotTop + area.bottom,
  };
  if (spec.demo) body.push(watermark(box));

  return [
    `<svg xmlns="${SVG_NS}" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}" font-family="${esc(FONT_STACK)}" font-variant-numeric="tabular-nums">`,
    // No <style> element: a page CSP without 'unsafe-inline' also governs the SVG when it is
    // decoded as an image for the PNG, and presentation attributes need no permission.
    el('title', {}, esc(clean(spec.title))),
    spec.summary ? el('desc', {}, esc(clean(spec.summary))) : '',
    el('rect', { x: 0, y: 0, width: W, height: H, fill: '#fff' }),
    ...body,
    '</svg>',
  ].join('');
}
