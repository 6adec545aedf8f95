import type { KpiCardProps, KpiChange } from '@/components/kpi-card';
import type { ObservationIndex } from '@/features/data/observation-index';
import { cell } from '@/features/data/observation-index';
import type { Lang } from '@/lib/i18n';
import type { Campaign, Indicator } from '@contract/types';
import { addsNothing, campaignTotal, totalText } from '@/lib/campaign-total';
import { computeChange } from '@/lib/change';
import { formatChange, formatValue, formatValueText, verdictWord } from '@/lib/format';
import { translator } from '@/lib/i18n';
import { gapOf, gapWord } from '@/lib/missing';

export interface CardInput {
  indicator: Indicator;
  index: ObservationIndex;
  region: string;
  year: number;
  compareYear: number | null;
  lang: Lang;
  /** The campaign whose total is shown next to the figure (flow and cumulative indicators). */
  campaign?: Campaign | null;
}

function changeLine(label: string, input: CardInput, fromYear: number): KpiChange {
  const { indicator, index, region, year, lang } = input;
  const t = translator(lang);
  const from = cell(index, indicator.id, region, fromYear)?.value;
  const to = cell(index, indicator.id, region, year)?.value;
  const change = computeChange(from, to, indicator.unit, indicator.better);
  if (!change) return { label, text: t('card.noChange'), verdict: null, verdictText: '' };
  return {
    label,
    text: formatChange(change, indicator, lang),
    verdict: change.verdict,
    verdictText: verdictWord(change, lang),
  };
}

/** What a KPI card says for one indicator, region and year: value, changes, target, notes. */
export function buildCard(
  input: CardInput,
): Omit<KpiCardProps, 'trend'> & { targetText: string | null; noteText: string | null } {
  const { indicator, index, region, year, compareYear, lang } = input;
  const t = translator(lang);
  const obs = cell(index, indicator.id, region, year);
  const value = formatValue(obs?.value, indicator, lang);
  const changes: KpiChange[] = [];
  if (compareYear !== null && compareYear < year) {
    changes.push(changeLine(t('card.vsBaseline', { year: compareYear }), input, compareYear));
  }
  if (compareYear !== year - 1) changes.push(changeLine(t('card.vsPrevious'), input, year - 1));
  const badges: string[] = [];
  if (obs?.provisional) badges.push(t('state.provisional'));
  let targetText: string | null = null;
  if (obs?.target != null) {
    const met =
      obs.value != null &&
      (indicator.better === 'lower' ? obs.value <= obs.target : obs.value >= obs.target);
    targetText = `${t('card.target', { value: formatValueText(obs.target, indicator, lang) })}${obs.value != null ? ` · ${met ? t('card.targetMet') : t('card.targetMissed')}` : ''}`;
  }
  // A reason from the server reads "— 保密"; "<N" and a plain gap read as before.
  const gap = gapOf(obs);
  const status = gap && gap.kind !== 'suppressed' && gap.kind !== 'absent' ? gap : null;
  const total = campaignTotal({
    aggregation: indicator.aggregation,
    campaign: input.campaign ?? null,
    year,
    at: (y) => cell(index, indicator.id, region, y),
  });
  return {
    name: indicator.name[lang],
    number: value.number,
    unit: value.unit,
    missing: value.missing,
    missingText:
      gap?.kind === 'suppressed'
        ? `<${gap.below}`
        : status
          ? '—'
          : (obs?.note?.[lang] ?? t('state.missing')),
    gapText: status ? gapWord(status, lang) : null,
    badges,
    changes,
    // A total missing only for want of the year shown adds nothing to the card's own "—".
    total: total && !addsNothing(total, year) ? totalText(total, indicator, lang) : null,
    targetText,
    noteText: status && obs?.note ? obs.note[lang] : null,
    description: indicator.description?.[lang],
  };
}
