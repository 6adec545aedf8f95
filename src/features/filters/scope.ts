/**
 * Where a chart, a printout or a file is: "海口市 › 龙华区 › 中山街道、金贸街道 · 2021年度 ·
 * 较2019年（基线年）". Kept as data on every chart spec (never folded into a subtitle and split
 * out again), and written in words only at the edge.
 */
import type { Meta, Region } from '@contract/types';
import { translator } from '@/lib/i18n';
import type { Lang } from '@/lib/i18n';
import type { Selection } from './selection';

export interface Scope {
  /** From the top region shown down to the chosen district (or the top region alone). */
  path: Region[];
  /** The chosen townships, when the chart is about townships. */
  towns: Region[];
  /** The year the figures and summaries are about. */
  year: number;
  compare: { year: number; baseline: boolean } | null;
}

function ancestors(meta: Meta, region: Region, stopAt: Region | null): Region[] {
  const byId = new Map(meta.regions.map((r) => [r.id, r]));
  const chain: Region[] = [];
  const seen = new Set<string>();
  let at: Region | undefined = region;
  while (at && !seen.has(at.id)) {
    seen.add(at.id);
    chain.unshift(at);
    if (stopAt && at.id === stopAt.id) break;
    at = at.parent ? byId.get(at.parent) : undefined;
  }
  return chain;
}

/**
 * The scope of a view's charts. `level: 'district'` is for charts that compare districts:
 * they name the chosen district but not townships they do not show.
 */
export function scopeOf(
  meta: Meta,
  selection: Pick<Selection, 'top' | 'district' | 'towns' | 'year' | 'compare' | 'campaign'>,
  level: 'district' | 'township' = 'township',
  year: number = selection.year,
): Scope {
  const deepest = selection.district ?? selection.top;
  return {
    path: deepest ? ancestors(meta, deepest, selection.top) : [],
    towns: level === 'township' ? selection.towns : [],
    year,
    compare:
      selection.compare !== null && selection.compare < year
        ? {
            year: selection.compare,
            baseline: selection.compare === selection.campaign?.baselineYear,
          }
        : null,
  };
}

/** The region part alone: "海口市 › 龙华区 › 中山街道、金贸街道". */
export function scopePlace(scope: Scope, lang: Lang): string {
  const names = scope.path.map((r) => r.name[lang]);
  if (scope.towns.length > 0)
    names.push(scope.towns.map((r) => r.name[lang]).join(lang === 'zh' ? '、' : ', '));
  return names.join(' › ');
}

/** The whole scope in words, for subtitles, print headers and report covers. */
export function scopeText(scope: Scope, lang: Lang): string {
  const t = translator(lang);
  const parts = [scopePlace(scope, lang), t('scope.year', { year: scope.year })];
  if (scope.compare)
    parts.push(
      t(scope.compare.baseline ? 'scope.vsBaseline' : 'scope.vsYear', {
        year: scope.compare.year,
      }),
    );
  return parts.filter(Boolean).join(' · ');
}

/** The deepest place named, for file names: "中山街道、金贸街道" or "龙华区". */
export function scopeName(scope: Scope, lang: Lang): string {
  if (scope.towns.length > 0)
    return scope.towns.map((r) => r.name[lang]).join(lang === 'zh' ? '、' : ', ');
  return scope.path[scope.path.length - 1]?.name[lang] ?? '';
}
