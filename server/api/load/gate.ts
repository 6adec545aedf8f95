/**
 * At most `concurrent` expensive builds at once and at most `queue` waiting for a turn; anyone
 * beyond that is turned away at once (the caller answers 503 + Retry-After) rather than joining
 * a queue without end — under a flood, a queue only turns every answer into a late one.
 */

/** The gate is full: answer "busy, come back later". */
export class BusyError extends Error {
  constructor() {
    super('too many expensive requests at once');
    this.name = 'BusyError';
  }
}

export interface Gate {
  /** Wait for a slot (or throw BusyError at once); returns the function that frees it. */
  enter(signal: AbortSignal): Promise<() => void>;
  /** Builds running and waiting, for tests and logs. */
  readonly running: number;
  readonly waiting: number;
}

export function createGate(concurrent: number, queue: number): Gate {
  let running = 0;
  const waiting: { start: () => void }[] = [];

  const leave = () => {
    const next = waiting.shift();
    if (next) next.start();
    else running--;
  };
  const once = () => {
    let done = false;
    return () => {
      if (done) return;
      done = true;
      leave();
    };
  };

  return {
    get running() {
      return running;
    },
    get waiting() {
      return waiting.length;
    },
    enter(signal) {
      if (signal.aborted) return Promise.reject(signal.reason as Error);
      if (running < Math.max(1, concurrent)) {
        running++;
        return Promise.resolve(once());
      }
      if (waiting.length >= queue) return Promise.reject(new BusyError());
      return new Promise((resolve, reject) => {
        const turn = {
          // The slot passes straight from the leaver to this waiter: `running` stays the same.
          start: () => {
            signal.removeEventListener('abort', onAbort);
            resolve(once());
          },
        };
        const onAbort = () => {
          const at = waiting.indexOf(turn);
          if (at >= 0) waiting.splice(at, 1);
          reject(signal.reason as Error);
        };
        signal.addEventListener('abort', onAbort, { once: true });
        waiting.push(turn);
      });
    },
  };
}
