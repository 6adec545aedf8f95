/**
 * What the data page shows of a diff (the shared spec's DiffView): complete totals, and the
 * changed cells grouped by indicator and region with their names, sorted as the workbook
 * lists them (indicator order, region order, year), at most MAX_CELLS of them. Names come from
 * the newer meta, or the older one for what was removed. Rankings are groups of their own
 * (`assessment:ID`), after the indicators, with the rank as the value.
 */
import type {
  WireMeta,
  WireObservation,
  WireRanking,
  WireText,
  WireUnit,
} from '@contract/wire-types';
import type { DatasetDiff } from '../../db/diff';
import type { ServedMeta } from '../../db/read';

export const MAX_CELLS = 5_000;

export interface CellValue {
  value: number | null;
  status?: string;
  provisional?: boolean;
  /** The note in both languages, as one line ("估算 / estimate"; one of them when equal). */
  note?: string;
  /** (beyond the spec) The target, when the cell has one: a change of target alone shows. */
  target?: number;
}

export interface DiffCell {
  year: number;
  kind: 'added' | 'changed' | 'removed';
  before: CellValue | null;
  after: CellValue | null;
}

export interface DiffGroup {
  indicator: { id: string; name: WireText; unit: WireText | null };
  region: { id: string; name: WireText };
  cells: DiffCell[];
}

export interface DiffView {
  totals: {
    added: number;
    changed: number;
    removed: number;
    rankingsAdded: number;
    rankingsChanged: number;
    rankingsRemoved: number;
  };
  meta: string[];
  dimensions: DatasetDiff['dimensions'];
  groups: DiffGroup[];
  truncated: boolean;
  /** Cells listed in `groups` (at most MAX_CELLS); the totals count every one. */
  cellCount: number;
}

type Meta = WireMeta | ServedMeta;

function noteText(note: WireText | undefined): string | undefined {
  if (!note) return undefined;
  const zh = note.zh.trim();
  const en = note.en.trim();
  if (zh === '' || en === '' || zh === en) return zh || en || undefined;
  return `${zh} / ${en}`;
}

function observationValue(o: WireObservation): CellValue {
  const v: CellValue = { value: o.value };
  if (o.status) v.status = o.status;
  if (o.provisional) v.provisional = true;
  const note = noteText(o.note);
  if (note !== undefined) v.note = note;
  if (o.target !== undefined) v.target = o.target;
  return v;
}

const rankingValue = (r: WireRanking): CellValue => ({ value: r.rank });

interface Entry {
  /** Sort keys: group (indicator or assessment) position, region position, year. */
  group: number;
  region: number;
  year: number;
  groupId: string;
  regionId: string;
  cell: DiffCell;
}

/** Positions: the newer list's order first, then ids only the older one has, in its order. */
function positions(after: readonly { id: string }[], before: readonly { id: string }[] = []) {
  const at = new Map<string, number>();
  for (const r of after) if (!at.has(r.id)) at.set(r.id, at.size);
  for (const r of before) if (!at.has(r.id)) at.set(r.id, at.size);
  return at;
}

const UNITS: Partial<Record<WireUnit, WireText>> = {
  percent: { zh: '%', en: '%' },
  permille: { zh: '‰', en: '‰' },
  cny: { zh: '元', en: 'yuan' },
  kg: { zh: '千克', en: 'kg' },
};

/** Records by id, the newer meta's winning. */
function byId<T extends { id: string }>(after: readonly T[], before: readonly T[] = []) {
  const map = new Map<string, T>();
  for (const x of before) map.set(x.id, x);
  for (const x of after) map.set(x.id, x);
  return map;
}

export function buildDiffView(diff: DatasetDiff, before: Meta | null, after: Meta): DiffView {
  const indicators = positions(after.indicators, before?.indicators);
  const assessments = positions(after.assessments, before?.assessments);
  const regions = positions(after.regions, before?.regions);
  const offset = indicators.size;
  const entries: Entry[] = [];
  const regionAt = (id: string) => regions.get(id) ?? Number.MAX_SAFE_INTEGER;
  const observation = (
    o: WireObservation,
    kind: DiffCell['kind'],
    b: CellValue | null,
    a: CellValue | null,
  ) =>
    entries.push({
      group: indicators.get(o.indicator) ?? Number.MAX_SAFE_INTEGER,
      region: regionAt(o.region),
      year: o.year,
      groupId: o.indicator,
      regionId: o.region,
      cell: { year: o.year, kind, before: b, after: a },
    });
  const ranking = (
    r: WireRanking,
    kind: DiffCell['kind'],
    b: CellValue | null,
    a: CellValue | null,
  ) =>
    entries.push({
      group: offset + (assessments.get(r.assessment) ?? Number.MAX_SAFE_INTEGER - offset),
      region: regionAt(r.region),
      year: r.year,
      groupId: `assessment:${r.assessment}`,
      regionId: r.region,
      cell: { year: r.year, kind, before: b, after: a },
    });
  const o = diff.observations;
  const r = diff.rankings;
  for (const c of o.added) observation(c, 'added', null, observationValue(c));
  for (const c of o.changed)
    observation(c.after, 'changed', observationValue(c.before), observationValue(c.after));
  for (const c of o.removed) observation(c, 'removed', observationValue(c), null);
  for (const c of r.added) ranking(c, 'added', null, rankingValue(c));
  for (const c of r.changed)
    ranking(c.after, 'changed', rankingValue(c.before), rankingValue(c.after));
  for (const c of r.removed) ranking(c, 'removed', rankingValue(c), null);

  entries.sort(
    (x, y) =>
      x.group - y.group ||
      (x.group === Number.MAX_SAFE_INTEGER ? x.groupId.localeCompare(y.groupId) : 0) ||
      x.region - y.region ||
      (x.region === Number.MAX_SAFE_INTEGER ? x.regionId.localeCompare(y.regionId) : 0) ||
      x.year - y.year,
  );
  const shown = entries.slice(0, MAX_CELLS);

  const indicatorById = byId(after.indicators, before?.indicators);
  const assessmentById = byId(after.assessments, before?.assessments);
  const regionById = byId(after.regions, before?.regions);
  const unnamed = (id: string): WireText => ({ zh: id, en: id });
  const groups: DiffGroup[] = [];
  let last: DiffGroup | undefined;
  for (const e of shown) {
    if (!last || last.indicator.id !== e.groupId || last.region.id !== e.regionId) {
      let indicator: DiffGroup['indicator'];
      if (e.groupId.startsWith('assessment:')) {
        const id = e.groupId.slice('assessment:'.length);
        const a = assessmentById.get(id);
        indicator = { id: e.groupId, name: a?.name ?? unnamed(id), unit: null };
      } else {
        const i = indicatorById.get(e.groupId);
        indicator = {
          id: e.groupId,
          name: i?.name ?? unnamed(e.groupId),
          unit: i ? (i.unitLabel ?? UNITS[i.unit] ?? null) : null,
        };
      }
      const region = regionById.get(e.regionId);
      last = {
        indicator,
        region: { id: e.regionId, name: region?.name ?? unnamed(e.regionId) },
        cells: [],
      };
      groups.push(last);
    }
    last.cells.push(e.cell);
  }
  return {
    totals: {
      added: o.added.length,
      changed: o.changed.length,
      removed: o.removed.length,
      rankingsAdded: r.added.length,
      rankingsChanged: r.changed.length,
      rankingsRemoved: r.removed.length,
    },
    meta: diff.meta,
    dimensions: diff.dimensions,
    groups,
    truncated: entries.length > shown.length,
    cellCount: shown.length,
  };
}
