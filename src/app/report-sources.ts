/**
 * Composes the report pack: for each view asked for, fetch (or reuse from cache) exactly the
 * data that view shows, resolve the same selection the screen would, and build its specs.
 * This is the one place that knows every view, so it lives in app/.
 */
import type { QueryClient } from '@tanstack/react-query';
import type { ChartSpec } from '@/features/charts/chart-spec';
import type { AppConfig } from '@/features/data/config';
import { observationsOptions, rankingsOptions, withIndex } from '@/features/data/queries';
import type { ObservationFilter } from '@/features/data/queries';
import type { Lang } from '@/lib/i18n';
import type { Meta } from '@contract/types';
import { localStamp } from '@/features/export/export-chart';
import type { PackSource } from '@/features/export/report-pack';
import type { ReportMeta } from '@/features/export/report-model';
import type { ReportScope } from '@/features/export/report-dialog';
import { scopeOf, scopeText } from '@/features/filters/scope';
import type { ValidFilters } from '@/features/filters/resolve';
import { resolveSelection } from '@/features/filters/selection';
import { VIEWS } from '@/features/filters/url-params';
import type { View } from '@/features/filters/url-params';
import { buildOverviewSpecs } from '@/features/overview/build-specs';
import {
  cachedWholeIndex,
  headlineFilter,
  headlineSelection,
} from '@/features/overview/headline-data';
import {
  buildProgrammeSpecs,
  chosenProgramme,
  programmeFilters,
  programmeRange,
} from '@/features/programmes/build-specs';
import { buildRankingSpecs } from '@/features/rankings/build-specs';
import { buildTrendsSpecs, trendsIndicator } from '@/features/trends/build-specs';
import { translator } from '@/lib/i18n';

interface Ctx {
  client: QueryClient;
  config: AppConfig;
  meta: Meta;
  valid: ValidFilters;
  lang: Lang;
  demo: boolean;
}

async function observations(ctx: Ctx, filter: ObservationFilter) {
  const options = observationsOptions(ctx.config, ctx.meta, filter, ctx.client);
  return withIndex(await ctx.client.query(options));
}

/** The overview's cards and the rankings' defaults: the same request the screen makes. */
async function headline(ctx: Ctx) {
  const { index } = await observations(ctx, headlineFilter(ctx.meta, ctx.valid));
  const whole = cachedWholeIndex(ctx.client, ctx.config, ctx.meta, ctx.valid);
  return { index, selection: headlineSelection(ctx.meta, ctx.valid, index, whole) };
}

async function specsFor(view: View, ctx: Ctx): Promise<ChartSpec[]> {
  const { meta, valid, lang, demo } = ctx;
  switch (view) {
    case 'overview': {
      const { index, selection } = await headline(ctx);
      return buildOverviewSpecs(meta, index, selection, lang, demo);
    }
    case 'trends': {
      const indicator = trendsIndicator(meta, valid);
      if (!indicator) return [];
      const { index } = await observations(ctx, { indicators: [indicator.id] });
      return buildTrendsSpecs(
        meta,
        index,
        resolveSelection(valid, meta, index),
        indicator,
        lang,
        demo,
      );
    }
    case 'programmes': {
      const { programme, indicators } = chosenProgramme(meta, valid);
      if (indicators.length === 0) return [];
      const filters = programmeFilters(meta, valid);
      const { index } = await observations(ctx, {
        indicators: indicators.map((i) => i.id),
        ...programmeRange(filters),
      });
      return buildProgrammeSpecs(
        meta,
        index,
        resolveSelection(filters, meta, index),
        programme,
        indicators,
        lang,
        demo,
      );
    }
    case 'rankings': {
      const [rankings, { selection }] = await Promise.all([
        ctx.client.query(rankingsOptions(ctx.config, meta, {})),
        headline(ctx),
      ]);
      return buildRankingSpecs(meta, rankings.data, selection, lang, demo);
    }
  }
}

export async function collectReport(
  ctx: Ctx,
  scope: ReportScope,
  signal: AbortSignal,
): Promise<{ meta: ReportMeta; sources: PackSource[] }> {
  const t = translator(ctx.lang);
  const views = scope === 'all' ? [...VIEWS] : [ctx.valid.view];
  const sources: PackSource[] = [];
  for (const view of views) {
    signal.throwIfAborted();
    sources.push({ title: t(`views.${view}`), specs: await specsFor(view, ctx) });
  }
  const { selection } = await headline(ctx);
  const title = ctx.config.title?.[ctx.lang] ?? ctx.meta.title?.[ctx.lang] ?? t('app.title');
  return {
    meta: {
      title: t('report.docTitle', { title }),
      filters: scopeText(scopeOf(ctx.meta, selection), ctx.lang),
      scope: scopeOf(ctx.meta, selection),
      source: ctx.meta.source?.[ctx.lang] ?? null,
      dataAsOf: ctx.meta.dataAsOf,
      demo: ctx.demo,
      lang: ctx.lang,
      exportedAt: localStamp(),
    },
    sources,
  };
}
