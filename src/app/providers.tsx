import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { useState } from 'react';
import type { ReactNode } from 'react';
import type { AppConfig } from '@/features/data/config';
import { ConfigProvider } from '@/features/data/config-context';
import { ApiError } from '@contract/errors';

/** Retry network trouble and 5xx a couple of times; a 4xx or a malformed body will not heal. */
export function shouldRetry(failureCount: number, error: unknown): boolean {
  if (failureCount >= 2) return false;
  if (!(error instanceof ApiError)) return false;
  if (error.kind === 'network' || error.kind === 'timeout') return true;
  return error.kind === 'http' && (error.status ?? 0) >= 500;
}

export function createQueryClient(retry = true): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        retry: retry ? shouldRetry : false,
        retryDelay: (attempt) => Math.min(1000 * 2 ** attempt, 8000),
        refetchOnWindowFocus: false,
        // An error is shown with its retry button, not asked again because a view mounts on it:
        // start-up asks for a link's data before the view is drawn (app/prestart.ts), so a quick
        // refusal is often in before the view's first commit, and a 4xx would be asked twice.
        retryOnMount: false,
      },
    },
  });
}

export function Providers({
  config,
  client,
  children,
}: {
  config: AppConfig;
  client?: QueryClient;
  children: ReactNode;
}) {
  const [queryClient] = useState(() => client ?? createQueryClient());
  return (
    <ConfigProvider config={config}>
      <QueryClientProvider client={queryClient}>{children}</QueryClientProvider>
    </ConfigProvider>
  );
}
