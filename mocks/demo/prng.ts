/**
 * Deterministic pseudo-randomness for the demo data. Each series gets its own generator seeded
 * from its name, so adding or reordering series never shifts the values of the others.
 */
export type Random = () => number;

/** mulberry32: tiny, fast and good enough for plausible-looking demo numbers. */
export function mulberry32(seed: number): Random {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** FNV-1a, so a series name maps to a stable 32-bit seed. */
export function hashString(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i += 1) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

export function randomFor(key: string): Random {
  return mulberry32(hashString(key));
}

/** A value spread uniformly in [centre - spread, centre + spread]. */
export function jitter(random: Random, centre: number, spread: number): number {
  return centre + (random() * 2 - 1) * spread;
}

export function roundTo(value: number, decimals: number): number {
  const factor = 10 ** decimals;
  return Math.round(value * factor) / factor;
}
