import { formatValueText } from '@/lib/format';
import type { Lang } from '@/lib/i18n';
import type { Indicator, Meta, Observation } from '@contract/types';

/**
 * Small township counts can identify a person. With `suppressBelow: N` a count-unit township
 * value v with 0 < v < N is removed at the boundary — every view, table, change and export
 * downstream sees only "missing, suppressed below N", so nothing can be derived from it.
 */
export function suppressSmallCounts(
  list: Observation[],
  meta: Meta,
  below: number | null,
): Observation[] {
  if (below === null) return list;
  const counts = new Set(meta.indicators.filter((i) => i.unit === 'count').map((i) => i.id));
  const townships = new Set(meta.regions.filter((r) => r.level === 'township').map((r) => r.id));
  return list.map((o) =>
    counts.has(o.indicator) &&
    townships.has(o.region) &&
    o.value !== null &&
    o.value > 0 &&
    o.value < below
      ? { ...o, value: null, suppressedBelow: below }
      : o,
  );
}

/** The text of one cell: its value with unit, "<N" when suppressed, "—" when missing. */
export function cellText(o: Observation | undefined, indicator: Indicator, lang: Lang): string {
  if (o?.suppressedBelow != null) return `<${o.suppressedBelow}`;
  return formatValueText(o?.value, indicator, lang);
}
