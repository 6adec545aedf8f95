/**
 * Composes the report pack: for each view asked for, fetch (or reuse from cache) exactly the
 * data that view shows, resolve the same selection the screen would, and build its specs.
 * This is the one place that knows every view, so it lives in app/.
 */
import type { QueryClient } from '@tanstack/react-query';
import type { ChartSpec } from '@/features/charts/chart-spec';
import type { AppConfig } from '@/features/data/config';
import { observationsOptions, rankingsOptions, withIndex } from '@/features/data/queries';
import { headlineIndicators } from '@/features/data/select';
import type { Lang, Meta } from '@/features/data/types';
import { localStamp } from '@/features/export/export-chart';
import type { PackSource } from '@/features/export/report-pack';
import type { ReportMeta } from '@/features/export/report-model';
import type { ReportScope } from '@/features/export/report-dialog';
import { describeFilters } from '@/features/filters/describe';
import type { ValidFilters } from '@/features/filters/resolve';
import { resolveSelection } from '@/features/filters/selection';
import { VIEWS } from '@/features/filters/url-params';
import type { View } from '@/features/filters/url-params';
import { buildOverviewSpecs } from '@/features/overview/build-specs';
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

async function observations(
  ctx: Ctx,
  indicators: string[],
  range: { from?: number; to?: number } = {},
) {
  return withIndex(
    await ctx.client.query(observationsOptions(ctx.config, ctx.meta, { indicators, ...range })),
  );
}

async function specsFor(view: View, ctx: Ctx): Promise<ChartSpec[]> {
  const { meta, valid, lang, demo } = ctx;
  const headline = headlineIndicators(meta).list.map((i) => i.id);
  switch (view) {
    case 'overview': {
      const { index } = await observations(ctx, headline);
      return buildOverviewSpecs(meta, index, resolveSelection(valid, meta, index), lang, demo);
    }
    case 'trends': {
      const indicator = trendsIndicator(meta, valid);
      if (!indicator) return [];
      const { index } = await observations(ctx, [indicator.id]);
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
      const { index } = await observations(
        ctx,
        indicators.map((i) => i.id),
        programmeRange(filters),
      );
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
      const [rankings, { index }] = await Promise.all([
        ctx.client.query(rankingsOptions(ctx.config, meta, {})),
        observations(ctx, headline),
      ]);
      return buildRankingSpecs(
        meta,
        rankings.data,
        resolveSelection(valid, meta, index),
        lang,
        demo,
      );
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
  const { index } = await observations(
    ctx,
    headlineIndicators(ctx.meta).list.map((i) => i.id),
  );
  const selection = resolveSelection(ctx.valid, ctx.meta, index);
  const title = ctx.config.title?.[ctx.lang] ?? ctx.meta.title?.[ctx.lang] ?? t('app.title');
  return {
    meta: {
      title: t('report.docTitle', { title }),
      filters: describeFilters(ctx.meta, selection, ctx.lang),
      source: ctx.meta.source?.[ctx.lang] ?? null,
      dataAsOf: ctx.meta.dataAsOf,
      demo: ctx.demo,
      lang: ctx.lang,
      exportedAt: localStamp(),
    },
    sources,
  };
}
