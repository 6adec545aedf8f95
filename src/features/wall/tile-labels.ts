/**
 * Tile labels on the wall, in 1080p pixels (the wall draws its map one unit to one stage
 * pixel): the short name and the value at 28 px, fitted to the tile. A name too wide for one
 * line is broken over two (at a syllable of a romanised name, "Zhong-" / "shan", or between
 * any two Chinese characters), else abbreviated; the value comes when there is room for it
 * (the ranking beside the map has every value too).
 */
import { ellipsize, textWidth } from '@/components/chart/text-metrics';

export const TILE_TYPE = { size: 28, line: 34 } as const;
const PAD = 8;
/** text-metrics estimates a generic sans; the wall's bold type runs a little wider. */
const SLACK = 1.12;

export interface TileLine {
  text: string;
  bold: boolean;
}

const LATIN = /[a-z]$/i;
/** Ends a syllable of pinyin: a vowel, n, ng or r. */
const SYLLABLE_END = /([aeiouü]|n|ng|r)$/i;
/** Starts one: an initial (zh, ch, sh or one consonant) and a vowel. */
const SYLLABLE_START = /^(zh|ch|sh|[bcdfghjklmnpqrstwxyz])[aeiouü]/i;

/** A name over two lines that each fit, the most even break preferred, syllables first. */
export function splitName(name: string, fits: (text: string) => boolean): [string, string] | null {
  const words = name.split(' ');
  let best: { parts: [string, string]; score: number } | null = null;
  const consider = (a: string, b: string, rank: number) => {
    if (!fits(a) || !fits(b)) return;
    const score = rank * 10_000 + Math.max(textWidth(a, 1), textWidth(b, 1));
    if (!best || score < best.score) best = { parts: [a, b], score };
  };
  for (let i = 1; i < words.length; i += 1)
    consider(words.slice(0, i).join(' '), words.slice(i).join(' '), 0);
  if (words.length === 1) {
    const chars = Array.from(name);
    for (let i = 2; i <= chars.length - 2; i += 1) {
      const a = chars.slice(0, i).join('');
      const b = chars.slice(i).join('');
      if (LATIN.test(a) && /^[a-z]/i.test(b)) {
        consider(`${a}-`, b, SYLLABLE_END.test(a) && SYLLABLE_START.test(b) ? 1 : 2);
      } else consider(a, b, 1);
    }
  }
  return (best as { parts: [string, string] } | null)?.parts ?? null;
}

/** The lines of one tile's label, or none when the tile is too small for any. */
export function tileLines(name: string | undefined, value: string | undefined, tile: number) {
  const room = tile - 2 * PAD;
  const fits = (bold: boolean) => (text: string) =>
    textWidth(text, TILE_TYPE.size, bold) * SLACK <= room;
  const maxLines = Math.floor(room / TILE_TYPE.line);
  if (maxLines < 1) return { lines: [] as TileLine[], cut: false };
  let nameLines: string[] = [];
  let cut = false;
  if (name) {
    if (fits(true)(name)) nameLines = [name];
    else {
      const split = maxLines >= 2 ? splitName(name, fits(true)) : null;
      if (split) nameLines = split;
      else {
        const short = ellipsize(name, TILE_TYPE.size, room / SLACK, true);
        cut = true;
        nameLines = Array.from(short).length >= 3 ? [short] : [];
      }
    }
  }
  const lines: TileLine[] = nameLines.map((text) => ({ text, bold: true }));
  if (value && lines.length < maxLines && fits(false)(value))
    lines.push({ text: value, bold: false });
  return { lines, cut };
}

/** Baselines of `n` lines centred on `cy`. */
export function lineYs(n: number, cy: number): number[] {
  const top = cy - (n * TILE_TYPE.line) / 2;
  return Array.from({ length: n }, (_, k) => top + TILE_TYPE.line * k + TILE_TYPE.line * 0.72);
}
