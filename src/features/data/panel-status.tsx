import type { T } from '@/lib/i18n';
import { describeError } from './error-message';

export function DataError({ error, onRetry, t }: { error: unknown; onRetry: () => void; t: T }) {
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
