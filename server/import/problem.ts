/** One thing wrong with an import file, located and explained in both languages. */
export interface Problem {
  /** Stable identifier of the kind of problem (see messages.ts), for tests and tools. */
  code: string;
  /** The template's sheet label (`数据 (Observations)`), `CSV` for a CSV file, '' for the file. */
  sheet: string;
  /** 1-based row, or null when the problem is not about one row. */
  row: number | null;
  /** Column letter(s) (`C`, or `B:C` for a merged range), or null. */
  column: string | null;
  message: { zh: string; en: string };
}

export type Message = Problem['message'];

/** Collects problems; `bad` marks a value that could not be read (its problem is recorded). */
export class Problems {
  readonly list: Problem[] = [];

  add(code: string, sheet: string, row: number | null, column: string | null, message: Message) {
    this.list.push({ code, sheet, row, column, message });
  }
}
