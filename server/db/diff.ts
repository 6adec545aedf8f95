/**
 * What an import would change: cells (observations and rankings) added, changed and removed,
 * and which dimension records and meta fields differ. Comparison is by value, independent of
 * field order, so re-importing the same workbook finds nothing to do.
 */
import type { WireDataset, WireObservation, WireRanking } from '@contract/wire-types';
import type { ServedMeta } from './read';

export interface KeyedChanges<T> {
  added: T[];
  changed: { before: T; after: T }[];
  removed: T[];
}

export interface DatasetDiff {
  /** Meta fields (title, source, dataAsOf, years) whose value differs. */
  meta: string[];
  /** Per dimension list (regions, campaigns, …): ids added, changed, removed, or reordered. */
  dimensions: Record<
    string,
    { added: string[]; changed: string[]; removed: string[]; reordered: boolean }
  >;
  observations: KeyedChanges<WireObservation>;
  rankings: KeyedChanges<WireRanking>;
}

/** JSON with sorted keys and no undefined members: equal data, equal text. */
export function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => {
    if (v === null || typeof v !== 'object' || Array.isArray(v)) return v;
    const sorted: Record<string, unknown> = {};
    for (const k of Object.keys(v).sort()) {
      const member = (v as Record<string, unknown>)[k];
      if (member !== undefined) sorted[k] = member;
    }
    return sorted;
  });
}

/**
 * Optional wire fields at their default (provisional false, absent target/note/status) compare as
 * absent.
 */
function normalObservation(o: WireObservation): WireObservation {
  const n: WireObservation = {
    indicator: o.indicator,
    region: o.region,
    year: o.year,
    value: o.value,
  };
  if (o.target !== undefined) n.target = o.target;
  if (o.provisional) n.provisional = true;
  if (o.note) n.note = o.note;
  if (o.status) n.status = o.status;
  return n;
}

function normalRanking(r: WireRanking): WireRanking {
  const n: WireRanking = {
    assessment: r.assessment,
    year: r.year,
    region: r.region,
    rank: r.rank,
    of: r.of,
  };
  if (r.score !== undefined) n.score = r.score;
  return n;
}

export function keyedDiff<T>(
  before: readonly T[],
  after: readonly T[],
  key: (t: T) => string,
): KeyedChanges<T> {
  const old = new Map(before.map((t) => [key(t), t]));
  const changes: KeyedChanges<T> = { added: [], changed: [], removed: [] };
  const seen = new Set<string>();
  for (const t of after) {
    const k = key(t);
    seen.add(k);
    const previous = old.get(k);
    if (previous === undefined) changes.added.push(t);
    else if (canonical(previous) !== canonical(t))
      changes.changed.push({ before: previous, after: t });
  }
  for (const [k, t] of old) if (!seen.has(k)) changes.removed.push(t);
  return changes;
}

export const observationKey = (o: WireObservation) =>
  `${o.indicator}\u0000${o.region}\u0000${String(o.year)}`;
export const rankingKey = (r: WireRanking) =>
  `${r.assessment}\u0000${String(r.year)}\u0000${r.region}`;

const DIMENSIONS = ['regions', 'campaigns', 'programmes', 'indicators', 'assessments'] as const;

export function diffDatasets(before: WireDataset | null, after: WireDataset): DatasetDiff {
  const oldMeta: ServedMeta | null = before?.meta ?? null;
  const meta: string[] = [];
  for (const field of ['title', 'source', 'dataAsOf', 'years'] as const)
    if (canonical(oldMeta?.[field] ?? null) !== canonical(after.meta[field])) meta.push(field);
  const dimensions: DatasetDiff['dimensions'] = {};
  for (const name of DIMENSIONS) {
    const oldList: readonly { id: string }[] = oldMeta?.[name] ?? [];
    const newList: readonly { id: string }[] = after.meta[name];
    const changes = keyedDiff(oldList, newList, (r) => r.id);
    const oldIds = new Set(oldList.map((r) => r.id));
    const newIds = new Set(newList.map((r) => r.id));
    const oldOrder = oldList.map((r) => r.id).filter((id) => newIds.has(id));
    const newOrder = newList.map((r) => r.id).filter((id) => oldIds.has(id));
    dimensions[name] = {
      added: changes.added.map((r) => r.id),
      changed: changes.changed.map((c) => c.after.id),
      removed: changes.removed.map((r) => r.id),
      reordered: oldOrder.join('\u0000') !== newOrder.join('\u0000'),
    };
  }
  return {
    meta,
    dimensions,
    observations: keyedDiff(
      (before?.observations ?? []).map(normalObservation),
      after.observations.map(normalObservation),
      observationKey,
    ),
    rankings: keyedDiff(
      (before?.rankings ?? []).map(normalRanking),
      after.rankings.map(normalRanking),
      rankingKey,
    ),
  };
}

export function isUnchanged(diff: DatasetDiff): boolean {
  const cells = [diff.observations, diff.rankings].every(
    (c) => c.added.length + c.changed.length + c.removed.length === 0,
  );
  const dims = Object.values(diff.dimensions).every(
    (d) => d.added.length + d.changed.length + d.removed.length === 0 && !d.reordered,
  );
  return cells && dims && diff.meta.length === 0;
}
