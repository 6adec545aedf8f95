import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import type { Lang, T } from '@/lib/i18n';
import { ScrollBox } from './scroll-box';
import { editionsOptions, workbookUrl } from './api/editions';
import type { Edition } from './api/schemas';
import { useRollback } from './api/uploads';
import { timeText } from './cell-text';
import { CompareView } from './compare-view';
import { ConfirmDialog } from './confirm-dialog';
import { EditionRow } from './edition-row';
import { errorText } from './error-text';

const TEMPLATE = './templates/jindu-data-template.xlsx';

export function EditionsSection({ lang, t }: { lang: Lang; t: T }) {
  const editions = useQuery(editionsOptions());
  const rollback = useRollback();
  // Up to two ticked editions; ticking a third lets go of the first.
  const [picked, setPicked] = useState<number[]>([]);
  const [comparing, setComparing] = useState<[number, number] | null>(null);
  const [asked, setAsked] = useState<Edition | null>(null);
  const list = editions.data ?? [];
  const toggle = (id: number) =>
    setPicked((prev) =>
      prev.includes(id) ? prev.filter((p) => p !== id) : [...prev, id].slice(-2),
    );
  const compare = () => {
    const [a, b] = picked;
    if (a !== undefined && b !== undefined) setComparing([Math.min(a, b), Math.max(a, b)]);
  };
  return (
    <section id="admin-editions" className="admin-card" aria-labelledby="admin-editions-heading">
      <h2 id="admin-editions-heading">{t('editions.heading')}</h2>
      <p className="admin-row">
        <a className="btn btn--ghost" href={workbookUrl('current')} download>
          {t('editions.downloadCurrent')}
        </a>
        <a className="btn btn--ghost" href={TEMPLATE} download>
          {t('editions.template')}
        </a>
      </p>
      {editions.isPending && <p role="status">{t('loading')}</p>}
      {editions.isError && (
        <div role="alert" className="admin-error">
          <p>{errorText(editions.error, lang, t)}</p>
          <button type="button" className="btn btn--ghost" onClick={() => void editions.refetch()}>
            {t('retry')}
          </button>
        </div>
      )}
      {editions.isSuccess && list.length === 0 && <p className="hint">{t('editions.empty')}</p>}
      {rollback.isSuccess && (
        <p role="status" className="admin-note">
          {t('rollback.done', { edition: rollback.data.edition.id, from: rollback.variables })}
        </p>
      )}
      {rollback.isError && (
        <p role="alert" className="admin-error">
          {errorText(rollback.error, lang, t)}
        </p>
      )}
      {list.length > 0 && (
        <>
          <ScrollBox label={t('editions.caption')}>
            <table className="data-table admin-editions admin-reflow">
              <caption>{t('editions.caption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('editions.select')}</th>
                  <th scope="col">{t('editions.id')}</th>
                  <th scope="col">{t('editions.when')}</th>
                  <th scope="col">{t('editions.file')}</th>
                  <th scope="col">{t('editions.actions')}</th>
                  <th scope="col">{t('editions.who')}</th>
                  <th scope="col">{t('editions.asOf')}</th>
                  <th scope="col">{t('editions.cells')}</th>
                  <th scope="col">{t('editions.counts')}</th>
                </tr>
              </thead>
              <tbody>
                {list.map((edition, i) => (
                  <EditionRow
                    key={edition.id}
                    edition={edition}
                    current={i === 0}
                    picked={picked.includes(edition.id)}
                    onPick={() => toggle(edition.id)}
                    onRollback={() => {
                      rollback.reset();
                      setAsked(edition);
                    }}
                    lang={lang}
                    t={t}
                  />
                ))}
              </tbody>
            </table>
          </ScrollBox>
          <p className="admin-row">
            <button type="button" className="btn" disabled={picked.length !== 2} onClick={compare}>
              {t('editions.compare')}
            </button>
            {picked.length !== 2 && <span className="hint">{t('editions.compareHint')}</span>}
          </p>
        </>
      )}
      {comparing && (
        <CompareView
          from={comparing[0]}
          to={comparing[1]}
          lang={lang}
          t={t}
          onClose={() => setComparing(null)}
        />
      )}
      {asked && (
        <ConfirmDialog
          title={t('rollback.title', { id: asked.id })}
          confirmLabel={rollback.isPending ? t('rollback.busy') : t('rollback.confirm')}
          cancelLabel={t('rollback.cancel')}
          busy={rollback.isPending}
          onCancel={() => setAsked(null)}
          onConfirm={() => rollback.mutate(asked.id, { onSettled: () => setAsked(null) })}
        >
          <p>
            {t('rollback.body', {
              id: asked.id,
              when: timeText(asked.importedAt, lang),
              file: asked.fileName,
            })}
          </p>
        </ConfirmDialog>
      )}
    </section>
  );
}
