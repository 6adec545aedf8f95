/** Option helpers for the service's commands (parsing itself is node:util parseArgs). */

export function integerOption(
  raw: string | undefined,
  name: string,
  fallback: number,
  min = 0,
): number {
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min)
    throw new Error(`--${name} must be an integer ≥ ${min}, got "${raw}"`);
  return n;
}
