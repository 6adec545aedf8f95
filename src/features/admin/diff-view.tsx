import { useDeferredValue, useId, useState } from 'react';
import type { Lang, T } from '@/lib/i18n';
import { ScrollBox } from './scroll-box';
import type { DiffView as Diff } from './api/schemas';
import { DiffGroups } from './diff-groups';
import { dimensionWord, metaWord } from './words';

/** The totals, the description and dimension changes, then every changed cell by group. */
export function DiffView({ diff, lang, t }: { diff: Diff; lang: Lang; t: T }) {
  const { totals } = diff;
  // The service lists every dimension; only those with a change are worth a line.
  const dimensions = Object.entries(diff.dimensions).filter(
    ([, d]) => d.added.length + d.changed.length + d.removed.length > 0 || d.reordered,
  );
  const none =
    Object.values(totals).every((n) => n === 0) &&
    diff.meta.length === 0 &&
    dimensions.length === 0;
  return (
    <div className="admin-diff">
      <ScrollBox label={t('diff.totals')}>
        <table className="data-table admin-totals">
          <caption>{t('diff.totals')}</caption>
          <thead>
            <tr>
              <td />
              <th scope="col">{t('diff.added')}</th>
              <th scope="col">{t('diff.changed')}</th>
              <th scope="col">{t('diff.removed')}</th>
            </tr>
          </thead>
          <tbody>
            <tr>
              <th scope="row">{t('diff.cells')}</th>
              <td className="admin-added">+{totals.added}</td>
              <td className="admin-changed">~{totals.changed}</td>
              <td className="admin-removed">−{totals.removed}</td>
            </tr>
            <tr>
              <th scope="row">{t('diff.rankings')}</th>
              <td className="admin-added">+{totals.rankingsAdded}</td>
              <td className="admin-changed">~{totals.rankingsChanged}</td>
              <td className="admin-removed">−{totals.rankingsRemoved}</td>
            </tr>
          </tbody>
        </table>
      </ScrollBox>
      {none && <p className="hint">{t('diff.none')}</p>}
      {diff.meta.length > 0 && (
        <p>
          {t('diff.meta', {
            fields: diff.meta.map((f) => metaWord(t, f)).join(lang === 'zh' ? '、' : ', '),
          })}
        </p>
      )}
      {dimensions.length > 0 && (
        <ul className="admin-dimensions" aria-label={t('diff.dimensions')}>
          {dimensions.map(([name, d]) => (
            <li key={name}>
              {t('diff.dimension', { name: dimensionWord(t, name) })}
              {[
                d.added.length > 0 && `${t('diff.added')} ${d.added.join(', ')}`,
                d.changed.length > 0 && `${t('diff.changed')} ${d.changed.join(', ')}`,
                d.removed.length > 0 && `${t('diff.removed')} ${d.removed.join(', ')}`,
                d.reordered && t('diff.reordered'),
              ]
                .filter(Boolean)
                .join(lang === 'zh' ? '；' : '; ')}
            </li>
          ))}
        </ul>
      )}
      {diff.groups.length > 0 && <Details diff={diff} lang={lang} t={t} />}
    </div>
  );
}

function Details({ diff, lang, t }: { diff: Diff; lang: Lang; t: T }) {
  const [filter, setFilter] = useState('');
  const deferred = useDeferredValue(filter);
  const inputId = useId();
  return (
    <section className="admin-details">
      <h4>{t('diff.details')}</h4>
      {diff.truncated && (
        <p className="notice" role="note">
          {t('diff.truncated', { n: diff.groups.reduce((n, g) => n + g.cells.length, 0) })}
        </p>
      )}
      <div className="admin-field admin-filter">
        <label htmlFor={inputId}>{t('diff.filter')}</label>
        <input
          id={inputId}
          type="search"
          value={filter}
          onChange={(e) => setFilter(e.target.value)}
        />
      </div>
      <DiffGroups groups={diff.groups} filter={deferred} lang={lang} t={t} />
    </section>
  );
}
