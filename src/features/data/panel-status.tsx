import type { T } from '@/lib/i18n';
import { TemplateLinks } from '@/features/workbook/template-links';
import { describeError } from './error-message';
import { ApiError } from '@contract/errors';

/** A data service that answers but holds nothing yet: not an error, a next step. */
function NoDataYet({ onRetry, t }: { onRetry: () => void; t: T }) {
  return (
    <section className="panel-empty" role="status" aria-labelledby="no-data-title">
      <h2 id="no-data-title" className="panel-empty__title">
        {t('state.noDataTitle')}
      </h2>
      <p>{t('state.noDataDetail')}</p>
      <p>
        <code>{t('state.noDataCommand')}</code>
      </p>
      <p>
        <TemplateLinks t={t} example />
      </p>
      <button type="button" className="btn" onClick={onRetry}>
        {t('state.checkAgain')}
      </button>
    </section>
  );
}

export function DataError({ error, onRetry, t }: { error: unknown; onRetry: () => void; t: T }) {
  if (error instanceof ApiError && error.kind === 'empty')
    return <NoDataYet onRetry={onRetry} t={t} />;
  const { title, detail } = describeError(error, t);
  return (
    <div className="panel-error" role="alert">
      <p className="panel-error__title">{title}</p>
      <p className="panel-error__detail">{detail}</p>
      <button type="button" className="btn" onClick={onRetry}>
        {t('state.retry')}
      </button>
    </div>
  );
}

export function Loading({ t, rows = 3 }: { t: T; rows?: number }) {
  return (
    <div className="skeleton" role="status" aria-live="polite">
      <span className="visually-hidden">{t('state.loading')}</span>
      {Array.from({ length: rows }, (_, i) => (
        <div key={i} className="skeleton__bar" />
      ))}
    </div>
  );
}
