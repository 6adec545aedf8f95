/**
 * A CSV's size in records, fields and characters, checked while papaparse reads it a record at
 * a time (its `step` mode): the first record over a limit stops the reading, so a hostile file
 * (millions of empty lines, one endless quoted field) is refused before it becomes millions of
 * arrays. Runs before the import takes its lock; the limits are in limits.ts.
 */
import Papa from 'papaparse';
import { columnLetter } from '@contract/workbook/layout';
import type { Problem } from '../problem';
import { LIMITS } from './limits';
import type { ImportLimits } from './limits';
import { guardMessages } from './messages';

/** The sheet label CSV problems carry (as server/import/read-workbook.ts's CSV_SHEET). */
const CSV = 'CSV';

export function inspectCsv(text: string, limits: ImportLimits = LIMITS): Problem[] {
  const problems: Problem[] = [];
  let row = 0;
  let recordStart = 0;
  const refuse = (code: string, column: string | null, message: Problem['message']) =>
    problems.push({ code, sheet: CSV, row, column, message });
  Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), {
    delimiter: ',',
    skipEmptyLines: false,
    // Not the "fast mode" papaparse picks for a file without quotes: it splits the whole text
    // into lines first (20 MB of line breaks → 20 million strings) before the first step.
    fastMode: false,
    step(results, parser) {
      const fields = results.data;
      const recordEnd = results.meta.cursor;
      const chars = recordEnd - recordStart;
      recordStart = recordEnd;
      // After a final line break papaparse hands out an empty record of no characters: no row.
      if (chars === 0 && fields.length === 1 && fields[0] === '') return;
      row++;
      if (row > limits.csvRows)
        refuse('csv-too-many-rows', null, guardMessages.csvTooManyRows(row, limits.csvRows));
      else if (fields.length > limits.csvFields)
        refuse(
          'csv-too-many-fields',
          null,
          guardMessages.csvTooManyFields(fields.length, limits.csvFields),
        );
      else {
        const long = fields.findIndex((f) => f.length > limits.csvFieldChars);
        if (long >= 0)
          refuse(
            'csv-field-too-long',
            columnLetter(long + 1),
            guardMessages.csvFieldTooLong(fields[long]?.length ?? 0, limits.csvFieldChars),
          );
        else if (chars > limits.csvRecordChars)
          refuse(
            'csv-record-too-long',
            null,
            guardMessages.csvRecordTooLong(chars, limits.csvRecordChars),
          );
      }
      if (problems.length > 0) parser.abort();
    },
  });
  return problems;
}
