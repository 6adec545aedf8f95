import type { Observation } from './types';

const isId = (x: unknown): x is string => typeof x === 'string' && x.length > 0 && x.length <= 200;
const isFinite = (x: unknown): x is number => typeof x === 'number' && Number.isFinite(x);

/**
 * The common case — a well-formed observation without a note — checked by hand: valibot's
 * per-record machinery costs ~3 µs a record, which is 100 ms on a province's 35k records.
 * Anything this does not accept goes through the full schema (observationSchema), which
 * either accepts it too or names the failing field. It is never looser than the schema.
 */
export function fastObservation(raw: unknown): Observation | null {
  if (typeof raw !== 'object' || raw === null) return null;
  const r = raw as Record<string, unknown>;
  const { indicator, region, year, value, target, provisional, note, status } = r;
  if (!isId(indicator) || !isId(region)) return null;
  if (typeof year !== 'number' || !Number.isInteger(year) || year < 1900 || year > 2200)
    return null;
  if (value !== null && !isFinite(value)) return null;
  if (target !== undefined && target !== null && !isFinite(target)) return null;
  if (provisional !== undefined && typeof provisional !== 'boolean') return null;
  if (note !== undefined && note !== null) return null; // notes take the schema path
  if (status !== undefined && status !== null) return null; // so do statuses
  return {
    indicator,
    region,
    year,
    value,
    target: target ?? null,
    provisional: provisional ?? false,
    note: null,
    suppressedBelow: null,
  };
}
