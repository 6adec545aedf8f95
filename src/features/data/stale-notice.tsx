import type { T } from '@/lib/i18n';
import { describeError } from './error-message';

/**
 * Data stays on screen when a refresh fails; this says so, with the failure and the time the
 * shown data was fetched, and offers a retry.
 */
export function StaleNotice({
  error,
  updatedAt,
  onRetry,
  t,
}: {
  error: unknown;
  updatedAt: number;
  onRetry: () => void;
  t: T;
}) {
  const { detail } = describeError(error, t);
  const time = new Date(updatedAt);
  const stamp = `${time.getFullYear()}-${String(time.getMonth() + 1).padStart(2, '0')}-${String(time.getDate()).padStart(2, '0')} ${String(time.getHours()).padStart(2, '0')}:${String(time.getMinutes()).padStart(2, '0')}`;
  return (
    <div className="stale-notice" role="status">
      <p>
        <strong>{t('state.staleTitle', { time: stamp })}</strong> {detail}
      </p>
      <button type="button" className="btn btn--ghost" onClick={onRetry}>
        {t('state.retry')}
      </button>
    </div>
  );
}
