/**
 * The schematic tile map used when the deployment has no boundaries file (and in the demo):
 * one equal square per region, in meta order, filled row by row into a grid of
 * ceil(√n) columns — the rule is deterministic, so the same regions always sit in the same
 * places. It says nothing about where places really are, and is labelled 示意图 / schematic.
 */
export interface Tile {
  id: string;
  x: number;
  y: number;
  size: number;
}

export const TILE_GAP = 4;

export function tileGrid(n: number): { columns: number; rows: number } {
  if (n <= 0) return { columns: 0, rows: 0 };
  const columns = Math.ceil(Math.sqrt(n));
  return { columns, rows: Math.ceil(n / columns) };
}

/** Squares for `ids` in a `width` × `height` box, the grid centred horizontally. */
export function tileLayout(ids: readonly string[], width: number, height: number): Tile[] {
  const { columns, rows } = tileGrid(ids.length);
  if (columns === 0) return [];
  const cell = Math.max(0, Math.min(width / columns, height / rows));
  const left = (width - cell * columns) / 2;
  const size = Math.max(0, cell - TILE_GAP);
  return ids.map((id, i) => ({
    id,
    x: left + (i % columns) * cell + TILE_GAP / 2,
    y: Math.floor(i / columns) * cell + TILE_GAP / 2,
    size,
  }));
}

/** The height the grid of `n` tiles needs at `width` (squares no taller than `maxCell`). */
export function tileHeight(n: number, width: number, maxCell: number): number {
  const { columns, rows } = tileGrid(n);
  if (columns === 0) return 0;
  return rows * Math.min(maxCell, width / columns);
}

const ZH_SUFFIX = /(街道|镇|乡|区|县|市)$/;
const EN_SUFFIX = /\s+(Town|Township|Subdistrict|Street|District|County|City)$/i;

/** A label for a small tile: "城西镇" → "城西", "Chengxi Town" → "Chengxi". */
export function shortName(name: string, lang: 'zh' | 'en'): string {
  const trimmed = name.trim();
  const short = trimmed.replace(lang === 'zh' ? ZH_SUFFIX : EN_SUFFIX, '');
  return short.length >= (lang === 'zh' ? 2 : 1) ? short : trimmed;
}
