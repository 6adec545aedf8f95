/**
 * The exported figure: a static, self-contained SVG string with title, filters, legend,
 * chart, notes, source and date drawn inside it (recharts draws its legend as HTML, so the
 * screen chart cannot be exported as is). Pure string building, so it runs in Node too.
 *
 * Every label may come from a server we do not control: all text goes through `esc`, and
 * only fixed SVG drawing elements are ever written.
 */
import type { ChartSpec } from '@/features/charts/chart-spec';
import { seriesStyles } from '@/components/palette';
import type { SeriesStyle } from '@/components/palette';
import { EXPORT_SIZES } from './sizes';
import type { ExportSize } from './sizes';

const SVG_NS = 'http://www.w3.org/2000/svg';
export const FONT_STACK =
  'system-ui, "PingFang SC", "Microsoft YaHei", "Noto Sans CJK SC", "Source Han Sans SC", sans-serif';
const INK = '#1a2233';
const MUTED = '#5b6472';
const AXIS = '#41506b';
const GRID = '#e3e7ee';
const BAND = '#dbe6f7';
const DEMO_TEXT = '演示数据 / Demo data';
const MIN_PLOT = 130;

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

/**
 * One line of plain text: drops characters XML 1.0 forbids (control characters, lone
 * surrogates — they would break the parser and `encodeURIComponent`) and folds whitespace.
 */
export function clean(s: string): string {
  let out = '';
  for (const ch of s) {
    const c = ch.codePointAt(0) ?? 0;
    const forbidden =
      (c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d) ||
      (c >= 0xd800 && c <= 0xdfff) ||
      c === 0xfffe ||
      c === 0xffff;
    if (!forbidden) out += ch;
  }
  return out.replace(/\s+/g, ' ').trim();
}

function isWide(c: number): boolean {
  return (
    (c >= 0x1100 && c <= 0x115f) ||
    (c >= 0x2e80 && c <= 0xa4cf) ||
    (c >= 0xac00 && c <= 0xd7a3) ||
    (c >= 0xf900 && c <= 0xfaff) ||
    (c >= 0xfe30 && c <= 0xfe4f) ||
    (c >= 0xff00 && c <= 0xff60) ||
    (c >= 0xffe0 && c <= 0xffe6) ||
    c >= 0x1f300
  );
}

/** Estimated advance width: CJK ≈ 1em, anything else ≈ 0.55em (no font metrics in Node). */
export function textWidth(s: string, size: number, bold = false): number {
  let em = 0;
  for (const ch of s) em += isWide(ch.codePointAt(0) ?? 0) ? 1 : 0.55;
  return em * size * (bold ? 1.06 : 1);
}

/** Punctuation that must not start a line (Chinese line-breaking rules). */
const NO_LINE_START = new Set(Array.from('，。、：；！？）》」』】〉,.;:!?)%‰'));

function tokens(s: string): string[] {
  const out: string[] = [];
  let word = '';
  for (const ch of s) {
    if (ch === ' ' || isWide(ch.codePointAt(0) ?? 0) || NO_LINE_START.has(ch)) {
      if (word) out.push(word);
      word = '';
      out.push(ch);
    } else word += ch;
  }
  if (word) out.push(word);
  return out;
}

export function ellipsize(s: string, size: number, maxWidth: number, bold = false): string {
  if (textWidth(s, size, bold) <= maxWidth) return s;
  const chars = Array.from(s);
  while (chars.length > 0 && textWidth(`${chars.join('')}…`, size, bold) > maxWidth) chars.pop();
  return `${chars.join('').trimEnd()}…`;
}

/** Greedy wrap: CJK breaks between any characters, other scripts at spaces. */
export function wrapText(
  s: string,
  size: number,
  maxWidth: number,
  maxLines: number,
  bold = false,
): string[] {
  const fits = (t: string) => textWidth(t, size, bold) <= maxWidth;
  const lines: string[] = [];
  let cur = '';
  const flush = () => {
    if (cur.trim()) lines.push(cur.trim());
    cur = '';
  };
  for (const tok of tokens(clean(s))) {
    if (tok === ' ') {
      if (cur) cur += ' ';
      continue;
    }
    if (cur.trim() && !fits(cur + tok) && !NO_LINE_START.has(tok)) flush();
    if (!cur.trim() && !fits(tok)) {
      // An overlong word (a URL, an id) is broken wherever it has to be.
      let piece = '';
      for (const ch of tok) {
        if (piece && !fits(piece + ch)) {
          lines.push(piece);
          piece = '';
        }
        piece += ch;
      }
      cur = piece;
      continue;
    }
    cur += tok;
  }
  flush();
  if (lines.length <= maxLines) return lines;
  const kept = lines.slice(0, maxLines);
  kept[maxLines - 1] = ellipsize(`${kept[maxLines - 1] ?? ''}…`, size, maxWidth, bold);
  return kept;
}

// ---------------------------------------------------------------- scales

export function niceStep(raw: number): number {
  if (!(raw > 0) || !Number.isFinite(raw)) return 1;
  const p = 10 ** Math.floor(Math.log10(raw));
  const f = raw / p;
  return (f <= 1 ? 1 : f <= 2 ? 2 : f <= 2.5 ? 2.5 : f <= 5 ? 5 : 10) * p;
}

const tidy = (x: number) => parseFloat(x.toPrecision(12));

export interface Ticks {
  lo: number;
  hi: number;
  ticks: number[];
}

/** Ranks: 1 at the top, whole numbers only. */
export function rankTicks(maxRank: number, target: number): Ticks {
  const max = Math.max(2, Math.ceil(maxRank));
  let step = Math.max(1, niceStep((max - 1) / target));
  if (step === 2.5) step = 2;
  if (step <= 2) {
    const hi = 1 + Math.ceil((max - 1) / step) * step;
    const ticks = Array.from({ length: (hi - 1) / step + 1 }, (_, i) => 1 + i * step);
    return { lo: 1, hi, ticks };
  }
  const hi = Math.ceil(max / step) * step;
  const ticks = [1];
  for (let v = step; v <= hi; v += step) ticks.push(v);
  return { lo: 1, hi, ticks };
}

/** Nice 1/2/2.5/5×10ⁿ steps covering [min, max]. */
export function niceTicks(min: number, max: number, target: number): Ticks {
  let a = min;
  let b = max;
  if (a === b) {
    const d = a === 0 ? 1 : Math.abs(a) * 0.1;
    a = a === 0 ? 0 : a - d;
    b += d;
  }
  const step = niceStep((b - a) / target);
  const lo = tidy(Math.floor(a / step + 1e-9) * step);
  const hi = tidy(Math.ceil(b / step - 1e-9) * step);
  const ticks: number[] = [];
  for (let i = 0; lo + i * step <= hi + step * 1e-6; i++) ticks.push(tidy(lo + i * step));
  return { lo, hi, ticks };
}

function valueTicks(spec: ChartSpec, values: number[], target: number): Ticks {
  if (values.length === 0) return spec.reversed ? rankTicks(2, target) : niceTicks(0, 1, target);
  const min = Math.min(...values);
  const max = Math.max(...values);
  if (spec.reversed) return rankTicks(max, target);
  // Counts, money and weights start at zero so that change is not exaggerated; rates and
  // scores crowded far from zero keep a tight axis, or their lines would be flattened.
  const unit = spec.unit?.unit;
  const rateLike = unit === 'percent' || unit === 'permille' || unit === 'score';
  const zero = min >= 0 && (!rateLike || min <= 0.6 * max);
  return niceTicks(zero ? 0 : min, max, target);
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

function legendRows(spec: ChartSpec, maxWidth: number, maxRows: number, lang: 'zh' | 'en') {
  const items = spec.series.map((s, i) => {
    const name = ellipsize(clean(s.name), 12, 200, s.selected);
    return { s, i, name, w: 30 + textWidth(name, 12, s.selected) + 20 };
  });
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
  return { rows: kept, more: lang === 'zh' ? `另有 ${hidden} 项` : `+${hidden} more` };
}

function styleAt(styles: SeriesStyle[], i: number): SeriesStyle {
  return styles[i] ?? { color: '#555', dash: '', width: 2 };
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
        el('circle', { cx: x + 12, cy, r: s.selected ? 3.5 : 3, fill: st.color }),
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

/** Consecutive non-null runs: a null is a gap, never a zero and never bridged. */
export function segments(values: readonly (number | null)[]): { start: number; vals: number[] }[] {
  const out: { start: number; vals: number[] }[] = [];
  values.forEach((v, i) => {
    const last = out[out.length - 1];
    if (v === null || !Number.isFinite(v)) return;
    if (last && last.start + last.vals.length === i) last.vals.push(v);
    else out.push({ start: i, vals: [v] });
  });
  return out;
}

function drawPlot(spec: ChartSpec, box: Box, ticks: Ticks): string {
  const out: string[] = [];
  const { years } = spec;
  const first = years[0] ?? 0;
  const last = years[years.length - 1] ?? first;
  const inner = 20;
  const x = (year: number) =>
    last === first
      ? (box.left + box.right) / 2
      : box.left + inner + ((year - first) / (last - first)) * (box.right - box.left - 2 * inner);
  const span = ticks.hi - ticks.lo || 1;
  const y = (v: number) =>
    spec.reversed
      ? box.top + ((v - ticks.lo) / span) * (box.bottom - box.top)
      : box.bottom - ((v - ticks.lo) / span) * (box.bottom - box.top);

  // Campaign band, under everything else.
  const labels: { x: number; anchor: 'start' | 'middle' | 'end'; w: number; s: string }[] = [];
  if (spec.band) {
    const x0 = Math.max(box.left, x(spec.band.from));
    const x1 = Math.min(box.right, x(spec.band.to));
    const w = Math.max(12, x1 - x0);
    const cx = (x0 + x1) / 2;
    out.push(
      el('rect', {
        x: cx - w / 2,
        y: box.top,
        width: w,
        height: box.bottom - box.top,
        fill: BAND,
        'fill-opacity': 0.6,
      }),
    );
    const s = ellipsize(clean(spec.band.label), 11, Math.max(w, 80));
    labels.push({ x: cx, anchor: 'middle', w: textWidth(s, 11), s });
  }
  // Gridlines and value ticks.
  for (const t of ticks.ticks) {
    const ty = y(t);
    const strong = !spec.reversed && t === 0;
    out.push(
      el('line', {
        x1: box.left,
        y1: ty,
        x2: box.right,
        y2: ty,
        stroke: strong ? '#aab3c2' : GRID,
        'stroke-width': 1,
      }),
    );
    out.push(
      text(
        { x: box.left - 8, y: ty + 4, 'font-size': 11, fill: MUTED, 'text-anchor': 'end' },
        spec.formatTick(t),
      ),
    );
  }
  // Year ticks, thinned when they would collide.
  const step = years.length > 1 ? Math.abs(x(years[1] ?? first) - x(first)) : Infinity;
  const every = Math.max(1, Math.ceil((textWidth('2000', 11) + 10) / step));
  years.forEach((yr, i) => {
    if (i % every !== 0) return;
    out.push(
      el('line', { x1: x(yr), y1: box.bottom, x2: x(yr), y2: box.bottom + 4, stroke: '#aab3c2' }),
    );
    out.push(
      text(
        { x: x(yr), y: box.bottom + 18, 'font-size': 11, fill: MUTED, 'text-anchor': 'middle' },
        String(yr),
      ),
    );
  });
  // Baseline year: a dashed rule.
  if (spec.baseline && years.length > 0) {
    const bx = x(spec.baseline.year);
    if (bx >= box.left - 0.5 && bx <= box.right + 0.5) {
      out.push(
        el('line', {
          x1: bx,
          y1: box.top,
          x2: bx,
          y2: box.bottom,
          stroke: AXIS,
          'stroke-width': 1.2,
          'stroke-dasharray': '5 4',
        }),
      );
      const s = ellipsize(clean(spec.baseline.label), 11, 140);
      const w = textWidth(s, 11);
      const right = bx + 5 + w <= box.right;
      labels.push({ x: right ? bx + 5 : bx - 5, anchor: right ? 'start' : 'end', w, s });
    }
  }
  // Reference labels: a second row when the baseline label would run into the band label.
  const extent = (l: (typeof labels)[number]) =>
    l.anchor === 'start'
      ? [l.x, l.x + l.w]
      : l.anchor === 'end'
        ? [l.x - l.w, l.x]
        : [l.x - l.w / 2, l.x + l.w / 2];
  const placed: number[][] = [];
  for (const l of labels) {
    const [a = 0, b = 0] = extent(l);
    const clash = placed.some(([c = 0, d = 0]) => a < d + 6 && c < b + 6);
    placed.push([a, b]);
    out.push(
      text(
        {
          x: l.x,
          y: box.top + (clash ? 28 : 14),
          'font-size': 11,
          fill: AXIS,
          'text-anchor': l.anchor,
          stroke: '#fff',
          'stroke-width': 3,
          'stroke-opacity': 0.8,
          'paint-order': 'stroke',
          'stroke-linejoin': 'round',
        },
        l.s,
      ),
    );
  }
  // Series: the selected region last, so it sits on top.
  const order = spec.series
    .map((s, i) => ({ s, i }))
    .sort((a, b) => Number(a.s.selected) - Number(b.s.selected));
  for (const { s, i } of order) {
    const st = styleAt(seriesStyles(spec.series), i);
    const parts: string[] = [];
    const segs = segments(s.values);
    for (const seg of segs) {
      if (seg.vals.length < 2) continue;
      const points = seg.vals
        .map((v, k) => `${n(x(years[seg.start + k] ?? first))},${n(y(v))}`)
        .join(' ');
      parts.push(
        el('polyline', {
          points,
          fill: 'none',
          stroke: st.color,
          'stroke-width': st.width,
          'stroke-dasharray': st.dash,
          'stroke-linejoin': 'round',
          'stroke-linecap': 'round',
        }),
      );
    }
    for (const seg of segs)
      seg.vals.forEach((v, k) => {
        const idx = seg.start + k;
        const hollow = s.provisional[idx] === true;
        parts.push(
          el('circle', {
            cx: x(years[idx] ?? first),
            cy: y(v),
            r: s.selected ? 4 : 3,
            fill: hollow ? '#fff' : st.color,
            stroke: hollow ? st.color : null,
            'stroke-width': hollow ? 1.5 : null,
          }),
        );
      });
    out.push(el('g', { 'data-series': i }, parts.join('')));
  }
  if (spec.series.every((s) => s.values.every((v) => v === null)))
    out.push(
      text(
        {
          x: (box.left + box.right) / 2,
          y: (box.top + box.bottom) / 2,
          'font-size': 14,
          fill: MUTED,
          'text-anchor': 'middle',
        },
        spec.lang === 'zh' ? '无数据' : 'No data',
      ),
    );
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
    const legend = legendRows(spec, contentW, size === 'wide' ? 2 : 3, spec.lang);
    body.push(drawLegend(legend, seriesStyles(spec.series), pad, top));
    top += legend.rows.length * 20;
  }
  const plotTop = top + 16;

  // Bottom-up: footer notes and caption, then the year axis; the plot gets the rest.
  const entries = [...new Set([...spec.notes, ...spec.captionLines].map(clean))].filter(Boolean);
  const budget = Math.max(0, Math.floor((H - pad - plotTop - MIN_PLOT - 30 - 12) / 15));
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
  const plotBottom = (footer.length > 0 ? footerTop - 12 : H - pad) - 30;

  const values = spec.series.flatMap((s) =>
    s.values.filter((v): v is number => v !== null && Number.isFinite(v)),
  );
  const target = Math.max(3, Math.min(6, Math.round((plotBottom - plotTop) / 55)));
  const ticks = valueTicks(spec, values, target);
  const tickW = Math.max(...ticks.ticks.map((t) => textWidth(clean(spec.formatTick(t)), 11)), 10);
  const box: Box = { left: pad + 22 + tickW + 8, right: W - pad, top: plotTop, bottom: plotBottom };
  const yTitle = ellipsize(clean(spec.yLabel), 12, box.bottom - box.top);
  const midY = (box.top + box.bottom) / 2;
  body.push(
    text(
      {
        x: pad + 11,
        y: midY,
        'font-size': 12,
        fill: AXIS,
        'text-anchor': 'middle',
        transform: `rotate(-90 ${n(pad + 11)} ${n(midY)})`,
      },
      yTitle,
    ),
    drawPlot(spec, box, ticks),
  );
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
