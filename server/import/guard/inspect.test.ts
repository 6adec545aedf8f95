// @vitest-environment node
/**
 * The guard on its own: the demo workbook passes, and each hostile change to it is refused
 * with one problem that names what is wrong (and the sheet), at the real limits unless a test
 * is about how a cap is enforced (then with small limits, to stay fast).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { demoDataset } from '@mocks/demo/dataset';
import { templateBytes } from '@contract/workbook/write-template';
import type { Problem } from '../problem';
import {
  OBSERVATIONS_PART,
  REGIONS_PART,
  editPart,
  hugeColumnRange,
  manyCells,
  manyEntries,
  partText,
  repeatedCell,
  rezip,
  withMacros,
} from './hostile-fixtures';
import { fileSizeProblems, inspectWorkbook } from './inspect';
import { LIMITS } from './limits';

const OBS = '数据 (Observations)';
let demo: Uint8Array;
beforeAll(async () => {
  demo = await templateBytes(demoDataset);
});

/** The one problem the guard gives, as code, sheet, row and English message. */
function refusal(bytes: Uint8Array, limits = LIMITS) {
  const problems = inspectWorkbook(bytes, limits);
  expect(problems).toHaveLength(1);
  const [p] = problems as [Problem];
  if (p.code !== 'not-a-workbook') {
    expect(p.message.zh).toContain('未写入任何数据');
    expect(p.message.en).toContain('Nothing was written');
  }
  return { code: p.code, sheet: p.sheet, row: p.row, en: p.message.en, zh: p.message.zh };
}

/** The demo with the observations sheet's XML changed. */
const inObservations = (edit: (xml: string) => string) => editPart(demo, OBSERVATIONS_PART, edit);

describe('the guard in front of the workbook reader', () => {
  it('lets the demo workbook through', () => {
    expect(inspectWorkbook(demo)).toEqual([]);
  });

  it('refuses a file over the size cap before looking inside (CSV too)', () => {
    expect(fileSizeProblems(LIMITS.fileBytes)).toEqual([]);
    const [p] = fileSizeProblems(LIMITS.fileBytes + 1);
    expect(p?.code).toBe('file-too-large');
    expect(p?.message.en).toMatch(/^The file is 20 MB, over the import limit of 20 MB\./);
    const r = refusal(demo, { ...LIMITS, fileBytes: 1000 });
    expect(r.code).toBe('file-too-large');
  });

  it('refuses what is not a zip', () => {
    expect(refusal(new TextEncoder().encode('not a workbook')).code).toBe('not-a-workbook');
    expect(refusal(demo.subarray(0, demo.length - 30)).code).toBe('not-a-workbook');
  });

  it('refuses a column range beyond Excel’s 16,384 columns (the 41 KB workbook of the issue)', () => {
    const r = refusal(hugeColumnRange(demo));
    expect(r).toMatchObject({ code: 'beyond-sheet', sheet: OBS });
    expect(r.en).toMatch(/^The column range "1–200000000" lies beyond an Excel sheet/);
    expect(r.zh).toMatch(/^列范围“1–200000000”超出 Excel 工作表的范围/);
    expect(inspectWorkbook(hugeColumnRange(demo, 16_384))).toEqual([]);
  });

  it('refuses more cells than the limit, naming the sheet and row where it was crossed', () => {
    const r = refusal(manyCells(demo, LIMITS.cells));
    expect(r).toMatchObject({ code: 'too-many-cells', sheet: OBS });
    expect(r.row).toBeGreaterThan(1000);
    expect(r.en).toMatch(/^The workbook has more than 500,000 cells \(the limit\); this sheet/);
  });

  it('refuses more rows on one sheet than the limit', () => {
    const r = refusal(manyCells(demo, LIMITS.rowsPerSheet, 1));
    expect(r).toMatchObject({ code: 'too-many-rows', sheet: OBS });
    expect(r.row).toBeGreaterThan(LIMITS.rowsPerSheet);
    expect(r.en).toMatch(/^The sheet has more than 100,000 rows/);
  });

  it('refuses more sheets, rows or declared columns in the whole workbook than the limits', () => {
    const rows = refusal(manyCells(demo, 20_000, 1), { ...LIMITS, rows: 10_000 });
    expect(rows).toMatchObject({ code: 'too-many', sheet: OBS });
    expect(rows.en).toMatch(/^The workbook has more than 10,000 rows in all/);
    const sheets = refusal(demo, { ...LIMITS, sheets: 9 });
    expect(sheets.en).toMatch(/^The workbook has more than 9 sheets/);
    const wide = refusal(hugeColumnRange(demo, 16_384), { ...LIMITS, declaredColumns: 16_000 });
    expect(wide.en).toMatch(
      /^The column definitions \(<col>\) of all sheets declare more than 16,000 columns/,
    );
  });

  it('refuses a sheet declaring a used range taller than the row limit, or off the sheet', () => {
    const tall = inObservations((x) =>
      x.replace(/<dimension ref="[^"]*"/, '<dimension ref="A1:N200000"'),
    );
    expect(refusal(tall)).toMatchObject({ code: 'too-many-rows', sheet: OBS });
    const off = inObservations((x) =>
      x.replace(/<dimension ref="[^"]*"/, '<dimension ref="A1:ZZZZ9"'),
    );
    expect(refusal(off).en).toMatch(/^The declared range "A1:ZZZZ9" lies beyond an Excel sheet/);
  });

  it('refuses a cell or a row beyond the sheet', () => {
    const cell = inObservations((x) =>
      x.replace('</sheetData>', '<row r="999"><c r="XFE999"><v>1</v></c></row></sheetData>'),
    );
    expect(refusal(cell)).toMatchObject({ code: 'beyond-sheet', sheet: OBS, row: 999 });
    const row = inObservations((x) => x.replace('</sheetData>', '<row r="2000000"/></sheetData>'));
    expect(refusal(row).en).toMatch(/^The row "2000000" lies beyond an Excel sheet/);
  });

  it('refuses merged ranges that cover more cells than the limit', () => {
    const merged = inObservations((x) =>
      x.replace(
        '</sheetData>',
        '</sheetData><mergeCells count="1"><mergeCell ref="A200:Z100000"/></mergeCells>',
      ),
    );
    const r = refusal(merged);
    expect(r).toMatchObject({ code: 'too-many', sheet: OBS });
    expect(r.en).toMatch(/^Merged ranges cover more than 10,000 cells/);
  });

  it('refuses data validations covering more cells than the limit (whole columns count)', () => {
    const validated = editPart(demo, REGIONS_PART, (x) =>
      x.replace('sqref="B10:B500"', 'sqref="B10:B500 C:D"'),
    );
    const r = refusal(validated);
    expect(r).toMatchObject({ code: 'too-many', sheet: '地区 (Regions)' });
    expect(r.en).toMatch(/^Data validation rules cover more than 200,000 cells/);
  });

  it('refuses defined names covering more cells than the limit', () => {
    const named = editPart(demo, 'xl/workbook.xml', (x) =>
      x.replace(
        '</sheets>',
        '</sheets><definedNames><definedName name="all">\'数据 (Observations)\'!$A$1:$XFD$1048576</definedName></definedNames>',
      ),
    );
    expect(refusal(named).en).toMatch(/^Defined names cover more than 1,000,000 cells/);
  });

  it('refuses more parts than the limit', () => {
    const r = refusal(manyEntries(demo, 1000));
    expect(r.code).toBe('too-many-parts');
    expect(r.en).toMatch(/^The workbook \(a zip\) holds 1,025 parts, over the limit of 500\./);
  });

  it('refuses a zip bomb as soon as a part inflates past the ratio, naming its sheet', () => {
    const r = refusal(repeatedCell(demo, 16_000_000));
    expect(r).toMatchObject({ code: 'zip-bomb', sheet: OBS });
    expect(r.en).toMatch(
      /^The part xl\/worksheets\/sheet8\.xml inflates to more than 200 times its compressed size/,
    );
  });

  it('stops inflating a part at the per-part and total caps', () => {
    const small = { ...LIMITS, ratio: 1e6 };
    const part = refusal(demo, { ...small, entryBytes: 50_000 });
    expect(part.code).toBe('part-too-large');
    expect(part.en).toMatch(/^The part xl\/worksheets\/sheet8\.xml inflates to more than 48\.8 KB/);
    expect(refusal(demo, { ...small, totalBytes: 100_000 }).code).toBe('workbook-too-large');
  });

  it('refuses a part declaring more than the per-part cap without inflating it', () => {
    const r = refusal(repeatedCell(demo, 16_000_000), { ...LIMITS, entryBytes: 10_000_000 });
    expect(r).toMatchObject({ code: 'part-too-large', sheet: OBS });
    expect(r.en).toMatch(/^The part xl\/worksheets\/sheet8\.xml inflates to more than 9\.5 MB/);
  });

  it('does not trust a part’s declared size: inflating past it is refused', () => {
    // Lower the declared size of sheet8 in the central directory to 1,000 bytes.
    const bytes = new Uint8Array(demo);
    const view = new DataView(bytes.buffer);
    const name = new TextEncoder().encode(OBSERVATIONS_PART);
    for (let at = 0; at < bytes.length - 46; at++) {
      if (view.getUint32(at, true) !== 0x02014b50) continue;
      const length = view.getUint16(at + 28, true);
      const here = bytes.subarray(at + 46, at + 46 + length);
      if (length === name.length && here.every((b, i) => b === name[i]))
        view.setUint32(at + 24, 1000, true);
    }
    const r = refusal(bytes);
    expect(r).toMatchObject({ code: 'size-mismatch', sheet: OBS });
  });

  it('refuses an XML tag longer than the limit that spans the chunks it inflates in', () => {
    // Letters from a small generator: they barely compress, so the tag arrives in many chunks.
    let seed = 1;
    const letters = Array.from({ length: 200_000 }, () => {
      seed = (seed * 16807) % 2147483647;
      return String.fromCharCode(97 + (seed % 26));
    }).join('');
    const long = inObservations((x) =>
      x.replace('</sheetData>', `</sheetData><x a="${letters}"/>`),
    );
    expect(refusal(long, { ...LIMITS, tagBytes: 50_000 })).toMatchObject({
      code: 'tag-too-long',
      sheet: OBS,
    });
    expect(inspectWorkbook(long, { ...LIMITS, tagBytes: 300_000 })).toEqual([]);
  });

  it('refuses macros: a VBA project, or a macro content type, inside an .xlsx', () => {
    const r = refusal(withMacros(demo));
    expect(r.code).toBe('macros');
    expect(r.en).toMatch(/^The workbook contains macros \(xl\/vbaProject\.bin\)/);
    expect(r.zh).toMatch(/^工作簿含有宏（xl\/vbaProject\.bin）/);
    const typed = rezip(demo, {
      '[Content_Types].xml': partText(demo, '[Content_Types].xml').replace(
        'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml',
        'application/vnd.ms-excel.sheet.macroEnabled.main+xml',
      ),
    });
    expect(refusal(typed).en).toMatch(
      /^The workbook contains macros \(application\/vnd\.ms-excel\.sheet\.macroEnabled\.main\+xml\)/,
    );
  });
});
