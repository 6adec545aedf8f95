/**
 * `npm run import -- FILE.xlsx [--dry-run] [--as-of YYYY-MM-DD] [--lang zh|en] [--db FILE]`
 * `npm run import -- --list`: the editions imported so far, newest last.
 * Validates the whole file and reports every problem (sheet, row, column, reason); writes only
 * a fully valid file, in one transaction, as a new edition. A .csv of the observations sheet
 * updates only the observations of the current edition. Uses DATABASE_URL when it is set.
 * Exit codes: 0 imported / unchanged / dry run, 1 problems found, 2 usage.
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { connectConfigured } from '../db/connect';
import { listEditions } from '../db/read';
import { describeEditions, describeOutcome, runImport } from './import-command';
import type { Lang } from './import-command';

async function main(): Promise<number> {
  const { values, positionals } = parseArgs({
    args: process.argv.slice(2),
    allowPositionals: true,
    options: {
      'dry-run': { type: 'boolean' },
      'as-of': { type: 'string' },
      lang: { type: 'string' },
      db: { type: 'string' },
      list: { type: 'boolean' },
    },
  });
  const envLang = (process.env.LC_ALL ?? process.env.LANG ?? '').toLowerCase().startsWith('en');
  const lang: Lang = values.lang === 'en' || (values.lang === undefined && envLang) ? 'en' : 'zh';
  if (values.list) {
    const connection = await connectConfigured(values.db);
    try {
      for (const line of describeEditions(await listEditions(connection.db), lang))
        console.log(line);
    } finally {
      await connection.close();
    }
    return 0;
  }
  const file = positionals[0];
  if (!file || positionals.length > 1) {
    console.error(
      lang === 'zh'
        ? '用法：npm run import -- 工作簿.xlsx [--dry-run] [--as-of YYYY-MM-DD] [--lang en]'
        : 'usage: npm run import -- WORKBOOK.xlsx [--dry-run] [--as-of YYYY-MM-DD] [--lang en]',
    );
    return 2;
  }
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(file);
  } catch (error) {
    console.error(
      (lang === 'zh' ? `无法读取文件 ${file}：` : `Cannot read ${file}: `) +
        (error instanceof Error ? error.message : String(error)),
    );
    return 2;
  }
  const connection = await connectConfigured(values.db);
  try {
    const started = performance.now();
    const outcome = await runImport(connection.db, {
      fileName: file,
      bytes,
      dryRun: values['dry-run'] ?? false,
      asOf: values['as-of'],
    });
    for (const line of describeOutcome(outcome, lang)) console.log(line);
    const seconds = ((performance.now() - started) / 1000).toFixed(2);
    console.log(
      lang === 'zh'
        ? `（${connection.engine}，用时 ${seconds} 秒）`
        : `(${connection.engine}, ${seconds} s)`,
    );
    return outcome.status === 'invalid' ? 1 : 0;
  } finally {
    await connection.close();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : String(error));
    process.exit(1);
  },
);
