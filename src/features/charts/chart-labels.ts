import type { LineChartLabels } from '@/components/chart/line-chart';
import { translator } from '@/lib/i18n';
import type { Lang } from '@/lib/i18n';

/** The chart's own words (legend, tooltip, empty plot), for the screen and the files. */
const labelCache = new Map<Lang, LineChartLabels>();
export function chartLabels(lang: Lang): LineChartLabels {
  let labels = labelCache.get(lang);
  if (!labels) {
    const t = translator(lang);
    labels = {
      legend: t('chart.legend'),
      selected: t('chart.legendSelected'),
      noData: t('chart.noData'),
      showOnly: t('chart.legendShowOnly'),
      showAll: t('chart.legendShowAll'),
      provisional: t('chart.provisional'),
      missing: '—',
      more: (n) => t('chart.moreItems', { n }),
    };
    labelCache.set(lang, labels);
  }
  return labels;
}
