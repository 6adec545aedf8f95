/**
 * readWorkbook in a child process with a heap limit and a timeout. exceljs has open
 * denial-of-service advisories with no fixed release; the guard (guard/inspect.ts) stops what
 * it can see before parsing, and this stops whatever still slips through: a child that runs out
 * of memory or time ends as a problem ("needed more than 768 MB", "took longer than 45 s"),
 * the importer exits 1 and writes nothing — it never aborts itself.
 *
 * The child is `node --import tsx isolated-child.ts`, so it runs the same TypeScript (path
 * aliases from tsconfig.json) under `npm run import` (tsx) and under vitest alike.
 */
import { fork } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { LIMITS } from './guard/limits';
import { guardMessages } from './guard/messages';
import type { Message, Problem } from './problem';
import type { WorkbookData } from './read-workbook';

export interface IsolatedOptions {
  heapMb?: number;
  timeoutMs?: number;
}

type Read = { data: WorkbookData | null; problems: Problem[] };

const here = dirname(fileURLToPath(import.meta.url));
const ROOT = join(here, '..', '..');
const CHILD = join(here, 'isolated-child.ts');
const TSX = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;
/** Keep the end of the child's stderr: where V8 says it ran out of memory. */
const STDERR_KEEP = 16 * 1024;

const failed = (code: string, message: Message): Read => ({
  data: null,
  problems: [{ code, sheet: '', row: null, column: null, message }],
});

export function readWorkbookIsolated(
  bytes: Uint8Array,
  options: IsolatedOptions = {},
): Promise<Read> {
  const heapMb = options.heapMb ?? LIMITS.parseHeapMb;
  const timeoutMs = options.timeoutMs ?? LIMITS.parseTimeoutMs;
  return new Promise((resolve) => {
    const child = fork(CHILD, [], {
      cwd: ROOT,
      execArgv: [`--max-old-space-size=${heapMb}`, '--import', TSX],
      env: { ...process.env, TSX_TSCONFIG_PATH: join(ROOT, 'tsconfig.json') },
      serialization: 'advanced',
      stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
    });
    let stderr = '';
    let result: Read | null = null;
    let timedOut = false;
    child.stderr?.setEncoding('utf8');
    child.stderr?.on('data', (chunk: string) => {
      stderr = (stderr + chunk).slice(-STDERR_KEEP);
    });
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, timeoutMs);
    child.once('message', (message) => {
      result = message as Read;
    });
    child.once('error', (error) => {
      clearTimeout(timer);
      resolve(failed('parse-failed', guardMessages.parseFailed(error.message)));
    });
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      if (result && code === 0) return resolve(result);
      if (timedOut)
        return resolve(
          failed('parse-timeout', guardMessages.parseTimeout(Math.ceil(timeoutMs / 1000))),
        );
      if (/heap out of memory|Reached heap limit|Allocation failed/i.test(stderr))
        return resolve(failed('parse-memory', guardMessages.parseMemory(heapMb)));
      const last = stderr.trim().split('\n').slice(-1)[0]?.slice(0, 200) ?? '';
      const how = signal ? `signal ${signal}` : `exit code ${String(code)}`;
      resolve(failed('parse-failed', guardMessages.parseFailed(last ? `${how}: ${last}` : how)));
    });
    child.send({ bytes });
  });
}
