/**
 * Start tags found in XML that arrives in chunks, without building a document: enough to count
 * rows, cells, merges and validations in a sheet of any size in constant memory. A tag split
 * across two chunks is kept until its end arrives; attribute values may hold `>`.
 */

export class TagTooLongError extends Error {}

export type OnTag = (name: string, attributes: string) => void;

/** The index just past the `>` closing the tag that starts at `from`, or -1 if not there yet. */
function tagEnd(s: string, from: number): number {
  let quote = '';
  for (let i = from + 1; i < s.length; i++) {
    const ch = s[i];
    if (quote) {
      if (ch === quote) quote = '';
    } else if (ch === '"' || ch === "'") quote = ch;
    else if (ch === '>') return i + 1;
  }
  return -1;
}

export class TagScanner {
  private carry = '';
  private readonly decoder = new TextDecoder('utf-8');
  private readonly pattern: RegExp;

  /** `names`: local names to report (any namespace prefix is ignored). */
  constructor(
    names: readonly string[],
    private readonly onTag: OnTag,
    private readonly maxTagLength: number,
  ) {
    this.pattern = new RegExp(
      `<(?:[A-Za-z_][\\w.-]*:)?(${names.join('|')})(?=[\\s/>])((?:[^>"']|"[^"]*"|'[^']*')*)>`,
      'g',
    );
  }

  push(chunk: Uint8Array): void {
    this.scan(this.carry + this.decoder.decode(chunk, { stream: true }));
  }

  end(): void {
    this.scan(this.carry + this.decoder.decode());
    this.carry = '';
  }

  private scan(s: string): void {
    const last = s.lastIndexOf('<');
    let complete = s;
    this.carry = '';
    if (last >= 0 && tagEnd(s, last) < 0) {
      complete = s.slice(0, last);
      this.carry = s.slice(last);
      if (this.carry.length > this.maxTagLength) throw new TagTooLongError();
    }
    this.pattern.lastIndex = 0;
    for (let m = this.pattern.exec(complete); m; m = this.pattern.exec(complete))
      this.onTag(m[1] ?? '', m[2] ?? '');
  }
}

/** The value of attribute `name` in a tag's attribute text, entities left as they are. */
export function attribute(attributes: string, name: string): string | null {
  const m = new RegExp(`(?:^|\\s)${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`).exec(attributes);
  return m ? (m[1] ?? m[2] ?? '') : null;
}

export function unescapeXml(text: string): string {
  return text.replace(/&(lt|gt|amp|quot|apos|#x[0-9a-f]+|#\d+);/gi, (whole, e: string) => {
    const lower = e.toLowerCase();
    if (lower === 'lt') return '<';
    if (lower === 'gt') return '>';
    if (lower === 'amp') return '&';
    if (lower === 'quot') return '"';
    if (lower === 'apos') return "'";
    const code = lower.startsWith('#x') ? parseInt(lower.slice(2), 16) : Number(lower.slice(1));
    return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
  });
}

/** A cell reference (`AB12`, `$AB$12`, `AB`, `12`): column and row numbers, null where absent. */
export function cellRef(ref: string): { col: number | null; row: number | null } | null {
  const m = /^\$?([A-Za-z]{0,6})\$?(\d{0,10})$/.exec(ref.trim());
  if (!m || (m[1] === '' && m[2] === '')) return null;
  let col = 0;
  for (const ch of (m[1] ?? '').toUpperCase()) col = col * 26 + (ch.charCodeAt(0) - 64);
  return { col: m[1] ? col : null, row: m[2] ? Number(m[2]) : null };
}

export interface Area {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/**
 * A range (`A1:C3`, `A1`, whole columns `A:C`, whole rows `2:5`) as an area, with whole columns
 * and rows reaching Excel's last row and column; null when it is not a range.
 */
export function area(ref: string, maxRow: number, maxCol: number): Area | null {
  const [a, b = a] = ref.split(':');
  const from = cellRef(a ?? '');
  const to = cellRef(b ?? '');
  if (!from || !to) return null;
  const top = Math.min(from.row ?? 1, to.row ?? 1);
  const bottom = Math.max(from.row ?? maxRow, to.row ?? maxRow);
  const left = Math.min(from.col ?? 1, to.col ?? 1);
  const right = Math.max(from.col ?? maxCol, to.col ?? maxCol);
  return { top, left, bottom, right };
}

export const cellsIn = (a: Area) => (a.bottom - a.top + 1) * (a.right - a.left + 1);
