/**
 * The wall screen's own URL settings: `cycle` (seconds between regions, default 15) and
 * `refresh` (minutes between data revalidations, default 5). Out-of-range or unreadable values
 * fall back to the default rather than stalling or hammering the server.
 */
export interface WallParams {
  cycleMs: number;
  refreshMs: number;
}

export const DEFAULT_CYCLE_S = 15;
export const DEFAULT_REFRESH_MIN = 5;

function number(text: string | null, min: number, max: number, fallback: number): number {
  if (text === null || text.trim() === '') return fallback;
  const n = Number(text);
  return Number.isFinite(n) && n >= min && n <= max ? n : fallback;
}

export function readWallParams(search: URLSearchParams): WallParams {
  const cycle = number(search.get('cycle'), 1, 3600, DEFAULT_CYCLE_S);
  // Fractions of a minute are allowed (tests, a demo); under 0.6 s would be a request storm.
  const refresh = number(search.get('refresh'), 0.01, 24 * 60, DEFAULT_REFRESH_MIN);
  return { cycleMs: Math.round(cycle * 1000), refreshMs: Math.round(refresh * 60_000) };
}

/** "14:05" in the reader's clock. */
export function hhmm(time: number | Date): string {
  const d = typeof time === 'number' ? new Date(time) : time;
  return `${String(d.getHours()).padStart(2, '0')}:${String(d.getMinutes()).padStart(2, '0')}`;
}

/** The oldest fetch time among the answers on screen: what the whole screen is as fresh as. */
export function oldestUpdate(times: readonly number[]): number | null {
  const known = times.filter((t) => t > 0);
  return known.length > 0 ? Math.min(...known) : null;
}
