/**
 * Composes the report pack: each view asked for runs its own recipe (the one its screen runs)
 * through the query client, so the report fetches (or reuses from cache) exactly the data that
 * view shows, resolves the same selection and builds the same specs. An "all views" report
 * runs each of a view's variants (every programme). This is the one place that knows every
 * view, so it lives in app/.
 */
import { statusNotes } from '@/lib/missing';
import type { QueryClient } from '@tanstack/react-query';
import type { AppConfig } from '@/features/data/config';
import type { Lang } from '@/lib/i18n';
import type { Meta } from '@contract/types';
import { localStamp } from '@/features/export/export-chart';
import type { PackSource } from '@/features/export/report-pack';
import type { ReportMeta, ReportTable } from '@/features/export/report-model';
import { buildCompletion } from '@/features/completion/build-table';
import { completionFilter, completionRegions } from '@/features/completion/request';
import { flatTable, rankNotes } from '@/features/completion/table-text';
import { observationsOptions, withIndex } from '@/features/data/queries';
import type { Selection } from '@/features/filters/selection';
import type { ReportScope } from '@/features/export/report-panel';
import { scopeOf, scopeText } from '@/features/filters/scope';
import type { ValidFilters } from '@/features/filters/resolve';
import { VIEWS } from '@/features/filters/url-params';
import type { View } from '@/features/filters/url-params';
import { overviewRecipe } from '@/features/overview/recipe';
import { leagueRecipe } from '@/features/league/recipe';
import { mapRecipe } from '@/features/map/recipe';
import { programmesRecipe } from '@/features/programmes/recipe';
import { rankingsRecipe } from '@/features/rankings/recipe';
import type { Recipe } from '@/features/recipe/recipe';
import { fetchRecipe } from '@/features/recipe/run-recipe';
import { trendsRecipe } from '@/features/trends/recipe';
import { translator } from '@/lib/i18n';

const RECIPES: Record<View, Recipe> = {
  overview: overviewRecipe,
  trends: trendsRecipe,
  programmes: programmesRecipe,
  rankings: rankingsRecipe,
  league: leagueRecipe,
  map: mapRecipe,
};

export interface ReportContext {
  client: QueryClient;
  config: AppConfig;
  meta: Meta;
  valid: ValidFilters;
  lang: Lang;
  demo: boolean;
}

/** One section per run of a view: the view as the filters set it, or each of its variants. */
async function sectionsFor(
  view: View,
  ctx: ReportContext,
  scope: ReportScope,
  signal: AbortSignal,
): Promise<PackSource[]> {
  const { meta, lang, demo } = ctx;
  const recipe = RECIPES[view];
  const title = translator(lang)(`views.${view}`);
  const variants = scope === 'all' ? (recipe.variants?.(meta, ctx.valid) ?? []) : [];
  const runs =
    variants.length > 0
      ? variants.map((v) => ({
          valid: v.valid,
          title: `${title}${lang === 'zh' ? '：' : ': '}${v.name[lang]}`,
          group: v.group?.[lang],
        }))
      : [{ valid: ctx.valid, title, group: undefined }];
  const sections: PackSource[] = [];
  for (const run of runs) {
    signal.throwIfAborted();
    const { data, selection } = await fetchRecipe(ctx, recipe, run.valid);
    sections.push({
      title: run.title,
      group: run.group,
      specs: recipe.specs(meta, data, selection, lang, demo),
    });
  }
  return sections;
}

export async function collectReport(
  ctx: ReportContext,
  scope: ReportScope,
  signal: AbortSignal,
): Promise<{ meta: ReportMeta; sources: PackSource[]; table: ReportTable | null }> {
  const t = translator(ctx.lang);
  // The map draws no chart spec: an "all views" report leaves it out.
  const views = scope === 'all' ? VIEWS.filter((v) => v !== 'map') : [ctx.valid.view];
  const sources: PackSource[] = [];
  for (const view of views) sources.push(...(await sectionsFor(view, ctx, scope, signal)));
  // The cover names the place and year the overview shows, whichever views the report holds.
  const { selection } = await fetchRecipe(ctx, overviewRecipe, ctx.valid);
  const coverScope = scopeOf(ctx.meta, selection);
  const table = await completionTable(ctx, selection, scopeText(coverScope, ctx.lang));
  const title = ctx.config.title?.[ctx.lang] ?? ctx.meta.title?.[ctx.lang] ?? t('app.title');
  return {
    meta: {
      title: t('report.docTitle', { title }),
      filters: scopeText(coverScope, ctx.lang),
      scope: coverScope,
      source: ctx.meta.source?.[ctx.lang] ?? null,
      dataAsOf: ctx.meta.dataAsOf,
      demo: ctx.demo,
      lang: ctx.lang,
      exportedAt: localStamp(),
    },
    sources,
    table,
  };
}

/** 指标完成情况表 for the place and year the cover names: the report's first page. */
async function completionTable(
  ctx: ReportContext,
  selection: Selection,
  subtitle: string,
): Promise<ReportTable | null> {
  const { client, config, meta, lang } = ctx;
  const regions = completionRegions(selection);
  if (regions.length === 0) return null;
  const filter = completionFilter(
    meta,
    regions,
    selection.year,
    selection.compare,
    selection.campaign,
  );
  const data = withIndex(await client.query(observationsOptions(config, meta, filter, client)));
  const model = buildCompletion({
    meta,
    index: data.index,
    regions,
    year: selection.year,
    compare: selection.compare,
    campaign: selection.campaign,
  });
  const baseline =
    selection.compare !== null && selection.compare === selection.campaign?.baselineYear;
  const flat = flatTable(model, lang, baseline);
  return {
    title: translator(lang)('completion.title'),
    subtitle,
    headers: flat.headers,
    rows: flat.rows,
    notes: [
      ...rankNotes(model, lang),
      ...statusNotes(
        model.rows.flatMap((r) => r.cells.map((c) => c.obs)),
        lang,
      ),
    ],
  };
}
