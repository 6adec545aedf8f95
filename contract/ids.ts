/**
 * The rules for ids and texts that the importer writes, so that everything it stores can be
 * asked for through the API and read as it was meant. The contract only caps lengths (ids 200,
 * texts 2,000 characters); these rules are the importer's, and a client keeps accepting any id
 * the contract allows (a foreign server may serve ids that break them; they are shown escaped).
 *
 * - An id has no whitespace (so none around it either) and no comma: the API separates several
 *   ids with commas (`indicator=a,b`) and trims each, so such an id could never be asked for.
 * - Neither an id nor a text holds control characters (NUL breaks SQLite's string functions and
 *   PostgreSQL refuses it) or bidi embeddings, overrides and isolates (U+202A–U+202E,
 *   U+2066–U+2069), which make text display in an order other than the one stored. Texts may
 *   hold tab and line breaks (a note or description over several lines).
 * - An id holds no other invisible format character either (zero-width space U+200B, joiners,
 *   U+200E/U+200F direction marks, U+FEFF, soft hyphen): two ids that look the same must be the
 *   same id. A name may keep joiners and direction marks, which some scripts and emoji need.
 */

/** The contract's length limits. */
export const MAX_ID = 200;
export const MAX_TEXT = 2000;

export type IdRuleBreak =
  | { rule: 'empty' }
  | { rule: 'too-long'; length: number }
  | { rule: 'space' }
  | { rule: 'comma' }
  /** A control, format (zero-width, direction) or unpaired surrogate character. */
  | { rule: 'invisible'; char: string };

export type TextRuleBreak =
  | { rule: 'too-long'; length: number }
  | { rule: 'control'; char: string }
  | { rule: 'bidi'; char: string };

/** Controls other than tab and line breaks, and unpaired surrogates (not valid UTF-8). */
const TEXT_CONTROL = /[^\P{Cc}\t\n\r]|\p{Cs}/u;
const BIDI = /[\u202A-\u202E\u2066-\u2069]/u;
/** Controls, format characters and unpaired surrogates (with `u`, \p{Cs} matches only those). */
const INVISIBLE = /[\p{Cc}\p{Cf}\p{Cs}]/u;

/** Why `id` breaks the id rules, or null when it keeps them. */
export function idRuleBreak(id: string): IdRuleBreak | null {
  if (id === '') return { rule: 'empty' };
  // Tab, line breaks and the like are whitespace to a reader: say so rather than "invisible".
  if (/\s/.test(id)) return { rule: 'space' };
  if (id.includes(',')) return { rule: 'comma' };
  const invisible = INVISIBLE.exec(id)?.[0];
  if (invisible !== undefined) return { rule: 'invisible', char: invisible };
  if (id.length > MAX_ID) return { rule: 'too-long', length: id.length };
  return null;
}

/** Why `text` (a name, unit label, description, note, title) breaks the text rules, or null. */
export function textRuleBreak(text: string): TextRuleBreak | null {
  const control = TEXT_CONTROL.exec(text)?.[0];
  if (control !== undefined) return { rule: 'control', char: control };
  const bidi = BIDI.exec(text)?.[0];
  if (bidi !== undefined) return { rule: 'bidi', char: bidi };
  if (text.length > MAX_TEXT) return { rule: 'too-long', length: text.length };
  return null;
}

/** `U+202E`: how a message names an invisible character. */
export function codePoint(char: string): string {
  const cp = char.codePointAt(0) ?? 0;
  return `U+${cp.toString(16).toUpperCase().padStart(4, '0')}`;
}

/**
 * `text` with every control, format and unpaired surrogate character written as `<U+XXXX>`, so
 * that a message or a notice quoting a bad value shows what is there and cannot be reordered
 * (U+202E) or cut short (NUL) by it.
 */
export function visible(text: string): string {
  return text.replace(/[\p{Cc}\p{Cf}\p{Cs}]/gu, (c) => `<${codePoint(c)}>`);
}
