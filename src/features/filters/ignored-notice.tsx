import type { IgnoredParam } from '@/features/filters/resolve';
import type { Lang, T } from '@/lib/i18n';
import { validitySpan } from '@/lib/validity';

/**
 * A stale or unknown id in a shared link is ignored, and the reader is told so; a region named
 * for a year it did not exist in (contract 1.1 validity years) says which years it had.
 */
export function IgnoredNotice({ ignored, t, lang }: { ignored: IgnoredParam[]; t: T; lang: Lang }) {
  if (ignored.length === 0) return null;
  return (
    <div className="notice" role="status">
      {ignored.map((i) => (
        <p key={`${i.param}=${i.value}`}>
          {i.outside
            ? t('validity.ignored', {
                param: i.param,
                value: i.value,
                name: i.outside.region.name[lang],
                year: i.outside.year,
                span: validitySpan(i.outside.region, lang),
              })
            : t('filters.ignored', { param: i.param, value: i.value })}
        </p>
      ))}
    </div>
  );
}
