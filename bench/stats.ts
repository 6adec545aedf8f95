/** A figure measured several times: the median is what the report shows, min–max its spread. */
export interface Summary {
  median: number;
  min: number;
  max: number;
  n: number;
  samples: number[];
}

export function summarize(samples: readonly number[]): Summary {
  const sorted = [...samples].filter((x) => Number.isFinite(x)).sort((a, b) => a - b);
  const n = sorted.length;
  if (n === 0) return { median: NaN, min: NaN, max: NaN, n: 0, samples: [...samples] };
  const mid = Math.floor(n / 2);
  const median =
    n % 2 === 1 ? (sorted[mid] ?? NaN) : ((sorted[mid - 1] ?? NaN) + (sorted[mid] ?? NaN)) / 2;
  return {
    median,
    min: sorted[0] ?? NaN,
    max: sorted[n - 1] ?? NaN,
    n,
    samples: samples.map((x) => Math.round(x * 100) / 100),
  };
}

/** Run `fn` `runs` times one after another and summarize what it returns. */
export async function repeat(runs: number, fn: (i: number) => Promise<number>): Promise<Summary> {
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) samples.push(await fn(i));
  return summarize(samples);
}

/** How many times each figure is measured: BENCH_RUNS (default 5, at least 1). */
export function benchRuns(): number {
  const raw = Number(process.env.BENCH_RUNS ?? '5');
  return Number.isInteger(raw) && raw >= 1 ? raw : 5;
}
