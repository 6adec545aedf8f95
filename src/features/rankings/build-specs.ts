import type { ChartSpec } from '@/features/charts/chart-spec';
import { buildRankSpec } from '@/features/charts/rank-spec';
import type { Lang } from '@/lib/i18n';
import type { Meta, Ranking } from '@contract/types';
import { scopeOf } from '@/features/filters/scope';
import type { Selection } from '@/features/filters/selection';

export function buildRankingSpecs(
  meta: Meta,
  rankings: readonly Ranking[],
  selection: Selection,
  lang: Lang,
  demo: boolean,
): ChartSpec[] {
  const selectedId = selection.district?.id ?? selection.selected?.id ?? null;
  return meta.assessments
    .filter((a) => rankings.some((r) => r.assessment === a.id))
    .map((a) =>
      buildRankSpec({
        id: `ranking-${a.id}`,
        meta,
        assessment: a,
        rankings,
        selectedId,
        campaign: selection.campaign,
        // Ranks are read year by year, never against a comparison year: no "较…年" in the subtitle.
        scope: { ...scopeOf(meta, selection, 'district'), compare: null },
        focusYear: selection.year,
        lang,
        demo,
      }),
    );
}
