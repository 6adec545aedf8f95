/**
 * The child process of isolated.ts: receives the workbook's bytes, reads them with the normal
 * reader, sends the result back and exits. Run with a heap limit, so a workbook that slipped
 * past the guard and still needs too much memory ends this process, never the importer.
 */
import { readWorkbook } from './read-workbook';

process.once('message', (message: unknown) => {
  const bytes =
    typeof message === 'object' && message !== null && 'bytes' in message ? message.bytes : null;
  if (!(bytes instanceof Uint8Array)) process.exit(2);
  void readWorkbook(bytes).then(
    (result) => process.send?.(result, () => process.exit(0)),
    (error: unknown) => {
      console.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
      process.exit(1);
    },
  );
});
