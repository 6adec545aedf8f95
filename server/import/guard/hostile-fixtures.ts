/**
 * Hostile workbooks, built from the demo workbook on the fly (nothing large is committed): one
 * per kind of attack seen in issue 12, at any size. The tests build small ones that just cross a
 * limit; `scripts/make-hostile-fixtures.ts` writes the full-size ones from the issue to measure.
 *
 * Each is the demo workbook's zip with one part changed or added. Big parts are generated in
 * chunks and deflated as a stream, so a 450 MB sheet never exists in memory.
 */
import { Zip, ZipDeflate, strFromU8, strToU8, unzipSync } from 'fflate';

/** A part's new content: a string, or chunks produced one at a time. */
type Content = string | Uint8Array | (() => Iterable<string>);

/** The workbook's parts by path, in zip order, with changes applied and parts added. */
export function rezip(demo: Uint8Array, changes: Record<string, Content | null>): Uint8Array {
  const parts = unzipSync(demo);
  const chunks: Uint8Array[] = [];
  const zip = new Zip((error, chunk) => {
    if (error) throw error;
    chunks.push(chunk);
  });
  const names = [...Object.keys(parts), ...Object.keys(changes).filter((n) => !(n in parts))];
  for (const name of names) {
    const change = changes[name];
    if (change === null) continue;
    const entry = new ZipDeflate(name, { level: 6 });
    zip.add(entry);
    if (change === undefined) entry.push(parts[name] ?? new Uint8Array(), true);
    else if (typeof change === 'string') entry.push(strToU8(change), true);
    else if (change instanceof Uint8Array) entry.push(change, true);
    else {
      // Batch small generated pieces into ~1 MB pushes (one push per piece would be slow).
      let batch = '';
      for (const piece of change()) {
        batch += piece;
        if (batch.length >= 1 << 20) {
          entry.push(strToU8(batch));
          batch = '';
        }
      }
      entry.push(strToU8(batch), true);
    }
  }
  zip.end();
  const out = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

/** The demo's part at `name` as text. */
export function partText(demo: Uint8Array, name: string): string {
  const part = unzipSync(demo, { filter: (f) => f.name === name })[name];
  if (!part) throw new Error(`no part ${name}`);
  return strFromU8(part);
}

/** The demo's parts: 数据 (Observations) is sheet8, 地区 (Regions) sheet3. */
export const OBSERVATIONS_PART = 'xl/worksheets/sheet8.xml';
export const REGIONS_PART = 'xl/worksheets/sheet3.xml';

/** Splits a sheet's XML around the end of its <sheetData>, to append rows. */
function aroundSheetDataEnd(xml: string): [string, string] {
  const at = xml.indexOf('</sheetData>');
  if (at < 0) throw new Error('no </sheetData>');
  return [xml.slice(0, at), xml.slice(at)];
}

const inline = (ref: string, text: string) =>
  `<c r="${ref}" t="inlineStr"><is><t>${text}</t></is></c>`;

/** 1 → A, 27 → AA. */
function letters(n: number): string {
  let s = '';
  for (let x = n; x > 0; x = Math.floor((x - 1) / 26))
    s = String.fromCharCode(65 + ((x - 1) % 26)) + s;
  return s;
}

/** A sheet declaring one column range `<col min="1" max=…>` (the issue's 41 KB workbook). */
export function hugeColumnRange(demo: Uint8Array, max = 200_000_000): Uint8Array {
  const xml = partText(demo, OBSERVATIONS_PART).replace(
    /<cols>.*?<\/cols>/,
    `<cols><col min="1" max="${max}" width="10" customWidth="1"/></cols>`,
  );
  return rezip(demo, { [OBSERVATIONS_PART]: xml });
}

/** `cells` number cells appended to 数据 (Observations), `perRow` to a row, from row 1000. */
export function manyCells(demo: Uint8Array, cells: number, perRow = 20): Uint8Array {
  const [head, tail] = aroundSheetDataEnd(partText(demo, OBSERVATIONS_PART));
  const cols = Array.from({ length: perRow }, (_, i) => letters(i + 1));
  return rezip(demo, {
    [OBSERVATIONS_PART]: function* () {
      yield head;
      for (let done = 0, r = 1000; done < cells; r++) {
        let row = `<row r="${r}">`;
        for (let c = 0; c < perRow && done < cells; c++, done++)
          row += `<c r="${cols[c] ?? 'A'}${r}"><v>${done % 997}</v></c>`;
        yield `${row}</row>`;
      }
      yield tail;
    },
  });
}

/** One cell written over and over in one row until the sheet's XML is `bytes` long. */
export function repeatedCell(demo: Uint8Array, bytes: number): Uint8Array {
  const [head, tail] = aroundSheetDataEnd(partText(demo, OBSERVATIONS_PART));
  const cell = '<c r="E1000"><v>1</v></c>';
  const block = cell.repeat(Math.ceil((1 << 20) / cell.length));
  return rezip(demo, {
    [OBSERVATIONS_PART]: function* () {
      yield head;
      yield '<row r="1000">';
      for (let n = 0; n < bytes; n += block.length) yield block;
      yield '</row>';
      yield tail;
    },
  });
}

/**
 * `depth` regions on 地区 (Regions), each the parent of the next: `chain-1` (a root) ←
 * `chain-2` ← … Otherwise a valid workbook.
 */
export function regionChain(demo: Uint8Array, depth: number): Uint8Array {
  const [head, tail] = aroundSheetDataEnd(partText(demo, REGIONS_PART));
  return rezip(demo, {
    [REGIONS_PART]: function* () {
      yield head;
      for (let i = 1; i <= depth; i++) {
        const r = 500 + i;
        yield `<row r="${r}">${inline(`A${r}`, `chain-${i}`)}${inline(`B${r}`, '区县')}${
          i > 1 ? inline(`C${r}`, `chain-${i - 1}`) : ''
        }${inline(`D${r}`, `链${i}`)}</row>`;
      }
      yield tail;
    },
  });
}

/** `count` small extra parts (customXml/itemN.xml). */
export function manyEntries(demo: Uint8Array, count: number): Uint8Array {
  const extra: Record<string, string> = {};
  for (let i = 1; i <= count; i++) extra[`customXml/item${i}.xml`] = '<a/>';
  return rezip(demo, extra);
}

/** A VBA project inside the .xlsx, declared as Excel declares it in an .xlsm. */
export function withMacros(demo: Uint8Array): Uint8Array {
  const types = partText(demo, '[Content_Types].xml').replace(
    '</Types>',
    '<Default Extension="bin" ContentType="application/vnd.ms-office.vbaProject"/></Types>',
  );
  return rezip(demo, {
    '[Content_Types].xml': types,
    'xl/vbaProject.bin': new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]),
  });
}

/** The demo with one part's XML changed by `edit` (for small, targeted breakages). */
export function editPart(
  demo: Uint8Array,
  name: string,
  edit: (xml: string) => string,
): Uint8Array {
  return rezip(demo, { [name]: edit(partText(demo, name)) });
}
