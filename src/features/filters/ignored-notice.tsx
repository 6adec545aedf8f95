import type { IgnoredParam } from '@/features/filters/resolve';
import type { T } from '@/lib/i18n';

/** A stale or unknown id in a shared link is ignored, and the reader is told so. */
export function IgnoredNotice({ ignored, t }: { ignored: IgnoredParam[]; t: T }) {
  if (ignored.length === 0) return null;
  return (
    <div className="notice" role="status">
      {ignored.map((i) => (
        <p key={`${i.param}=${i.value}`}>
          {t('filters.ignored', { param: i.param, value: i.value })}
        </p>
      ))}
    </div>
  );
}
