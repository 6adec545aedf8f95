/**
 * The completion table in words, for one language: what the screen shows in each cell and
 * what the CSV, XLSX and Word report write. One place, so they never disagree.
 */
import { addsNothing, totalText as writeTotal } from '@/lib/campaign-total';
import type { Change } from '@/lib/change';
import { formatChange, formatValueText, verdictWord } from '@/lib/format';
import type { Lang } from '@/lib/i18n';
import { translator } from '@/lib/i18n';
import { cellValueText, gapOf, gapWord, withMarker } from '@/lib/missing';
import type { Indicator } from '@contract/types';
import type { CompletionCell, CompletionModel } from './build-table';
import type { PeerRank } from './peer-rank';
import { yearRange } from '@/lib/year-range';

export function changeText(change: Change | null, indicator: Indicator, lang: Lang): string {
  if (!change) return '—';
  const verdict = change.verdict === 'neutral' ? '' : ` ${verdictWord(change, lang)}`;
  return `${formatChange(change, indicator, lang)}${verdict}`;
}

export function rankText(rank: PeerRank | null, lang: Lang): string {
  // Alone at its level (a city with no sibling in the data), a place says nothing.
  if (!rank || rank.of < 2) return '—';
  return translator(lang)(rank.tied ? 'completion.rankTied' : 'completion.rank', {
    rank: rank.rank,
    of: rank.of,
  });
}

export function metText(met: boolean | null, lang: Lang): string {
  if (met === null) return '—';
  return translator(lang)(met ? 'completion.met' : 'completion.missed');
}

/**
 * The value with its unit; "<5" when suppressed; "—" when missing, with the server's reason
 * ("—（保密）") and the cell's note.
 */
export function valueText(c: CompletionCell, indicator: Indicator, lang: Lang): string {
  const gap = gapOf(c.obs);
  const status = gap && gap.kind !== 'suppressed' && gap.kind !== 'absent' ? gap : null;
  const text = status ? '—' : cellValueText(c.obs, indicator, lang);
  const extra: string[] = [];
  if (status) extra.push(gapWord(status, lang));
  if (c.obs?.provisional) extra.push(translator(lang)('state.provisional'));
  if (c.obs?.value == null && c.obs?.suppressedBelow == null && c.obs?.note)
    extra.push(c.obs.note[lang]);
  if (extra.length === 0) return text;
  return withMarker(text, extra.join(lang === 'zh' ? '，' : ', '), lang);
}

/** The campaign total: "200人（含初步数据）", "—（2018年保密，不合计）", "2,968万元（累计数）". */
export function totalCellText(
  c: CompletionCell,
  indicator: Indicator,
  lang: Lang,
  year: number,
): string {
  // Rates, stocks and unknown aggregations have no total: an empty cell, not a missing one;
  // nor does a total missing only for the year shown, whose own cell says why.
  if (!c.total || addsNothing(c.total, year)) return '';
  const w = writeTotal(c.total, indicator, lang);
  const extra = [
    ...(c.total.rule === 'latest' && c.total.status !== 'unavailable'
      ? [translator(lang)('total.cumulative')]
      : []),
    ...(w.note ? [w.note] : []),
  ];
  return extra.length > 0
    ? withMarker(w.value, extra.join(lang === 'zh' ? '，' : ', '), lang)
    : w.value;
}

export function targetText(c: CompletionCell, indicator: Indicator, lang: Lang): string {
  return c.target == null ? '—' : formatValueText(c.target, indicator, lang);
}

/** Column headers (after the indicator and, with several regions, the region). */
export function columnHeaders(model: CompletionModel, lang: Lang, baseline: boolean) {
  const t = translator(lang);
  return {
    indicator: t('completion.indicator'),
    region: t('completion.region'),
    value: t('completion.value', { year: model.year }),
    vsCompare:
      model.compare === null
        ? null
        : t(baseline ? 'completion.vsBaseline' : 'completion.vsCompare', { year: model.compare }),
    vsPrevious: t('completion.vsPrevious', { year: model.previous }),
    target: t('completion.target'),
    met: t('completion.metHeader'),
    /** null when no region shown has a peer to be placed among (see CompletionModel.ranked). */
    rank: model.ranked ? t('completion.rankHeader') : null,
    total:
      model.totalSpan &&
      t('total.header', { years: yearRange(model.totalSpan.from, model.totalSpan.to, lang) }),
  };
}

export interface FlatTable {
  headers: string[];
  /** One row per indicator and region; `group` is the heading the row sits under. */
  rows: { group: string | null; cells: string[] }[];
}

/** The table as rows of text, for CSV, XLSX and Word: one row per indicator (and region). */
export function flatTable(model: CompletionModel, lang: Lang, baseline: boolean): FlatTable {
  const h = columnHeaders(model, lang, baseline);
  const many = model.regions.length > 1;
  const vsCompare = h.vsCompare;
  const headers = [
    h.indicator,
    ...(many ? [h.region] : []),
    h.value,
    ...(h.total ? [h.total] : []),
    ...(vsCompare ? [vsCompare] : []),
    h.vsPrevious,
    h.target,
    h.met,
    ...(h.rank ? [h.rank] : []),
  ];
  const rows = model.rows.flatMap((row) =>
    row.cells.map((c) => ({
      group: row.group?.[lang] ?? null,
      cells: [
        row.indicator.name[lang],
        ...(many ? [c.region.name[lang]] : []),
        valueText(c, row.indicator, lang),
        ...(h.total ? [totalCellText(c, row.indicator, lang, model.year)] : []),
        ...(vsCompare ? [changeText(c.vsCompare, row.indicator, lang)] : []),
        changeText(c.vsPrevious, row.indicator, lang),
        targetText(c, row.indicator, lang),
        metText(c.met, lang),
        ...(h.rank ? [rankText(c.rank, lang)] : []),
      ],
    })),
  );
  return { headers, rows };
}

/** How places are counted, said once under the table; nothing when the table gives no place. */
export function rankNotes(model: CompletionModel, lang: Lang): string[] {
  return model.ranked ? [translator(lang)('completion.rankNote')] : [];
}
