/**
 * File names that say what is inside ("新发现吸毒人员_龙华区_2019-2024_2025-03-01.csv") and that
 * every OS accepts. Labels come from data servers we do not control, so every part is cleaned.
 */

/** Total length, extension included, in UTF-16 units (so also in characters). */
export const MAX_FILE_NAME = 150;
/** Linux and macOS file systems allow 255 bytes; Chinese takes 3 bytes a character in UTF-8. */
export const MAX_FILE_NAME_BYTES = 240;

const SEP = '_';
const FALLBACK = 'export';

// Windows rejects <>:"/\|?* and C0 controls; DEL and C1 controls are no better. Bidi and
// zero-width controls are dropped too: U+202E could make "…gpj.exe" show as "…exe.jpg".
// eslint-disable-next-line no-control-regex
const FORBIDDEN = /[<>:"/\\|?*\u0000-\u001f\u007f-\u009f]/g;
const INVISIBLE = /[\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/g;
/** Device names Windows reserves, with or without an extension (CON.csv is still CON). */
const RESERVED = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])$/i;

function cleanPart(text: string): string {
  return text
    .normalize('NFC')
    .replace(INVISIBLE, '')
    .replace(/\s+/g, ' ') // tabs and line breaks become spaces before the other controls go
    .replace(FORBIDDEN, '-')
    .trim();
}

/** Dots and spaces at the end vanish on Windows; at the start they hide the file on Unix. */
function trimEnds(text: string): string {
  return text.replace(/^[\s.]+/, '').replace(/[\s.]+$/, '');
}

/** After a cut: no dangling separator before the ellipsis. */
function trimCut(text: string): string {
  return trimEnds(text).replace(/[\s._-]+$/, '');
}

function utf8Bytes(text: string): number {
  return new TextEncoder().encode(text).length;
}

/** Longest prefix within `maxUnits` UTF-16 units and `maxBytes` UTF-8 bytes, whole characters. */
function cut(text: string, maxUnits: number, maxBytes: number): string {
  let out = '';
  let bytes = 0;
  for (const ch of text) {
    const b = utf8Bytes(ch);
    if (out.length + ch.length > maxUnits || bytes + b > maxBytes) break;
    out += ch;
    bytes += b;
  }
  return out;
}

function fits(text: string, units: number, bytes: number): boolean {
  return text.length <= units && utf8Bytes(text) <= bytes;
}

function avoidReserved(base: string): string {
  // Windows checks the part before the first dot, ignoring trailing spaces.
  const stem = base.split('.')[0]?.trimEnd() ?? '';
  return RESERVED.test(stem) ? `${stem}${SEP}${base.slice(stem.length)}` : base;
}

/**
 * "title_region_years_date.ext". Forbidden characters become "-", empty parts are left out,
 * the title is shortened first (with "…") so region, years and date survive, and the whole
 * name stays within 150 characters and 240 UTF-8 bytes with its extension kept.
 */
export function exportFileName(parts: {
  title: string;
  region?: string;
  years?: string;
  date: string;
  ext: string;
}): string {
  const ext = parts.ext
    .replace(/[^A-Za-z0-9.]/g, '')
    .replace(/\.{2,}/g, '.')
    .replace(/^\.+|\.+$/g, '');
  const dotExt = ext ? `.${ext}` : '';
  const units = MAX_FILE_NAME - dotExt.length;
  const bytes = MAX_FILE_NAME_BYTES - dotExt.length;

  const title = trimEnds(cleanPart(parts.title));
  const tail = [parts.region, parts.years, parts.date]
    .map((p) => trimEnds(cleanPart(p ?? '')))
    .filter((p) => p !== '')
    .join(SEP);

  let base = [title, tail].filter((p) => p !== '').join(SEP);
  if (!fits(base, units, bytes) && title && tail) {
    // Shorten the title so what identifies the data (region, years, date) is kept.
    const room = SEP.length + tail.length;
    const roomBytes = SEP.length + utf8Bytes(tail);
    const short = trimCut(cut(title, units - room - 1, bytes - roomBytes - 3));
    if (short.length >= 8) base = `${short}…${SEP}${tail}`;
  }
  if (!fits(base, units, bytes)) base = `${trimCut(cut(base, units - 1, bytes - 3))}…`;
  base = trimEnds(base);
  if (!base || base === '…') base = FALLBACK;
  base = avoidReserved(base);
  // Only a reserved stem followed by a long rest can have grown past the limit.
  if (!fits(base, units, bytes)) base = cut(base, units, bytes);
  return base + dotExt;
}
