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

/** Why a warning is one, in words: "较上年▼ 0.1个百分点，变差；未达目标（目标 100.0%）". */
export function warningText(w: Warning, lang: Lang): string {
  const t = translator(lang);
  return [
    ...(w.worse ? [t('warnings.worse', { change: formatChange(w.worse, w.indicator, lang) })] : []),
    ...(w.missedTarget !== null
      ? [t('warnings.missed', { target: formatValueText(w.missedTarget, w.indicator, lang) })]
      : []),
  ].join(lang === 'zh' ? '；' : '; ');
}
