/**
 * At most `perTurn` requests start their work in one turn of the event loop; the rest wait, in
 * arrival order, for the next turns.
 *
 * Why: libuv (Node 20) accepts ONE new connection per turn of the event loop, and a turn runs
 * the handlers of every request that arrived on the connections already open. With 500 busy
 * keep-alive connections a turn took ≈ 150 ms (≈ 0.45 ms of work per request), so a newcomer
 * waited in the kernel's accept queue for tens of seconds: the demo-scale flood's "timeouts"
 * were connections never accepted within the client's 10 s, while every request the server did
 * accept was answered within 0.4 s (bench-results/server-flood.md). Starting a few requests per
 * turn keeps turns short, so new connections (a colleague opening the dashboard) are accepted
 * within a moment however busy the open ones are; the total work, and so throughput, is the
 * same, and the queue is first come, first served.
 */

/**
 * The requests let go together in one turn. They all arrived before it was let go, so one
 * lookup made for the batch (which edition is current?) is as fresh for each of them as one of
 * its own: under a flood, that lookup was a third of the work of a cached answer.
 */
export interface Batch {
  /** `load()` once for the whole batch (the same promise, answer or error, for each member). */
  once<T>(name: string, load: () => Promise<T>): Promise<T>;
}

export interface Pacer {
  /**
   * Resolves with its batch when this request may start; undefined when it may start at once
   * (the turn still has room and nobody is waiting).
   */
  turn(): Promise<Batch> | undefined;
  /** Requests waiting for a later turn, for tests and logs. */
  readonly waiting: number;
}

function createBatch(): Batch {
  const shared = new Map<string, Promise<unknown>>();
  return {
    once<T>(name: string, load: () => Promise<T>): Promise<T> {
      let promise = shared.get(name) as Promise<T> | undefined;
      if (!promise) {
        promise = load();
        shared.set(name, promise);
      }
      return promise;
    },
  };
}

export function createPacer(perTurn: number): Pacer {
  const limit = Math.max(1, perTurn);
  const queue: ((batch: Batch) => void)[] = [];
  let startedThisTurn = 0;
  let scheduled = false;

  // One callback per turn (setImmediate runs after the poll phase, where libuv accepts and
  // reads): lets the next few queued requests go, then comes back in the following turn.
  const nextTurn = () => {
    startedThisTurn = 0;
    scheduled = false;
    const batch = createBatch();
    while (startedThisTurn < limit && queue.length > 0) {
      startedThisTurn++;
      queue.shift()?.(batch);
    }
    schedule();
  };
  const schedule = () => {
    if (scheduled || (queue.length === 0 && startedThisTurn === 0)) return;
    scheduled = true;
    setImmediate(nextTurn);
  };

  return {
    get waiting() {
      return queue.length;
    },
    turn() {
      if (queue.length === 0 && startedThisTurn < limit) {
        startedThisTurn++;
        schedule();
        return undefined;
      }
      return new Promise<Batch>((resolve) => {
        queue.push(resolve);
        schedule();
      });
    },
  };
}
