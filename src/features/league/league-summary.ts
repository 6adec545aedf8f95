/**
 * The league in one sentence, in the UI language: who is first and last in the year, how many
 * could not be ranked, and where the selected region stands. A suppressed value is never named
 * as first or last: only ranked places are compared.
 */
import type { Lang } from '@/lib/i18n';
import { translator } from '@/lib/i18n';
import { nameInSentence } from '@/lib/summary/write-en';
import type { Better } from '@/lib/change';
import type { LeagueEntry, LeagueInput } from './league-order';

export interface SummaryItem extends LeagueInput {
  name: string;
  valueText: string;
  selected: boolean;
  /** Why a missing value is missing, when the server said (保密 / 未报送 / 不适用); else ''. */
  gapWord?: string;
}

export interface LeagueSummaryInput {
  lang: Lang;
  year: number;
  indicatorName: string;
  /** "龙华区11个镇/街道" / "the 11 townships of Longhua". */
  group: string;
  better: Better;
  /** Counts and amounts read "最少/最多", rates "最低/最高". */
  rate: boolean;
  entries: LeagueEntry<SummaryItem>[];
}

function names(list: string[], lang: Lang): string {
  const t = translator(lang);
  const sep = lang === 'zh' ? '、' : ', ';
  if (list.length <= 3) return list.join(sep);
  return t('league.names', { names: list.slice(0, 2).join(sep), n: list.length });
}

export function leagueSummary(input: LeagueSummaryInput): string {
  const { lang, entries } = input;
  const t = translator(lang);
  const ranked = entries.flatMap((e) => (e.status === 'ranked' ? [e] : []));
  const indicator = lang === 'en' ? nameInSentence(input.indicatorName).text : input.indicatorName;
  const common = { year: input.year, group: input.group, indicator };
  const parts: string[] = [];
  const first = ranked[0];
  const last = ranked[ranked.length - 1];
  if (!first || !last) parts.push(t('league.summaryNone', common));
  else if (ranked.length === 1)
    parts.push(
      t('league.summaryOne', {
        ...common,
        first: first.item.name,
        firstValue: first.item.valueText,
      }),
    );
  else if (first.value === last.value)
    parts.push(
      t('league.summarySame', {
        ...common,
        first: names(
          ranked.map((e) => e.item.name),
          lang,
        ),
        firstValue: first.item.valueText,
      }),
    );
  else {
    const at = (v: number) =>
      names(
        ranked.filter((e) => e.value === v).map((e) => e.item.name),
        lang,
      );
    const kind = input.rate ? 'rate' : 'count';
    const lowFirst = input.better === 'lower';
    parts.push(
      t('league.summary', {
        ...common,
        firstWord: t(lowFirst ? `league.lowest.${kind}` : `league.highest.${kind}`),
        lastWord: t(lowFirst ? `league.highest.${kind}` : `league.lowest.${kind}`),
        first: at(first.value),
        firstValue: first.item.valueText,
        last: at(last.value),
        lastValue: last.item.valueText,
      }),
    );
  }
  const suppressed = entries.flatMap((e) => (e.status === 'suppressed' ? [e] : []));
  const below = suppressed[0]?.below;
  if (below !== undefined) parts.push(t('league.suppressed', { n: suppressed.length, below }));
  // Kinds of missing apart: "1个保密、2个无数据" rather than "3个无数据".
  const kinds = new Map<string, number>();
  for (const e of entries)
    if (e.status === 'missing')
      kinds.set(e.item.gapWord ?? '', (kinds.get(e.item.gapWord ?? '') ?? 0) + 1);
  const missingParts = [...kinds]
    .sort(([a], [b]) => (a === '' ? 1 : 0) - (b === '' ? 1 : 0))
    .map(([kind, n]) => (kind ? t('league.missingKind', { n, kind }) : t('league.missing', { n })));
  if (missingParts.length > 0) parts.push(missingParts.join(lang === 'zh' ? '、' : ', '));
  for (const e of entries.filter((x) => x.item.selected)) {
    parts.push(
      e.status === 'ranked'
        ? t(
            ranked.some((o) => o !== e && o.rank === e.rank)
              ? 'league.selectedTied'
              : 'league.selectedRank',
            { name: e.item.name, rank: e.rank, of: ranked.length },
          )
        : t('league.selectedUnranked', { name: e.item.name }),
    );
  }
  return lang === 'zh' ? `${parts.join('；')}。` : `${parts.join('; ')}.`;
}
