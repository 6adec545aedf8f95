import type { Change } from '@/lib/change';
import { formatChange, formatValueText } from '@/lib/format';
import type { Lang } from '@/lib/i18n';
import { translator } from '@/lib/i18n';
import type { Indicator, Region } from '@contract/types';
import type { CompletionModel } from './build-table';

export interface Warning {
  indicator: Indicator;
  region: Region;
  /** Got worse than the previous year. */
  worse: Change | null;
  /** Missed its target this year. */
  missedTarget: number | null;
}

/**
 * What needs attention: indicators of the chosen region(s) that got worse against the previous
 * year or missed their target. Missing data is not a warning here (the table says it).
 */
export function collectWarnings(model: CompletionModel): Warning[] {
  const out: Warning[] = [];
  for (const row of model.rows)
    for (const c of row.cells) {
      const worse = c.vsPrevious?.verdict === 'worse' ? c.vsPrevious : null;
      const missedTarget = c.met === false ? c.target : null;
      if (worse || missedTarget !== null)
        out.push({ indicator: row.indicator, region: c.region, worse, missedTarget });
    }
  return out;
}

const glued = (change: string) => change.replace(' ', '\u00a0');

/**
 * Why a warning is one, in words: "较上年▼ 0.1个百分点，变差；未达目标（目标 100.0%）". The wall
 * (`wall`: the year compared with) names that year, as its subtitle names the one its cards
 * compare with, and its English puts the verdict first as the cards do, in fewer words ("worse
 * ▼ 0.1 percentage points vs 2021; target 100.0% missed"): its panel holds a few lines of 28 px.
 */
export function warningText(w: Warning, lang: Lang, wall?: { previous: number }): string {
  const t = translator(lang);
  const keys = wall ? 'wall' : 'warnings';
  const change = w.worse ? formatChange(w.worse, w.indicator, lang) : null;
  return [
    // The wall's lines are narrow: its arrow stays with its figure ("▼ 0.1", not "▼" alone).
    ...(change
      ? [t(`${keys}.worse`, { change: wall ? glued(change) : change, year: wall?.previous })]
      : []),
    ...(w.missedTarget !== null
      ? [t(`${keys}.missed`, { target: formatValueText(w.missedTarget, w.indicator, lang) })]
      : []),
  ].join(lang === 'zh' ? '；' : '; ');
}
