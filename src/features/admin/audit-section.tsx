import { auditDetailText } from './audit-detail';
import { useInfiniteQuery } from '@tanstack/react-query';
import type { Lang, T } from '@/lib/i18n';
import { ScrollBox } from './scroll-box';
import { auditOptions } from './api/editions';
import { timeText } from './cell-text';
import { errorText } from './error-text';
import { actionWord } from './words';

/** "fileName: a.xlsx · status: preview": an entry's detail as the server recorded it. */
export function AuditSection({ lang, t }: { lang: Lang; t: T }) {
  const audit = useInfiniteQuery(auditOptions());
  const entries = audit.data?.pages.flatMap((p) => p.entries) ?? [];
  return (
    <section id="admin-audit" className="admin-card" aria-labelledby="admin-audit-heading">
      <h2 id="admin-audit-heading">{t('audit.heading')}</h2>
      {audit.isPending && <p role="status">{t('loading')}</p>}
      {audit.isError && (
        <div role="alert" className="admin-error">
          <p>{errorText(audit.error, lang, t)}</p>
          <button type="button" className="btn btn--ghost" onClick={() => void audit.refetch()}>
            {t('retry')}
          </button>
        </div>
      )}
      {audit.isSuccess && entries.length === 0 && <p className="hint">{t('audit.empty')}</p>}
      {entries.length > 0 && (
        <ScrollBox label={t('audit.caption')}>
          <table className="data-table admin-audit admin-reflow">
            <caption>{t('audit.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('audit.when')}</th>
                <th scope="col">{t('audit.user')}</th>
                <th scope="col">{t('audit.action')}</th>
                <th scope="col">{t('audit.ip')}</th>
                <th scope="col">{t('audit.detail')}</th>
              </tr>
            </thead>
            <tbody>
              {entries.map((e) => (
                <tr key={e.id}>
                  <th scope="row">{timeText(e.at, lang)}</th>
                  <td data-label={t('audit.user')}>{e.user ?? '—'}</td>
                  <td data-label={t('audit.action')}>{actionWord(t, e.action)}</td>
                  <td data-label={t('audit.ip')}>{e.ip ?? '—'}</td>
                  <td className="admin-detail" data-label={t('audit.detail')}>
                    {auditDetailText(e.detail, lang)}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollBox>
      )}
      {audit.hasNextPage && (
        <button
          type="button"
          className="btn btn--ghost admin-more"
          disabled={audit.isFetchingNextPage}
          onClick={() => void audit.fetchNextPage()}
        >
          {audit.isFetchingNextPage ? t('loading') : t('audit.more')}
        </button>
      )}
      {audit.isSuccess && entries.length > 0 && !audit.hasNextPage && (
        <p className="hint">{t('audit.end')}</p>
      )}
      {audit.isFetchNextPageError && (
        <p role="alert" className="admin-error">
          {errorText(audit.error, lang, t)}
        </p>
      )}
    </section>
  );
}
