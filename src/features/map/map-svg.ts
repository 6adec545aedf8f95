/**
 * The exported map: a static, self-contained SVG at a fixed size with title, scope, legend,
 * the map (the screen's own component rendered to markup, so file and screen agree), notes,
 * source, as-of date, "示意图 / Schematic" for the tile map and the demo marker.
 * Frame text is escaped (labels come from servers we do not control).
 */
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { clean, ellipsize, wrapText } from '@/components/chart/text-metrics';
import { esc, FONT_STACK } from '@/features/export/render-svg';
import { EXPORT_SIZES } from '@/features/export/sizes';
import type { ExportSize } from '@/features/export/sizes';
import { translator } from '@/lib/i18n';
import { ChoroplethMap } from './choropleth-map';
import type { MapModel } from './map-model';
import { mapShapes } from './map-shapes';
import type { Geometry } from './map-shapes';

const INK = '#1f2937';
const MUTED = '#5b6575';
export const SCHEMATIC_TEXT = '示意图 / Schematic';
const DEMO_TEXT = '演示数据 / Demo data';

/** A line of text; `extra` holds further attributes (never a second fill). */
const txt = (x: number, y: number, size: number, s: string, extra = '', fill = INK) =>
  `<text x="${x}" y="${y}" font-size="${size}" fill="${fill}"${extra}>${esc(s)}</text>`;

export function renderMapSvg(
  model: MapModel,
  geometry: Geometry,
  size: ExportSize = 'wide',
): string {
  const t = translator(model.lang);
  const { width: W, height: H } = EXPORT_SIZES[size];
  const pad = 24;
  const contentW = W - 2 * pad;
  const schematic = geometry.kind === 'tiles';
  const out: string[] = [];
  let y = pad;
  if (model.demo)
    out.push(
      `<rect x="${W - pad - 130}" y="${pad - 4}" width="130" height="20" rx="3" fill="#fff4e5" stroke="#c2410c" data-demo-tag="demo"/>`,
      txt(W - pad - 65, pad + 10, 11, DEMO_TEXT, ' font-weight="700" text-anchor="middle"'),
    );
  for (const line of wrapText(model.title, 20, contentW - 150, 2, true)) {
    out.push(txt(pad, y + 18, 20, line, ' font-weight="700"'));
    y += 26;
  }
  out.push(txt(pad, y + 14, 13, model.subtitle, '', MUTED));
  y += 24;

  // Legend: the note, then one swatch per class and the hatched no-data swatch, in rows.
  out.push(
    txt(
      pad,
      y + 12,
      12,
      model.legend.length > 0
        ? `${model.legendNote} · ${t('map.classing', { n: model.legend.length })}`
        : model.legendNote,
      ' font-weight="600"',
    ),
  );
  y += 20;
  const items = [
    ...model.legend.map((c) => ({ ...c, hatch: false })),
    { colour: '#fff', label: t('map.noData'), hatch: true },
  ];
  let x = pad;
  for (const item of items) {
    const w = 22 + Math.min(220, item.label.length * 8 + 8) + 12;
    if (x + w > W - pad) {
      x = pad;
      y += 20;
    }
    out.push(
      `<rect x="${x}" y="${y}" width="16" height="14" fill="${item.hatch ? 'url(#legend-hatch)' : item.colour}" stroke="#8b95a5" stroke-width="0.5"/>`,
      txt(x + 22, y + 11, 12, ellipsize(clean(item.label), 12, 220)),
    );
    x += w;
  }
  y += 26;

  // Footer, bottom-up: notes, source and as-of, the schematic note.
  const footer = [
    ...(schematic ? [t('map.schematicNote')] : []),
    ...model.notes,
    ...model.captionLines,
  ]
    .flatMap((line) => wrapText(clean(line), 11, contentW, 2))
    .slice(0, 6);
  const footTop = H - pad - footer.length * 15;
  footer.forEach((line, i) => out.push(txt(pad, footTop + 11 + i * 15, 11, line, '', MUTED)));

  const mapTop = y;
  const mapH = Math.max(80, footTop - 10 - mapTop);
  const shapes = mapShapes(model, geometry, contentW, mapH);
  const map = renderToStaticMarkup(
    createElement(ChoroplethMap, { shapes, width: contentW, height: mapH, title: model.title }),
  );
  out.push(`<g transform="translate(${pad} ${mapTop})">${map}</g>`);
  if (schematic)
    out.push(
      `<rect x="${W - pad - 140}" y="${mapTop}" width="140" height="22" rx="3" fill="#eef2f7" stroke="#8b95a5" data-schematic="true"/>`,
      txt(W - pad - 70, mapTop + 15, 12, SCHEMATIC_TEXT, ' font-weight="700" text-anchor="middle"'),
    );
  if (model.demo)
    out.push(
      `<text x="${W / 2}" y="${mapTop + mapH / 2}" font-size="48" font-weight="700" fill="#7a8599" fill-opacity="0.16" text-anchor="middle" data-watermark="demo">${DEMO_TEXT}</text>`,
    );

  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}" font-family="${esc(FONT_STACK)}" font-variant-numeric="tabular-nums">`,
    `<title>${esc(clean(model.title))}</title>`,
    `<defs><pattern id="legend-hatch" patternUnits="userSpaceOnUse" width="6" height="6" patternTransform="rotate(45)"><rect width="6" height="6" fill="#fff"/><line x1="0" y1="0" x2="0" y2="6" stroke="#8b95a5" stroke-width="2"/></pattern></defs>`,
    `<rect x="0" y="0" width="${W}" height="${H}" fill="#fff"/>`,
    ...out,
    '</svg>',
  ].join('');
}
