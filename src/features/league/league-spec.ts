/**
 * One league (红黑榜) as a ChartSpec: the regions of one level in one year, best first, each
 * with its value, change against the comparison year, target and list. The bars, the table
 * twin, the records for CSV/XLSX and the summary all come from one ordered list.
 */
import type { BarRowInput } from '@/components/chart/bar-layout';
import type { ChartSpec, ExportRecord } from '@/features/charts/chart-spec';
import { captionLines } from '@/features/charts/caption';
import { peerGroupLabel } from '@/features/charts/peer-label';
import type { ObservationIndex } from '@/features/data/observation-index';
import { cell } from '@/features/data/observation-index';
import { cellNotes } from '@/features/data/select';
import type { Scope } from '@/features/filters/scope';
import { scopeText } from '@/features/filters/scope';
import { computeChange } from '@/lib/change';
import type { Change } from '@/lib/change';
import {
  axisFormat,
  formatChange,
  formatValueText,
  unitText,
  verdictWord,
  withUnit,
} from '@/lib/format';
import type { Lang } from '@/lib/i18n';
import { translator } from '@/lib/i18n';
import { cellValueText, gapCell, gapOf, statusNotes, statusWord } from '@/lib/missing';
import { validIn } from '@/lib/validity';
import type { Indicator, Meta, Observation, Region } from '@contract/types';
import { bandSize, leagueOrder } from './league-order';
import type { LeagueEntry } from './league-order';
import { leagueSummary } from './league-summary';
import type { SummaryItem } from './league-summary';

export interface LeagueSpecInput {
  id: string;
  meta: Meta;
  index: ObservationIndex;
  indicator: Indicator;
  regions: Region[];
  selectedIds: ReadonlySet<string>;
  year: number;
  /** The year changes are measured against; null for none. */
  compare: number | null;
  title: string;
  scope: Scope;
  lang: Lang;
  demo: boolean;
}

interface Item extends SummaryItem {
  region: Region;
  obs: Observation | undefined;
  change: Change | null;
}

const isRate = (i: Indicator) =>
  i.unit === 'percent' || i.unit === 'permille' || i.unit === 'score';

function changeWords(item: Item, input: LeagueSpecInput): string {
  const { indicator, lang } = input;
  if (input.compare === null || item.obs?.value == null) return '';
  if (!item.change) return translator(lang)('league.noChange');
  const amount = formatChange(item.change, indicator, lang);
  // A neutral indicator only moves: the arrow and amount say how, a word would add nothing.
  return item.change.verdict === 'neutral' ? amount : `${amount} ${verdictWord(item.change, lang)}`;
}

function targetWords(
  e: LeagueEntry<Item>,
  input: LeagueSpecInput,
): { target: number | null; text: string } {
  const target = e.item.obs?.target ?? null;
  if (e.status !== 'ranked' || target === null) return { target: null, text: '' };
  const met = input.indicator.better === 'lower' ? e.value <= target : e.value >= target;
  return { target, text: translator(input.lang)(met ? 'card.targetMet' : 'card.targetMissed') };
}

export function buildLeagueSpec(input: LeagueSpecInput): ChartSpec {
  const { meta, index, indicator, lang, year } = input;
  const t = translator(lang);
  // A region that did not exist in the year (a merged township) is not in its league.
  const regions = input.regions.filter((r) => validIn(r, year));
  const items: Item[] = regions.map((region) => {
    const obs = cell(index, indicator.id, region.id, year);
    const base =
      input.compare !== null ? cell(index, indicator.id, region.id, input.compare) : undefined;
    const shown = obs?.value != null || obs?.suppressedBelow != null;
    const gap = gapOf(obs);
    const status = gap && gap.kind !== 'suppressed' && gap.kind !== 'absent' ? gap : null;
    return {
      id: region.id,
      region,
      obs,
      name: region.name[lang],
      value: obs?.value ?? null,
      suppressedBelow: obs?.suppressedBelow ?? null,
      gapWord: status ? statusWord(obs, lang) : '',
      valueText: shown
        ? `${cellValueText(obs, indicator, lang)}${obs.provisional && obs.value !== null ? '*' : ''}`
        : status
          ? gapCell(status, lang)
          : t('league.noData'),
      selected: input.selectedIds.has(region.id),
      // Either side suppressed or missing: no change, so nothing hidden can be worked out.
      change: computeChange(base?.value, obs?.value, indicator.unit, indicator.better),
    };
  });
  const entries = leagueOrder(items, indicator.better);
  const ranked = entries.flatMap((e) => (e.status === 'ranked' ? [e] : []));
  const k = indicator.better === 'neutral' ? 0 : bandSize(ranked.length);
  const rows: BarRowInput[] = entries.map((e) => {
    const change = e.item.change;
    const target = targetWords(e, input);
    return {
      id: e.item.id,
      name: e.item.name,
      rank: e.status === 'ranked' ? String(e.rank) : '',
      value: e.status === 'ranked' ? e.value : null,
      valueText: e.item.valueText,
      changeText: changeWords(e.item, input),
      changeTone:
        change?.verdict === 'better' ? 'better' : change?.verdict === 'worse' ? 'worse' : 'plain',
      target: target.target,
      targetText: target.text,
      tone: e.status === 'ranked' ? e.band : 'none',
      selected: e.item.selected,
    };
  });
  const listOf = (e: LeagueEntry<Item>) =>
    e.status !== 'ranked' || e.band === 'middle' || e.band === 'none'
      ? ''
      : t(e.band === 'top' ? 'league.listTop' : 'league.listBottom');
  const targets = [...new Set(rows.flatMap((r) => (r.target !== null ? [r.target] : [])))];
  const oneTarget = targets.length === 1 ? targets[0] : undefined;
  const maxAbs = Math.max(0, ...rows.map((r) => Math.abs(r.value ?? 0)), ...targets);
  const axis = axisFormat(indicator, lang, maxAbs);
  const axisLabel = withUnit(indicator.name[lang], axis.unit, lang);
  const unitName = unitText(indicator, lang);

  const hasTargets = targets.length > 0;
  const hasLists = entries.some((e) => listOf(e) !== '');
  const ranks = ranked.map((e) => e.rank);
  const notes = [
    ...(new Set(ranks).size < ranks.length ? [t('league.tieNote')] : []),
    ...(entries.find((e) => e.status === 'suppressed')
      ? [
          t('league.suppressedNote', {
            n: items.find((i) => i.suppressedBelow != null)?.suppressedBelow,
          }),
        ]
      : []),
    // "无数据" explains a gap without a reason; a reason has its own note (statusNotes).
    ...(entries.some((e) => e.status === 'missing' && statusWord(e.item.obs, lang) === '')
      ? [t('league.missingNote')]
      : []),
    ...(items.some((i) => i.obs?.provisional && i.obs.value !== null)
      ? [t('league.provisionalNote', { year })]
      : []),
    ...statusNotes(
      items.map((i) => i.obs),
      lang,
    ),
    ...cellNotes(index, indicator.id, regions, [year], lang).slice(0, 12),
  ];
  const records: ExportRecord[] = entries.map((e, i) => {
    const row = rows[i];
    const note = [
      e.status === 'ranked' ? t('league.record', { rank: e.rank }) : t('league.unranked'),
      listOf(e),
      row?.changeText ?? '',
      row?.target != null
        ? `${t('card.target', { value: formatValueText(row.target, indicator, lang) })} ${row.targetText}`
        : '',
    ].filter(Boolean);
    return {
      indicator: indicator.name[lang],
      unit: unitName,
      region: e.item.name,
      year,
      value: e.item.obs?.value ?? null,
      masked: e.item.suppressedBelow != null ? `<${e.item.suppressedBelow}` : null,
      provisional: e.item.obs?.provisional ?? false,
      note: note.join(' · '),
      decimals: indicator.decimals,
      status: statusWord(e.item.obs, lang),
    };
  });
  const summary = leagueSummary({
    lang,
    year,
    indicatorName: indicator.name[lang],
    group: peerGroupLabel(meta, regions, lang),
    better: indicator.better,
    rate: isRate(indicator),
    entries,
  });

  return {
    id: input.id,
    kind: 'bar',
    lang,
    title: input.title,
    scope: input.scope,
    subtitle: scopeText(input.scope, lang),
    years: [year],
    series: [],
    unit: {
      unit: indicator.unit,
      decimals: indicator.decimals,
      label: unitName,
      better: indicator.better,
    },
    yLabel: axisLabel,
    formatTick: axis.format,
    formatValue: (v) => formatValueText(v, indicator, lang),
    band: null,
    baseline: null,
    reversed: false,
    rankOf: null,
    captionLines: captionLines(meta, lang),
    source: meta.source?.[lang] ?? null,
    dataAsOf: meta.dataAsOf,
    notes,
    summary,
    demo: input.demo,
    table: {
      rowHeader: t('chart.region'),
      columns: [
        t('league.columns.rank'),
        t('league.columns.value'),
        input.compare !== null
          ? t('league.changeHeader', { year: input.compare })
          : t('league.columns.change'),
        ...(hasTargets ? [t('league.columns.target'), t('league.columns.met')] : []),
        ...(hasLists ? [t('league.columns.list')] : []),
      ],
      rows: entries.map((e, i) => {
        const row = rows[i];
        return {
          header: e.item.name,
          cells: [
            e.status === 'ranked' ? String(e.rank) : '—',
            e.item.valueText,
            row?.changeText || '—',
            ...(hasTargets
              ? [
                  row?.target != null ? formatValueText(row.target, indicator, lang) : '—',
                  row?.targetText || '—',
                ]
              : []),
            ...(hasLists ? [listOf(e) || '—'] : []),
          ],
        };
      }),
    },
    records,
    bars: {
      rows,
      axisLabel,
      formatTick: axis.format,
      wholeNumbers: indicator.decimals === 0 && indicator.unit !== 'cny',
      key: {
        top: rows.some((r) => r.tone === 'top') ? t('league.top', { n: k }) : null,
        bottom: rows.some((r) => r.tone === 'bottom') ? t('league.bottom', { n: k }) : null,
        target: !hasTargets
          ? null
          : oneTarget !== undefined
            ? t('card.target', { value: formatValueText(oneTarget, indicator, lang) })
            : t('league.target'),
      },
    },
  };
}
