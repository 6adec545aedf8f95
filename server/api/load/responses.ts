/**
 * How the service builds its answers without letting one client take it down (issue 12.3):
 *
 * - cache: a finished answer is kept, serialised and gzipped, for its edition (response-cache);
 * - single flight: concurrent requests for the same missing answer share one build;
 * - a gate: at most `concurrentBuilds` builds at once, `queuedBuilds` waiting; beyond that the
 *   request is refused at once (BusyError → 503 + Retry-After) — cheap answers (cache hits,
 *   304s, /meta) never pass through it;
 * - a time limit per build (TimeLimitError → 503), and a build that no client waits for any
 *   more (all of them disconnected) is aborted.
 */
import { createGzip } from 'node:zlib';
import { BusyError, createGate } from './gate';
import type { Gate } from './gate';
import { createResponseCache } from './response-cache';
import type { Encoded, ResponseCache } from './response-cache';

export { BusyError };
export type { Encoded };

/** A Buffer as the plain Uint8Array a Response takes (a view: nothing is copied). */
const bytes = (b: Buffer) => new Uint8Array(b.buffer as ArrayBuffer, b.byteOffset, b.byteLength);

/** The build ran past the configured time limit and was abandoned. */
export class TimeLimitError extends Error {
  constructor(ms: number) {
    super(`the answer took longer than ${ms} ms to build`);
    this.name = 'TimeLimitError';
  }
}

/** Every client that wanted this answer has gone. */
export class ClientGoneError extends Error {
  constructor() {
    super('the client disconnected');
    this.name = 'ClientGoneError';
  }
}

export interface LoadLimits {
  /** Total bytes of cached answers (raw + gzip). */
  cacheBytes: number;
  /** Expensive builds at once. */
  concurrentBuilds: number;
  /** Builds waiting for a slot; more are refused with 503. */
  queuedBuilds: number;
  /** A build (queue wait included) is abandoned after this long, answering 503. */
  requestTimeoutMs: number;
  /** Retry-After on those 503s. */
  retryAfterSeconds: number;
  /**
   * Requests that start their work in one turn of the event loop (load/pacing.ts); the rest
   * wait for the next turns, so that a turn stays short and new connections are accepted.
   */
  startsPerTurn: number;
  /**
   * When the last client of a build disconnects, it is aborted after this long unless an
   * identical request joins meanwhile: a client that times out and asks again at once (a
   * load balancer, a retrying script) must not restart a long build from nothing each time.
   */
  abandonGraceMs: number;
}

export const DEFAULT_LIMITS: LoadLimits = {
  cacheBytes: 256 * 1024 * 1024,
  concurrentBuilds: 2,
  queuedBuilds: 8,
  requestTimeoutMs: 30_000,
  retryAfterSeconds: 2,
  startsPerTurn: 8,
  abandonGraceMs: 1000,
};

/**
 * A build writes the JSON text a piece at a time (each piece is compressed on zlib's thread
 * pool while the next is read) and returns the ETag of the snapshot it read from.
 */
export type BuildFn = (signal: AbortSignal, write: (text: string) => void) => Promise<string>;

/** For tests: watch or hold up every build once it holds its slot. */
export type BuildHook = (key: string, signal: AbortSignal) => Promise<void> | void;

interface Flight {
  promise: Promise<Encoded>;
  controller: AbortController;
  waiters: number;
  /** Pending abort after the last client left (abandonGraceMs). */
  abandon?: NodeJS.Timeout;
}

export interface Responses {
  /**
   * The cached answer for `key`, or one built by `build` (shared with any identical request
   * already building it). `limited`: the build waits for the gate. `cacheKey` names the entry
   * from the edition the build actually read.
   */
  get(
    key: string,
    build: BuildFn,
    options: { signal: AbortSignal; limited: boolean; cacheKey: (etag: string) => string },
  ): Promise<Encoded>;
  /** Requests waiting for a build right now (shared builds count each of their clients). */
  waiters(): number;
  readonly limits: LoadLimits;
  readonly cache: ResponseCache;
  readonly gate: Gate;
}

export function createResponses(
  overrides: Partial<LoadLimits> = {},
  onBuild?: BuildHook,
  /** Builds that took a second or more are reported here, for whoever reads the log. */
  log?: (line: string) => void,
): Responses {
  const limits = { ...DEFAULT_LIMITS, ...overrides };
  const cache = createResponseCache(limits.cacheBytes);
  const gate = createGate(limits.concurrentBuilds, limits.queuedBuilds);
  const flights = new Map<string, Flight>();

  async function run(
    key: string,
    build: BuildFn,
    controller: AbortController,
    limited: boolean,
    cacheKey: (etag: string) => string,
  ): Promise<Encoded> {
    const { signal } = controller;
    const started = performance.now();
    const timer = setTimeout(
      () => controller.abort(new TimeLimitError(limits.requestTimeoutMs)),
      limits.requestTimeoutMs,
    );
    try {
      const leave = limited ? await gate.enter(signal) : () => undefined;
      try {
        await onBuild?.(key, signal);
        signal.throwIfAborted();
        const raw: Buffer[] = [];
        const zipped: Buffer[] = [];
        // zlib works on the thread pool, compressing each piece while the next is read.
        const gzip = createGzip();
        gzip.on('data', (chunk: Buffer) => zipped.push(chunk));
        const compressed = new Promise<void>((resolve, reject) => {
          gzip.once('end', resolve);
          gzip.once('error', reject);
        });
        let etag: string;
        try {
          etag = await build(signal, (text) => {
            const chunk = Buffer.from(text, 'utf8');
            raw.push(chunk);
            gzip.write(chunk);
          });
          signal.throwIfAborted();
          gzip.end();
          await compressed;
        } catch (error) {
          gzip.destroy();
          throw error;
        }
        const encoded: Encoded = {
          etag,
          raw: raw.map(bytes),
          rawBytes: raw.reduce((n, chunk) => n + chunk.length, 0),
          gzip: bytes(Buffer.concat(zipped)),
        };
        cache.set(cacheKey(etag), encoded);
        const ms = performance.now() - started;
        if (ms >= 1000)
          log?.(
            `built ${key} in ${Math.round(ms)} ms: ${encoded.rawBytes} bytes, ` +
              `${encoded.gzip.length} gzipped; cached for this edition`,
          );
        return encoded;
      } finally {
        leave();
      }
    } finally {
      clearTimeout(timer);
      const flight = flights.get(key);
      if (flight?.controller === controller) {
        clearTimeout(flight.abandon);
        flights.delete(key);
      }
    }
  }

  return {
    cache,
    gate,
    limits,
    waiters: () => [...flights.values()].reduce((n, f) => n + f.waiters, 0),
    async get(key, build, { signal, limited, cacheKey }) {
      const hit = cache.get(key);
      if (hit) return hit;
      let flight = flights.get(key);
      if (!flight) {
        const controller = new AbortController();
        const promise = run(key, build, controller, limited, cacheKey);
        flight = { promise, controller, waiters: 0 };
        flights.set(key, flight);
        // Nobody may be listening when it fails (everyone left): no unhandled rejection.
        promise.catch(() => undefined);
      }
      const joined = flight;
      joined.waiters++;
      clearTimeout(joined.abandon);
      let onAbort: (() => void) | undefined;
      const gone = new Promise<never>((_, reject) => {
        onAbort = () => {
          reject(new ClientGoneError());
        };
        if (signal.aborted) onAbort();
        else signal.addEventListener('abort', onAbort, { once: true });
      });
      gone.catch(() => undefined);
      try {
        return await Promise.race([joined.promise, gone]);
      } catch (error) {
        throw (joined.controller.signal.reason as Error | undefined) instanceof TimeLimitError
          ? joined.controller.signal.reason
          : error;
      } finally {
        if (onAbort) signal.removeEventListener('abort', onAbort);
        joined.waiters--;
        // The last client has gone before the answer was ready: stop building it (after a
        // grace in which an identical request may still take it over).
        if (joined.waiters === 0 && signal.aborted && !joined.controller.signal.aborted) {
          const abandon = () => {
            if (joined.waiters > 0 || joined.controller.signal.aborted) return;
            joined.controller.abort(new ClientGoneError());
            if (flights.get(key) === joined) flights.delete(key);
          };
          if (limits.abandonGraceMs <= 0) abandon();
          else joined.abandon = setTimeout(abandon, limits.abandonGraceMs).unref();
        }
      }
    },
  };
}
