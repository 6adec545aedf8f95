/**
 * Two app-wide notices about the data service as a whole (contract 1.1): a login that has
 * expired (401), and figures on screen from two data versions. Both read the query cache; the
 * panels keep showing what they had.
 */
import { useQueryClient } from '@tanstack/react-query';
import type { Query, QueryClient } from '@tanstack/react-query';
import { useEffect, useSyncExternalStore } from 'react';
import type { T } from '@/lib/i18n';
import { ApiError } from '@contract/errors';
import type { Meta } from '@contract/types';
import { useConfig } from './config-context';

const isUnauthorized = (q: Query) =>
  q.state.error instanceof ApiError && q.state.error.kind === 'unauthorized';

function useCacheSnapshot(client: QueryClient, read: (all: Query[]) => string): string {
  const cache = client.getQueryCache();
  return useSyncExternalStore(
    (notify) => cache.subscribe(notify),
    () => read(cache.getAll()),
  );
}

/** Ask again for everything that failed for want of a login, once the user is back. */
function retrySignedOut(client: QueryClient) {
  void client.refetchQueries({ predicate: isUnauthorized });
}

export function SignInNotice({ t }: { t: T }) {
  const client = useQueryClient();
  const { loginUrl } = useConfig();
  const signedOut = useCacheSnapshot(client, (all) => (all.some(isUnauthorized) ? 'yes' : 'no'));
  useEffect(() => {
    if (signedOut !== 'yes') return;
    // Signing in happens in another tab or window: coming back to this one is the cue.
    const onBack = () => {
      if (document.visibilityState === 'visible') retrySignedOut(client);
    };
    window.addEventListener('focus', onBack);
    document.addEventListener('visibilitychange', onBack);
    return () => {
      window.removeEventListener('focus', onBack);
      document.removeEventListener('visibilitychange', onBack);
    };
  }, [client, signedOut]);
  if (signedOut !== 'yes') return null;
  return (
    <div className="service-notice service-notice--signin" role="alert">
      <p>
        <strong>{t('state.signInTitle')}</strong> {t('state.signInDetail')}
      </p>
      <p className="service-notice__actions">
        {loginUrl ? (
          <a className="btn" href={loginUrl} target="_blank" rel="noopener">
            {t('state.signInLink')}
          </a>
        ) : (
          <span>{t('state.signInPlain')}</span>
        )}
        <button type="button" className="btn btn--ghost" onClick={() => retrySignedOut(client)}>
          {t('state.signInRetry')}
        </button>
      </p>
    </div>
  );
}

function versionOf(data: unknown): string | null {
  if (typeof data !== 'object' || data === null) return null;
  const v = (data as { dataVersion?: unknown }).dataVersion;
  return typeof v === 'string' ? v : null;
}

/** The data versions of what is on screen now (observed queries), other than meta's. */
function otherVersions(all: Query[], meta: Meta): string {
  if (!meta.dataVersion) return '';
  const others = new Set<string>();
  for (const q of all) {
    if (q.getObserversCount() === 0 || q.queryKey.includes('meta')) continue;
    const version = versionOf(q.state.data);
    if (version !== null && version !== meta.dataVersion) others.add(version);
  }
  return [...others].sort().join(', ');
}

export function EditionNotice({ meta, t }: { meta: Meta; t: T }) {
  const client = useQueryClient();
  const others = useCacheSnapshot(client, (all) => otherVersions(all, meta));
  if (!others) return null;
  return (
    <div className="service-notice" role="status">
      <p>
        <strong>{t('state.twoEditionsTitle')}</strong>{' '}
        {t('state.twoEditionsDetail', { meta: meta.dataVersion ?? '', others })}
      </p>
      <button
        type="button"
        className="btn btn--ghost"
        onClick={() => void client.invalidateQueries({ queryKey: ['data'] })}
      >
        {t('state.reloadAll')}
      </button>
    </div>
  );
}
