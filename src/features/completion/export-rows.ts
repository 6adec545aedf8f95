/**
 * The completion table for Excel: one row per indicator (and region), numbers as numbers —
 * the value, the target and the place among peers can be sorted and summed — and the
 * changes as the words the screen shows, since a rate's change is in points and a count's in
 * percent and one numeric column could not hold both honestly.
 */
import type { ExportTable, TableCell } from '@/features/export/export-table';
import { totalNote } from '@/lib/campaign-total';
import { unitText } from '@/lib/format';
import type { Lang } from '@/lib/i18n';
import { translator } from '@/lib/i18n';
import { statusNotes, statusWord } from '@/lib/missing';
import type { CompletionCell, CompletionModel } from './build-table';
import { changeText, columnHeaders, metText, rankNotes } from './table-text';

const num = (value: number | null | undefined, decimals: number): TableCell =>
  value == null || !Number.isFinite(value) ? null : { value, decimals };

/** The total as a number (yuan stay yuan), "<N" for a suppressed cumulative, else empty. */
function totalCell(c: CompletionCell, decimals: number): TableCell {
  const total = c.total;
  if (total?.status === 'total') return { value: total.value, decimals };
  return total?.status === 'suppressed' ? `<${total.below}` : null;
}

export function completionExport(
  model: CompletionModel,
  lang: Lang,
  baseline: boolean,
  notes: string[] = [],
): ExportTable {
  const t = translator(lang);
  const h = columnHeaders(model, lang, baseline);
  const many = model.regions.length > 1;
  const cells = model.rows.flatMap((r) => r.cells.map((c) => c.obs));
  // Columns that 1.0 data never fills are left out for it, so its files stay as they were.
  const withStatus = cells.some((o) => statusWord(o, lang) !== '');
  const headers = [
    t('completion.group'),
    h.indicator,
    ...(many ? [h.region] : []),
    t('export.columns.unit'),
    h.value,
    ...(withStatus ? [t('gap.column')] : []),
    t('export.columns.provisional'),
    ...(h.total ? [h.total, t('total.noteColumn')] : []),
    ...(h.vsCompare ? [h.vsCompare] : []),
    h.vsPrevious,
    h.target,
    h.met,
    ...(h.rank ? [t('completion.rankColumn'), t('completion.ofColumn')] : []),
    t('export.columns.note'),
  ];
  const rows = model.rows.flatMap((row) =>
    row.cells.map((c): TableCell[] => {
      const ind = row.indicator;
      // Yuan stay in yuan here: a number column must keep one unit.
      const unit = ind.unit === 'cny' ? t('completion.yuan') : unitText(ind, lang);
      const masked = c.obs?.suppressedBelow != null ? `<${c.obs.suppressedBelow}` : null;
      const status = statusWord(c.obs, lang);
      const note =
        c.obs?.note?.[lang] ??
        (c.obs?.value == null && !masked && !status ? t('state.missing') : '');
      const cumulative =
        c.total?.rule === 'latest' && c.total.status !== 'unavailable' ? t('total.cumulative') : '';
      const aboutTotal = c.total
        ? [cumulative, totalNote(c.total, lang)].filter(Boolean).join(lang === 'zh' ? '，' : ', ')
        : '';
      return [
        row.group?.[lang] ?? null,
        ind.name[lang],
        ...(many ? [c.region.name[lang]] : []),
        unit || null,
        masked ?? num(c.obs?.value, ind.decimals),
        ...(withStatus ? [status || null] : []),
        c.obs?.provisional ? t('export.yes') : null,
        ...(h.total ? [totalCell(c, ind.decimals), aboutTotal || null] : []),
        ...(h.vsCompare ? [changeText(c.vsCompare, ind, lang)] : []),
        changeText(c.vsPrevious, ind, lang),
        num(c.target, ind.decimals),
        metText(c.met, lang),
        ...(h.rank
          ? [
              c.rank && c.rank.of > 1 ? { value: c.rank.rank, decimals: 0 } : null,
              c.rank && c.rank.of > 1 ? { value: c.rank.of, decimals: 0 } : null,
            ]
          : []),
        note || null,
      ];
    }),
  );
  return {
    headers,
    rows,
    notes: [...rankNotes(model, lang), ...statusNotes(cells, lang), ...notes],
  };
}
