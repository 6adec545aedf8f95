/**
 * Text measured without a font: the screen and the exported file lay a chart out by the same
 * estimate, so they break labels and reserve margins identically (Node has no font metrics).
 */

/** Unit signs far wider than a digit in common fonts (DejaVu: ‰ 1.34 em, % 0.95 em). */
const SIGNS = new Map([
  [0x2030, 1.35], // ‰
  [0x25, 0.95], // %
]);

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

/** Estimated advance width: CJK ≈ 1em, anything else ≈ 0.55em. */
export function textWidth(s: string, size: number, bold = false): number {
  let em = 0;
  for (const ch of s) {
    const c = ch.codePointAt(0) ?? 0;
    em += isWide(c) ? 1 : (SIGNS.get(c) ?? 0.55);
  }
  return em * size * (bold ? 1.06 : 1);
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

export function ellipsize(s: string, size: number, maxWidth: number, bold = false): string {
  if (textWidth(s, size, bold) <= maxWidth) return s;
  const chars = Array.from(s);
  while (chars.length > 0 && textWidth(`${chars.join('')}…`, size, bold) > maxWidth) chars.pop();
  return `${chars.join('').trimEnd()}…`;
}

/**
 * A title too long for its room that ends in its unit, "吸毒人员占常住人口比例（‰）", keeps the
 * unit and shortens the name: "吸毒人员占常住…（‰）" (an axis without its unit is unreadable).
 */
export function ellipsizeKeepingUnit(s: string, size: number, maxWidth: number): string {
  if (textWidth(s, size) <= maxWidth) return s;
  const unit = /\s*[（(][^（()）]*[）)]$/.exec(s);
  if (!unit) return ellipsize(s, size, maxWidth);
  const room = maxWidth - textWidth(unit[0], size);
  if (room < textWidth('一一…', size)) return ellipsize(s, size, maxWidth);
  return `${ellipsize(s.slice(0, unit.index), size, room)}${unit[0]}`;
}

/** Punctuation that must not start a line (Chinese line-breaking rules). */
const NO_LINE_START = new Set(Array.from('，。、：；！？）》」』】〉,.;:!?)%‰'));

/** Opening brackets must not end a line: "（" stays with the unit it opens. */
const NO_LINE_END = new Set(Array.from('（《「『【〈('));

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
  // An opening bracket goes with what follows it.
  return out.reduce<string[]>((acc, tok) => {
    const last = acc[acc.length - 1];
    if (last !== undefined && tok !== ' ' && NO_LINE_END.has(last.slice(-1))) {
      acc[acc.length - 1] = last + tok;
    } else acc.push(tok);
    return acc;
  }, []);
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

/**
 * An axis title on one line when it fits, else on two of about equal length ("Drug crime
 * suspects" / "arrested (people)": the unit does not hang alone on the second), cut only when
 * two lines are not enough: then the second line is shortened by its name and keeps the unit.
 */
export function titleLines(s: string, size: number, maxWidth: number): string[] {
  const t = clean(s);
  if (!t) return [];
  if (textWidth(t, size) <= maxWidth) return [t];
  const all = wrapText(t, size, maxWidth, Infinity);
  if (all.length <= 2) {
    // The narrowest width that still takes two lines, but never one that breaks a word.
    const widest = Math.max(...tokens(t).map((tok) => textWidth(tok, size)));
    let lo = Math.max(widest, textWidth(t, size) / 2);
    let hi = maxWidth;
    if (lo >= hi) return all;
    for (let i = 0; i < 12; i++) {
      const mid = (lo + hi) / 2;
      if (wrapText(t, size, mid, Infinity).length <= 2) hi = mid;
      else lo = mid;
    }
    return wrapText(t, size, hi, 2);
  }
  const first = all[0] ?? '';
  const rest = t.startsWith(first) ? t.slice(first.length).trim() : all.slice(1).join(' ');
  return [first, ellipsizeKeepingUnit(rest, size, maxWidth)];
}
