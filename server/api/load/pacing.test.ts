// @vitest-environment node
/**
 * Pacing (load/pacing.ts): a few requests start per turn of the event loop, the rest wait for
 * the next turns in arrival order; the requests let go together share one lookup. Turns are
 * counted with setImmediate, never timed.
 */
import { describe, expect, it } from 'vitest';
import { createPacer } from './pacing';
import type { Batch } from './pacing';

/** Counts turns of the event loop until stopped. */
function turnCounter() {
  const state = { turn: 0, running: true };
  const tick = () => {
    if (!state.running) return;
    state.turn++;
    setImmediate(tick);
  };
  setImmediate(tick);
  return state;
}

describe('the pacer', () => {
  it('starts at most `perTurn` requests per turn, first come first served', async () => {
    const pacer = createPacer(3);
    const turns = turnCounter();
    const started: { request: number; turn: number }[] = [];
    const all = Array.from({ length: 10 }, async (_, request) => {
      const wait = pacer.turn();
      if (wait) await wait;
      started.push({ request, turn: turns.turn });
    });
    expect(pacer.waiting).toBe(7);
    await Promise.all(all);
    turns.running = false;
    expect(started.map((s) => s.request)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    const perTurn = new Map<number, number>();
    for (const s of started) perTurn.set(s.turn, (perTurn.get(s.turn) ?? 0) + 1);
    expect(Math.max(...perTurn.values())).toBeLessThanOrEqual(3);
    expect(perTurn.size).toBeGreaterThanOrEqual(4);
    expect(pacer.waiting).toBe(0);
  });

  it('lets a request start at once when nobody waits and the turn has room', async () => {
    const pacer = createPacer(2);
    expect(pacer.turn()).toBeUndefined();
    expect(pacer.turn()).toBeUndefined();
    const third = pacer.turn();
    expect(third).toBeInstanceOf(Promise);
    await third;
    // A later turn has room again.
    await new Promise((resolve) => setImmediate(resolve));
    await new Promise((resolve) => setImmediate(resolve));
    expect(pacer.turn()).toBeUndefined();
  });

  it('gives the requests let go together one batch, whose lookups run once', async () => {
    const pacer = createPacer(2);
    // The turn's room is taken by two requests that start at once…
    expect([pacer.turn(), pacer.turn()]).toEqual([undefined, undefined]);
    const batches = await Promise.all([pacer.turn(), pacer.turn(), pacer.turn(), pacer.turn()]);
    const [a, b, c, d] = batches as Batch[];
    expect(a).toBe(b);
    expect(c).toBe(d);
    expect(a).not.toBe(c);
    let loads = 0;
    const load = () => Promise.resolve(++loads);
    expect(await a?.once('edition', load)).toBe(1);
    expect(await b?.once('edition', load)).toBe(1);
    expect(await c?.once('edition', load)).toBe(2);
    // An error is shared the same way.
    const failing = () => Promise.reject(new Error('database gone'));
    await expect(d?.once('other', failing)).rejects.toThrow('database gone');
    await expect(c?.once('other', () => Promise.resolve(0))).rejects.toThrow('database gone');
  });
});
