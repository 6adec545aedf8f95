import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { QueryClient } from '@tanstack/react-query';
import { AdminError, adminRequest } from './client';
import { sessionSchema } from './schemas';
import type { Session } from './schemas';

/** Signed in, or signed out with the reason the page shows ("your session ended"). */
export type SessionState =
  { state: 'in'; session: Session } | { state: 'out'; reason: 'expired' | 'signed-out' | null };

export const adminKeys = {
  all: ['admin'] as const,
  session: () => ['admin', 'session'] as const,
  editions: () => ['admin', 'editions'] as const,
  compare: (from: number, to: number) => ['admin', 'compare', from, to] as const,
  audit: () => ['admin', 'audit'] as const,
};

export const sessionOptions = () =>
  queryOptions({
    queryKey: adminKeys.session(),
    queryFn: async ({ signal }): Promise<SessionState> => {
      try {
        return {
          state: 'in',
          session: await adminRequest('session', { schema: sessionSchema, signal }),
        };
      } catch (error) {
        if (error instanceof AdminError && error.status === 401)
          return { state: 'out', reason: error.code === 'expired' ? 'expired' : null };
        throw error;
      }
    },
    staleTime: Infinity,
  });

/** Sets what the page knows of the session without asking the server. */
export function setSession(client: QueryClient, next: SessionState): void {
  client.setQueryData(sessionOptions().queryKey, () => next);
}

export function useSession() {
  return useQuery(sessionOptions());
}

/** The current session's CSRF token: every write sends it. */
export function useCsrf(): string {
  const { data } = useSession();
  return data?.state === 'in' ? data.session.csrfToken : '';
}

export function useSignIn() {
  const client = useQueryClient();
  return useMutation({
    meta: { keepsSession: true },
    mutationFn: (body: { name: string; password: string }) =>
      adminRequest('sign-in', { method: 'POST', json: body, schema: sessionSchema }),
    onSuccess: (session) => {
      // What the previous account saw (editions, audit) is not this account's to keep.
      client.removeQueries({
        queryKey: adminKeys.all,
        predicate: (q) => q.queryKey[1] !== 'session',
      });
      setSession(client, { state: 'in', session });
    },
  });
}

export function useSignOut() {
  const client = useQueryClient();
  const csrf = useCsrf();
  return useMutation({
    mutationFn: () => adminRequest('sign-out', { method: 'POST', csrf, schema: null }),
    onSettled: () => {
      client.removeQueries({
        queryKey: adminKeys.all,
        predicate: (q) => q.queryKey[1] !== 'session',
      });
      setSession(client, { state: 'out', reason: 'signed-out' });
    },
  });
}
