import type { Lang } from '@/lib/i18n';
import type { Assessment, Campaign, Meta, Ranking, Region } from '@contract/types';
import { scopeText } from '@/features/filters/scope';
import type { Scope } from '@/features/filters/scope';
import { translator } from '@/lib/i18n';
import { summarizeRanks } from '@/lib/summary/summarize';
import { captionLines } from './caption';
import { scopeWord } from './scope-word';
import type { ChartSpec } from './chart-spec';
import { campaignMarks } from './indicator-spec';

export interface RankSpecInput {
  id: string;
  meta: Meta;
  assessment: Assessment;
  rankings: readonly Ranking[];
  selectedId: string | null;
  campaign: Campaign | null;
  scope: Scope;
  focusYear: number;
  lang: Lang;
  demo: boolean;
}

/** One assessment's ranks over the years, rank 1 at the top. */
export function buildRankSpec(input: RankSpecInput): ChartSpec {
  const { meta, assessment: a, lang } = input;
  const t = translator(lang);
  const rows = input.rankings.filter((r) => r.assessment === a.id);
  const byKey = new Map(rows.map((r) => [`${r.region}|${r.year}`, r]));
  const years = meta.years.filter((y) => rows.some((r) => r.year === y));
  const regions: Region[] = meta.regions.filter((reg) => rows.some((r) => r.region === reg.id));
  const at = (region: string, year: number) => byKey.get(`${region}|${year}`);
  const focus = regions.find((r) => r.id === input.selectedId);
  const summary = focus
    ? summarizeRanks({
        lang,
        assessmentName: a.name[lang],
        regionName: focus.name[lang],
        scopeWord: scopeWord(meta, a, lang),
        ranks: years.map((year) => {
          const r = at(focus.id, year);
          return { year, rank: r?.rank ?? null, of: r?.of ?? null };
        }),
        focusYear: years.includes(input.focusYear)
          ? input.focusYear
          : (years[years.length - 1] ?? input.focusYear),
      })
    : '';
  const rankUnit = t('rank.unit');
  return {
    id: input.id,
    kind: 'rank',
    lang,
    title: a.name[lang],
    scope: input.scope,
    subtitle: scopeText(input.scope, lang),
    years,
    series: regions.map((reg) => ({
      id: reg.id,
      name: reg.name[lang],
      selected: reg.id === input.selectedId,
      values: years.map((y) => at(reg.id, y)?.rank ?? null),
      provisional: years.map(() => false),
    })),
    unit: null,
    yLabel: t('rank.lowerIsBetter'),
    formatTick: (v) => String(Math.round(v)),
    formatValue: (v) => t('rank.value', { rank: Math.round(v) }),
    ...campaignMarks(input.campaign, years, lang),
    reversed: true,
    rankOf: rows.reduce<number | null>((m, r) => Math.max(m ?? 0, r.of), null),
    captionLines: captionLines(meta, lang),
    source: meta.source?.[lang] ?? null,
    dataAsOf: meta.dataAsOf,
    notes: [],
    summary,
    demo: input.demo,
    table: {
      rowHeader: t('chart.region'),
      columns: years.map(String),
      rows: regions.map((reg) => ({
        header: reg.name[lang],
        cells: years.map((y) => {
          const r = at(reg.id, y);
          return r ? `${r.rank}/${r.of}` : '—';
        }),
      })),
    },
    records: regions.flatMap((reg) =>
      years.map((year) => {
        const r = at(reg.id, year);
        return {
          indicator: a.name[lang],
          unit: rankUnit,
          region: reg.name[lang],
          year,
          value: r?.rank ?? null,
          masked: null,
          provisional: false,
          note: r
            ? `${r.rank}/${r.of}${r.score !== null ? ` · ${t('rank.score', { score: r.score })}` : ''}`
            : '',
          decimals: 0,
        };
      }),
    ),
  };
}
