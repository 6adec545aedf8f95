import type { UseQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import type { T } from '@/lib/i18n';
import { DataError, Loading } from './panel-status';
import { StaleNotice } from './stale-notice';

/**
 * The one way a panel shows a query: its data (marked stale if a refresh failed), else the
 * error where the data would be, with a retry, else a skeleton.
 */
export function Panel<D>({
  query,
  t,
  rows = 4,
  loading,
  children,
}: {
  query: UseQueryResult<D>;
  t: T;
  rows?: number;
  /** A placeholder shaped like the content, so nothing below it moves when data arrives. */
  loading?: ReactNode;
  children: (data: D) => ReactNode;
}) {
  const retry = () => void query.refetch();
  if (query.data !== undefined) {
    return (
      <>
        {query.isError && (
          <StaleNotice error={query.error} updatedAt={query.dataUpdatedAt} onRetry={retry} t={t} />
        )}
        {children(query.data)}
      </>
    );
  }
  if (query.isError) return <DataError error={query.error} onRetry={retry} t={t} />;
  return loading ?? <Loading t={t} rows={rows} />;
}
