/**
 * The completion table in words, for one language: what the screen shows in each cell and
 * what the CSV, XLSX and Word report write. One place, so they never disagree.
 */
import { cellText } from '@/features/data/suppress';
import type { Change } from '@/lib/change';
import { formatChange, formatValueText, verdictWord } from '@/lib/format';
import type { Lang } from '@/lib/i18n';
import { translator } from '@/lib/i18n';
import type { Indicator } from '@contract/types';
import type { CompletionCell, CompletionModel } from './build-table';
import type { PeerRank } from './peer-rank';

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

/** The value with its unit; "<5" when suppressed; the cell's note or "—" when missing. */
export function valueText(c: CompletionCell, indicator: Indicator, lang: Lang): string {
  const text = cellText(c.obs, indicator, lang);
  const extra: string[] = [];
  if (c.obs?.provisional) extra.push(translator(lang)('state.provisional'));
  if (c.obs?.value == null && c.obs?.suppressedBelow == null && c.obs?.note)
    extra.push(c.obs.note[lang]);
  if (extra.length === 0) return text;
  return lang === 'zh' ? `${text}（${extra.join('，')}）` : `${text} (${extra.join(', ')})`;
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
    rank: t('completion.rankHeader'),
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
    ...(vsCompare ? [vsCompare] : []),
    h.vsPrevious,
    h.target,
    h.met,
    h.rank,
  ];
  const rows = model.rows.flatMap((row) =>
    row.cells.map((c) => ({
      group: row.group?.[lang] ?? null,
      cells: [
        row.indicator.name[lang],
        ...(many ? [c.region.name[lang]] : []),
        valueText(c, row.indicator, lang),
        ...(vsCompare ? [changeText(c.vsCompare, row.indicator, lang)] : []),
        changeText(c.vsPrevious, row.indicator, lang),
        targetText(c, row.indicator, lang),
        metText(c.met, lang),
        rankText(c.rank, lang),
      ],
    })),
  );
  return { headers, rows };
}

/** How places are counted, said once under the table. */
export function rankNote(lang: Lang): string {
  return translator(lang)('completion.rankNote');
}
