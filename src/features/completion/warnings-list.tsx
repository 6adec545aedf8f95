import { useSetFilters } from '@/features/filters/use-filters';
import { writeParams } from '@/features/filters/url-params';
import type { Lang } from '@/lib/i18n';
import { translator } from '@/lib/i18n';
import type { CompletionModel } from './build-table';
import { collectWarnings, warningText } from './warnings';

/** 需关注: what got worse or missed its target, each a link to its trend; one line when none. */
const narrowScreen = () =>
  typeof window.matchMedia === 'function' && window.matchMedia('(max-width: 720px)').matches;

export function WarningsList({ model, lang }: { model: CompletionModel; lang: Lang }) {
  const t = translator(lang);
  const set = useSetFilters();
  const warnings = collectWarnings(model);
  const many = model.regions.length > 1;
  const regionNames = model.regions.map((r) => r.name[lang]).join(lang === 'zh' ? '、' : ', ');
  if (warnings.length === 0)
    return (
      <p className="warnings warnings--none" role="note">
        {t('warnings.none', { region: regionNames, year: model.year })}
      </p>
    );
  return (
    // Open on a wide screen; on a phone one line (its count) that a tap opens, so the headline
    // cards stay on the first screen and nothing below moves when the list arrives.
    <details className="warnings" open={!narrowScreen()}>
      <summary>
        <span className="warnings__title">{t('warnings.title')}</span>{' '}
        {t(warnings.length === 1 ? 'warnings.countOne' : 'warnings.count', {
          count: warnings.length,
        })}
      </summary>
      <ul className="warnings__list">
        {warnings.map((w) => {
          const href = `?${writeParams(new URLSearchParams(window.location.search), {
            view: 'trends',
            indicator: w.indicator.id,
          }).toString()}`;
          return (
            <li key={`${w.indicator.id}|${w.region.id}`}>
              <a
                href={href}
                title={t('warnings.link', { indicator: w.indicator.name[lang] })}
                onClick={(e) => {
                  if (e.metaKey || e.ctrlKey || e.shiftKey || e.button !== 0) return;
                  e.preventDefault();
                  set({ view: 'trends', indicator: w.indicator.id });
                }}
              >
                {many ? `${w.region.name[lang]} · ` : ''}
                {w.indicator.name[lang]}
              </a>
              {lang === 'zh' ? '：' : ': '}
              {warningText(w, lang)}
            </li>
          );
        })}
      </ul>
    </details>
  );
}
