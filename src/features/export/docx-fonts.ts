/**
 * Names a fallback for each font of the Word report inside the file: the font table gets a
 * `w:altName` per font (what Word and WPS substitute when the reader lacks it — 方正小标宋简体
 * is on most office machines but not all) and the GB 2312 character set, so a substitute is
 * picked from Chinese fonts. The docx library writes an empty font table, so we add them.
 */
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';

export interface FontChoice {
  name: string;
  fallback: string;
}

const DOCX_MIME = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

const escape = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

export function fontEntries(fonts: readonly FontChoice[]): string {
  return fonts
    .map(
      (f) =>
        `<w:font w:name="${escape(f.name)}"><w:altName w:val="${escape(f.fallback)}"/><w:charset w:val="86"/><w:family w:val="auto"/><w:pitch w:val="variable"/></w:font>`,
    )
    .join('');
}

/** The font table of `xml` with `fonts` added (fonts it already names are left as they are). */
export function addFonts(xml: string, fonts: readonly FontChoice[]): string {
  const missing = fonts.filter((f) => !xml.includes(`w:name="${escape(f.name)}"`));
  if (missing.length === 0) return xml;
  const entries = fontEntries(missing);
  if (/<w:fonts\b[^>]*\/>/.test(xml))
    return xml.replace(
      /<w:fonts\b([^>]*)\/>/,
      (_m, attrs: string) => `<w:fonts${attrs}>${entries}</w:fonts>`,
    );
  return xml.replace('</w:fonts>', `${entries}</w:fonts>`);
}

export async function withFontFallbacks(docx: Blob, fonts: readonly FontChoice[]): Promise<Blob> {
  const files = unzipSync(new Uint8Array(await docx.arrayBuffer()));
  const table = files['word/fontTable.xml'];
  if (!table) return docx;
  files['word/fontTable.xml'] = strToU8(addFonts(strFromU8(table), fonts));
  return new Blob([zipSync(files, { level: 6 })], { type: DOCX_MIME });
}
