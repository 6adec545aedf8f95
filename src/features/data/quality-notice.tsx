import { useQueryClient } from '@tanstack/react-query';
import { useMemo, useSyncExternalStore } from 'react';
import type { T } from '@/lib/i18n';
import type { QualityIssue } from '@contract/types';
import { create } from 'zustand';

/**
 * A problem found in data that is not an API answer (the map's boundaries file against meta's
 * regions), already in the reader's language: listed in the same notice as the API's issues.
 */
export interface OtherIssue {
  source: string;
  record: string;
  field: string;
  reason: string;
  detail: string;
}

const useOtherIssues = create<{ lists: Record<string, readonly OtherIssue[]> }>()(() => ({
  lists: {},
}));

/** Replace what `key` (e.g. 'boundaries') reports; an empty list withdraws it. */
export function reportOtherIssues(key: string, list: readonly OtherIssue[]): void {
  useOtherIssues.setState((s) => ({ lists: { ...s.lists, [key]: list } }));
}

function isParsed(data: unknown): data is { issues: QualityIssue[] } {
  return (
    typeof data === 'object' &&
    data !== null &&
    Array.isArray((data as { issues?: unknown }).issues)
  );
}

const issueListIds = new WeakMap<object, number>();
let nextListId = 0;
const listId = (list: object) => {
  let id = issueListIds.get(list);
  if (id === undefined) issueListIds.set(list, (id = nextListId++));
  return id;
};

/** Every issue reported by every loaded response, deduplicated. */
export function useQualityIssues(): QualityIssue[] {
  const cache = useQueryClient().getQueryCache();
  const version = useSyncExternalStore(
    (notify) => cache.subscribe(notify),
    // The distinct non-empty issue lists held. A view creating its query while rendering must
    // not change this snapshot (React would warn of an update during another component's
    // render): a query with no data yet adds nothing, and one answered from a wider cached
    // response shares that response's list.
    () => {
      const ids = new Set<number>();
      for (const q of cache.getAll())
        if (isParsed(q.state.data) && q.state.data.issues.length > 0)
          ids.add(listId(q.state.data.issues));
      return [...ids].sort((a, b) => a - b).join(',');
    },
  );
  return useMemo(() => {
    // One record can come back in several responses (the cards' request and the completion
    // table's, say), at a different position in each: it is counted once. Within one
    // response, records that read the same (two duplicates of one cell) each count.
    const kept = new Map<string, QualityIssue[]>();
    for (const q of cache.getAll()) {
      if (!isParsed(q.state.data)) continue;
      const here = new Map<string, QualityIssue[]>();
      for (const issue of q.state.data.issues) {
        const key = `${issue.endpoint}|${issue.index === null ? 'top' : 'record'}|${issue.record}|${issue.field}|${issue.reason}|${issue.detail}`;
        here.set(key, [...(here.get(key) ?? []), issue]);
      }
      for (const [key, list] of here)
        if (list.length > (kept.get(key)?.length ?? 0)) kept.set(key, list);
    }
    return [...kept.values()].flat();
    // eslint-disable-next-line react-hooks/exhaustive-deps -- version changes whenever any query's data does
  }, [cache, version]);
}

export function QualityNotice({ t }: { t: T }) {
  const issues = useQualityIssues();
  const lists = useOtherIssues((s) => s.lists);
  const others = Object.values(lists).flat();
  if (issues.length === 0 && others.length === 0) return null;
  const title = [
    ...(issues.length > 0 ? [t('quality.title', { count: issues.length })] : []),
    ...(others.length > 0
      ? [t(issues.length > 0 ? 'quality.otherAlso' : 'quality.otherOnly', { count: others.length })]
      : []),
  ].join(t('quality.joiner'));
  return (
    <section className="quality-notice" aria-label={title}>
      <details>
        <summary>{title}</summary>
        <div className="table-scroll">
          <table className="data-table">
            <thead>
              <tr>
                <th scope="col">{t('quality.endpoint')}</th>
                <th scope="col">{t('quality.record')}</th>
                <th scope="col">{t('quality.field')}</th>
                <th scope="col">{t('quality.reason')}</th>
                <th scope="col">{t('quality.value')}</th>
              </tr>
            </thead>
            <tbody>
              {issues.slice(0, 500).map((i) => (
                <tr key={`${i.endpoint}|${String(i.index)}|${i.record}|${i.field}|${i.reason}`}>
                  <td>{i.endpoint}</td>
                  <td>{i.index === null ? i.record : `#${i.index} ${i.record}`}</td>
                  <td>{i.field}</td>
                  <td>{t(`quality.reasons.${i.reason}`)}</td>
                  <td>
                    <code>{i.detail}</code>
                  </td>
                </tr>
              ))}
              {others.slice(0, 500).map((o) => (
                <tr key={`other|${o.source}|${o.record}|${o.field}|${o.reason}`}>
                  <td>{o.source}</td>
                  <td>{o.record}</td>
                  <td>{o.field}</td>
                  <td>{o.reason}</td>
                  <td>
                    <code>{o.detail}</code>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
    </section>
  );
}
