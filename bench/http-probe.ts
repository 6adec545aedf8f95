/**
 * What the service itself saw during a bench run, to tell the client's errors apart: loaded
 * into the service process (`node --import tsx --import ./bench/http-probe.ts …`, path in
 * HTTP_PROBE_OUT), it counts connections accepted (and when), requests arrived, answered and
 * closed unanswered, their latency at the server (from the request's arrival to its last byte
 * handed to the kernel), the event loop's delay and the CPU time per answered request, and writes them as JSON to HTTP_PROBE_OUT when the process exits.
 * Bench-only: the service never loads it by itself.
 */
import { writeFileSync } from 'node:fs';
import { Server } from 'node:http';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { monitorEventLoopDelay } from 'node:perf_hooks';

export interface ProbeReport {
  connections: number;
  /** ms from the first connection accepted to the last one (a burst accepted slowly shows). */
  lastAcceptedAfterMs: number;
  requests: number;
  answered: number;
  closedUnanswered: number;
  latency: { p50: number; p99: number; max: number };
  loopDelay: { p99: number; max: number };
  cpuMsPerAnswer: number;
}

const out = process.env.HTTP_PROBE_OUT;
if (out) {
  const loop = monitorEventLoopDelay({ resolution: 10 });
  loop.enable();
  const latencies: number[] = [];
  const firstConnection: { at: number | null; cpu: NodeJS.CpuUsage | null } = {
    at: null,
    cpu: null,
  };
  let lastConnection = 0;
  let connections = 0;
  let requests = 0;
  let closedUnanswered = 0;

  const onConnection = () => {
    const now = performance.now();
    firstConnection.at ??= now;
    // CPU time is counted from the first connection on: start-up is not the answers' work.
    firstConnection.cpu ??= process.cpuUsage();
    lastConnection = now;
    connections++;
  };
  const onRequest = (_req: IncomingMessage, res: ServerResponse) => {
    const started = performance.now();
    let answered = false;
    requests++;
    res.once('finish', () => {
      answered = true;
      latencies.push(performance.now() - started);
    });
    res.once('close', () => {
      if (!answered) closedUnanswered++;
    });
  };
  // Every HTTP server this process makes (the service makes one).
  // eslint-disable-next-line @typescript-eslint/unbound-method -- called with the server as `this`
  const emit = Server.prototype.emit as (event: string | symbol, ...args: unknown[]) => boolean;
  Server.prototype.emit = function (this: Server, event: string | symbol, ...args: unknown[]) {
    if (event === 'connection') onConnection();
    else if (event === 'request') onRequest(args[0] as IncomingMessage, args[1] as ServerResponse);
    return emit.call(this, event, ...args);
  } as typeof Server.prototype.emit;

  process.once('exit', () => {
    const sorted = latencies.sort((a, b) => a - b);
    const at = (p: number) =>
      Math.round(sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)] ?? NaN);
    const cpu = process.cpuUsage(firstConnection.cpu ?? undefined);
    const report: ProbeReport = {
      connections,
      lastAcceptedAfterMs: Math.round(lastConnection - (firstConnection.at ?? lastConnection)),
      requests,
      answered: sorted.length,
      closedUnanswered,
      latency: { p50: at(0.5), p99: at(0.99), max: at(1) },
      loopDelay: {
        p99: Math.round(loop.percentile(99) / 1e6),
        max: Math.round(loop.max / 1e6),
      },
      cpuMsPerAnswer: Number(
        ((cpu.user + cpu.system) / 1000 / Math.max(1, sorted.length)).toFixed(3),
      ),
    };
    writeFileSync(out, JSON.stringify(report));
  });
}
