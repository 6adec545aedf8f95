import type { ObservationIndex } from '@/features/data/observation-index';
import { cell } from '@/features/data/observation-index';
import { cellNotes, provisionalYears } from '@/features/data/select';
import type { Lang } from '@/lib/i18n';
import type { Indicator, Meta, Region } from '@contract/types';
import { translator } from '@/lib/i18n';
import { statusNotes } from '@/lib/missing';

/** Source, as-of date and notes on provisional or missing values, in the UI language. */
export function captionLines(meta: Meta, lang: Lang, extra: string[] = []): string[] {
  const t = translator(lang);
  const lines: string[] = [];
  if (meta.source) lines.push(t('app.source', { source: meta.source[lang] }));
  if (meta.dataAsOf) lines.push(t('app.dataAsOf', { date: meta.dataAsOf }));
  return [...lines, ...extra];
}

export function indicatorNotes(
  index: ObservationIndex,
  indicator: Indicator,
  regions: readonly Region[],
  years: readonly number[],
  lang: Lang,
  hasMissing: boolean,
  /** A drawing without dots (the map) says which years are provisional, not how they look. */
  { dots = true }: { dots?: boolean } = {},
): string[] {
  const t = translator(lang);
  const notes: string[] = [];
  const prov = provisionalYears(
    index,
    indicator.id,
    regions.map((r) => r.id),
    years,
  );
  if (prov.length > 0)
    notes.push(
      dots
        ? `${t('chart.notes')}* ${t('chart.provisionalNote', { years: prov.join(lang === 'zh' ? '、' : ', ') })}`
        : `${t('chart.notes')}${t('chart.provisionalPlain', { years: prov.join(lang === 'zh' ? '、' : ', ') })}`,
    );
  const suppressed = regions
    .flatMap((r) => years.map((y) => cell(index, indicator.id, r.id, y)?.suppressedBelow ?? null))
    .find((n) => n !== null);
  if (suppressed != null) notes.push(t('chart.suppressedNote', { n: suppressed }));
  if (hasMissing) notes.push(t('chart.missingNote'));
  notes.push(
    ...statusNotes(
      regions.flatMap((r) => years.map((y) => cell(index, indicator.id, r.id, y))),
      lang,
    ),
  );
  return [...notes, ...cellNotes(index, indicator.id, regions, years, lang).slice(0, 12)];
}
