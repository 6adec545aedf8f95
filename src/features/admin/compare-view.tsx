import { useQuery } from '@tanstack/react-query';
import type { Lang, T } from '@/lib/i18n';
import { compareOptions } from './api/editions';
import { DiffView } from './diff-view';
import { errorText } from './error-text';

export function CompareView({
  from,
  to,
  lang,
  t,
  onClose,
}: {
  from: number;
  to: number;
  lang: Lang;
  t: T;
  onClose: () => void;
}) {
  const compare = useQuery(compareOptions(from, to));
  return (
    <section className="admin-compare" aria-labelledby="admin-compare-heading">
      <div className="admin-row">
        <h3 id="admin-compare-heading">{t('editions.compareHeading', { from, to })}</h3>
        <button type="button" className="btn btn--ghost" onClick={onClose}>
          {t('editions.closeCompare')}
        </button>
      </div>
      {compare.isPending && <p role="status">{t('loading')}</p>}
      {compare.isError && (
        <p role="alert" className="admin-error">
          {errorText(compare.error, lang, t)}
        </p>
      )}
      {compare.isSuccess && <DiffView diff={compare.data.diff} lang={lang} t={t} />}
    </section>
  );
}
