/**
 * A password from the person at the terminal, with echo off (raw mode: nothing typed is shown,
 * backspace works, Ctrl-C cancels); or, when stdin is a pipe or a file, its next line. Null at
 * the end of input. The prompt goes to stderr, so stdout stays the command's own output.
 */
class Cancelled extends Error {
  constructor() {
    super('cancelled / 已取消');
  }
}

let piped: Promise<string[]> | null = null;

/** All of stdin's lines, read once (a password is one short line; the rest is ignored). */
function pipedLines(): Promise<string[]> {
  piped ??= (async () => {
    const chunks: Buffer[] = [];
    for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
    const text = Buffer.concat(chunks).toString('utf8');
    return text === '' ? [] : text.split(/\r?\n/);
  })();
  return piped;
}

function promptHidden(prompt: string): Promise<string | null> {
  const stdin = process.stdin;
  return new Promise((resolve, reject) => {
    let value = '';
    const finish = (result: string | null | Error) => {
      stdin.off('data', onData);
      stdin.setRawMode(false);
      stdin.pause();
      process.stderr.write('\n');
      if (result instanceof Error) reject(result);
      else resolve(result);
    };
    const onData = (chunk: Buffer) => {
      for (const ch of chunk.toString('utf8')) {
        if (ch === '\r' || ch === '\n') return finish(value);
        if (ch === '\u0003') return finish(new Cancelled());
        if (ch === '\u0004') return finish(value === '' ? null : value);
        if (ch === '\u007f' || ch === '\b') value = Array.from(value).slice(0, -1).join('');
        else if (ch >= ' ') value += ch;
      }
    };
    // Echo goes off before the prompt shows, so that nothing typed after it is ever echoed.
    stdin.setRawMode(true);
    stdin.on('data', onData);
    stdin.resume();
    process.stderr.write(prompt);
  });
}

let lineIndex = 0;

export async function readPassword(prompt: string): Promise<string | null> {
  if (process.stdin.isTTY) return promptHidden(prompt);
  const lines = await pipedLines();
  const line = lines[lineIndex++];
  return line === undefined || (line === '' && lineIndex >= lines.length) ? null : line;
}
