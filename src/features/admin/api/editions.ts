import { infiniteQueryOptions, queryOptions } from '@tanstack/react-query';
import { adminRequest, adminUrl } from './client';
import { auditSchema, compareSchema, editionsSchema } from './schemas';
import { adminKeys } from './session';

export const editionsOptions = () =>
  queryOptions({
    queryKey: adminKeys.editions(),
    queryFn: ({ signal }) => adminRequest('editions', { schema: editionsSchema, signal }),
    select: (answer) => answer.editions,
  });

export const compareOptions = (from: number, to: number) =>
  queryOptions({
    queryKey: adminKeys.compare(from, to),
    queryFn: ({ signal }) =>
      adminRequest(`editions/compare?from=${from}&to=${to}`, { schema: compareSchema, signal }),
  });

export const AUDIT_PAGE = 50;

export const auditOptions = () =>
  infiniteQueryOptions({
    queryKey: adminKeys.audit(),
    queryFn: ({ pageParam, signal }) => {
      const query = new URLSearchParams({ limit: String(AUDIT_PAGE) });
      if (pageParam !== null) query.set('before', String(pageParam));
      return adminRequest(`audit?${query.toString()}`, { schema: auditSchema, signal });
    },
    initialPageParam: null as number | null,
    // A short page is the last one; the next page starts before the oldest entry shown.
    getNextPageParam: (last) =>
      last.entries.length < AUDIT_PAGE ? undefined : (last.entries.at(-1)?.id ?? undefined),
  });

export const workbookUrl = (edition: number | 'current') =>
  adminUrl(`editions/${edition}/workbook`);
