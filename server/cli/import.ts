/**
 * `npm run import -- FILE.xlsx [--dry-run] [--as-of YYYY-MM-DD] [--lang zh|en] [--db FILE]
 *  [--wait SECONDS]`
 * `npm run import -- --list`: the editions imported so far, newest last.
 * Validates the whole file and reports every problem (sheet, row, column, reason); writes only
 * a fully valid file, in one transaction, as a new edition. A .csv of the observations sheet
 * updates only the observations of the current edition. Uses DATABASE_URL when it is set.
 * Imports run one at a time (a lock both engines honour): a second one waits up to --wait
 * seconds (default 60) for the first, then gives up saying so.
 * A file over the import limits (server/import/guard/limits.ts) is refused before it is parsed,
 * and the workbook is parsed in a child process with a memory limit and a timeout: a hostile
 * file ends as a problem and exit code 1, never as an abort.
 * Exit codes: 0 imported / unchanged / dry run, 1 problems found, 2 usage (also an --as-of that
 * is not a real YYYY-MM-DD date), 3 another import was still running.
 */
import { readFileSync, statSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { connectConfigured } from '../db/connect';
import { listEditions } from '../db/read';
import { fileSizeProblems } from '../import/guard/inspect';
import { messages } from '../import/messages';
import { isCalendarDate } from '../import/sheet';
import {
  DEFAULT_LOCK_WAIT_MS,
  describeEditions,
  describeOutcome,
  runImport,
} from './import-command';
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
      wait: { type: 'string' },
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
  const waitSeconds = values.wait === undefined ? undefined : Number(values.wait);
  if (
    !file ||
    positionals.length > 1 ||
    (waitSeconds !== undefined && !(Number.isFinite(waitSeconds) && waitSeconds >= 0))
  ) {
    console.error(
      lang === 'zh'
        ? '用法：npm run import -- 工作簿.xlsx [--dry-run] [--as-of YYYY-MM-DD] [--wait 秒] [--lang en]'
        : 'usage: npm run import -- WORKBOOK.xlsx [--dry-run] [--as-of YYYY-MM-DD] [--wait SECONDS] [--lang en]',
    );
    return 2;
  }
  const asOf = values['as-of'];
  if (asOf !== undefined && !isCalendarDate(asOf)) {
    console.error(messages.badAsOf(asOf)[lang]);
    return 2;
  }
  let bytes: Uint8Array;
  try {
    // The size cap comes before reading: a huge file is refused without being loaded.
    const tooLarge = fileSizeProblems(statSync(file).size);
    if (tooLarge.length > 0) {
      for (const line of describeOutcome({ status: 'invalid', problems: tooLarge }, lang))
        console.log(line);
      return 1;
    }
    bytes = readFileSync(file);
  } catch (error) {
    console.error(
      (lang === 'zh' ? `无法读取文件 ${file}：` : `Cannot read ${file}: `) +
        (error instanceof Error ? error.message : String(error)),
    );
    return 2;
  }
  const lockWaitMs = waitSeconds === undefined ? DEFAULT_LOCK_WAIT_MS : waitSeconds * 1000;
  const connection = await connectConfigured(values.db);
  try {
    const started = performance.now();
    const outcome = await runImport(connection.db, {
      fileName: file,
      bytes,
      dryRun: values['dry-run'] ?? false,
      asOf,
      lockWaitMs,
      onWait: () => console.error(messages.importWaiting(Math.ceil(lockWaitMs / 1000))[lang]),
    });
    for (const line of describeOutcome(outcome, lang)) console.log(line);
    const seconds = ((performance.now() - started) / 1000).toFixed(2);
    console.log(
      lang === 'zh'
        ? `（${connection.engine}，用时 ${seconds} 秒）`
        : `(${connection.engine}, ${seconds} s)`,
    );
    return outcome.status === 'invalid' ? 1 : outcome.status === 'busy' ? 3 : 0;
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
