/**
 * The CSV's limits (guard/csv.ts), checked while it is read: the first record over a limit
 * stops the reading and is named (row, and column for a field), with the limit. Small limits
 * here; the real ones are exercised in server/cli/import-command.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { inspectCsv } from './csv';
import { LIMITS } from './limits';

const small = { ...LIMITS, csvRows: 5, csvFields: 6, csvFieldChars: 10, csvRecordChars: 40 };
const where = (text: string) =>
  inspectCsv(text, small).map((p) => [p.code, p.sheet, p.row, p.column]);

describe('a CSV within the limits', () => {
  it('passes, BOM, quoted line breaks and a last line without a break included', () => {
    expect(where('\uFEFFa,b,c\r\n1,"x\ny",3\r\n4,5,6')).toEqual([]);
    expect(where(['h', '1', '2', '3', '4'].join('\n'))).toEqual([]);
    // The final line break is not a sixth row.
    expect(where(['h', '1', '2', '3', '4', ''].join('\r\n'))).toEqual([]);
  });
});

describe('a CSV over a limit', () => {
  it('is stopped at the first row past the row limit', () => {
    const problems = inspectCsv(['h', '1', '2', '3', '4', '5', '6', '7'].join('\n'), small);
    expect(problems.map((p) => [p.code, p.row])).toEqual([['csv-too-many-rows', 6]]);
    expect(problems[0]?.message.en).toMatch(
      /^The CSV has more than 5 rows \(the limit, header included\): reading stopped at row 6\. Nothing was written\./,
    );
    expect(problems[0]?.message.zh).toContain('超过 5 行');
  });

  it('counts empty lines as rows (a file of line breaks is no way round the limit)', () => {
    expect(where('h\n\n\n\n\n\n\n')).toEqual([['csv-too-many-rows', 'CSV', 6, null]]);
  });

  it('names a row with too many fields', () => {
    expect(where('a,b\n1,2,3,4,5,6,7\n')).toEqual([['csv-too-many-fields', 'CSV', 2, null]]);
  });

  it('names the row and column of a field too long, a missing closing quote included', () => {
    expect(where('a,b,c\n1,2,3\n1,12345678901,3\n')).toEqual([
      ['csv-field-too-long', 'CSV', 3, 'B'],
    ]);
    const problems = inspectCsv('a,b\n1,"2\n3\n4\n5\n6\n7\n8\n9\n', small);
    expect(problems.map((p) => [p.code, p.row, p.column])).toEqual([
      ['csv-field-too-long', 2, 'B'],
    ]);
    expect(problems[0]?.message.en).toContain('a closing quote may be missing');
  });

  it('names a row too long though each field is within its limit', () => {
    expect(where('a\n1234567890,1234567890,1234567890,1234567890,1\n')).toEqual([
      ['csv-record-too-long', 'CSV', 2, null],
    ]);
  });
});

describe('the limits', () => {
  it('are those of the 数据 sheet and of Excel', () => {
    expect([LIMITS.csvRows, LIMITS.csvFields, LIMITS.csvFieldChars]).toEqual([
      LIMITS.rowsPerSheet,
      LIMITS.columns,
      32_767,
    ]);
  });
});
