/**
 * The flood scenario's second client (bench/server-flood.ts), in a process of its own so that
 * the load generator's work never delays its clock: asks for URL every EVERY_MS for
 * DURATION_MS whatever happened to earlier answers (an open loop), then prints one JSON line of
 * samples: [sent at (ms from start), milliseconds, status] (status 0: no answer).
 *   node --import tsx bench/meta-sampler.ts URL EVERY_MS DURATION_MS
 */
const [url = '', every = '100', duration = '30000'] = process.argv.slice(2);

const start = performance.now();

async function sample(): Promise<[number, number, number]> {
  const started = performance.now();
  const at = Math.round(started - start);
  try {
    const res = await fetch(url, {
      headers: { 'accept-encoding': 'gzip' },
      signal: AbortSignal.timeout(600_000),
    });
    await res.arrayBuffer();
    return [at, Math.round(performance.now() - started), res.status];
  } catch {
    return [at, Math.round(performance.now() - started), 0];
  }
}

const pending: Promise<[number, number, number]>[] = [];
const end = performance.now() + Number(duration);
const timer = setInterval(() => {
  if (performance.now() >= end) {
    clearInterval(timer);
    void Promise.all(pending).then((samples) => {
      process.stdout.write(`${JSON.stringify(samples)}\n`);
    });
    return;
  }
  pending.push(sample());
}, Number(every));
