import { useState } from 'react';
import type { Lang, T } from '@/lib/i18n';
import { workbookUrl } from './api/editions';
import type { Edition } from './api/schemas';
import { timeText } from './cell-text';

export function EditionRow({
  edition: e,
  current,
  picked,
  onPick,
  onRollback,
  lang,
  t,
}: {
  edition: Edition;
  current: boolean;
  picked: boolean;
  onPick: () => void;
  onRollback: () => void;
  lang: Lang;
  t: T;
}) {
  const [copied, setCopied] = useState(false);
  const copy = () => {
    // Absent on plain http: the full value is still in the title and selectable.
    const clipboard = navigator.clipboard as Clipboard | undefined;
    void clipboard?.writeText(e.sha256).then(() => setCopied(true));
  };
  return (
    <tr className={current ? 'admin-current' : undefined}>
      <td>
        <input
          type="checkbox"
          checked={picked}
          onChange={onPick}
          aria-label={t('editions.selectOne', { id: e.id })}
        />
      </td>
      <th scope="row">
        #{e.id}
        {current && <span className="badge admin-badge">{t('editions.current')}</span>}
        {e.rolledBackFrom !== null && (
          <span className="admin-sub">{t('editions.restoredFrom', { id: e.rolledBackFrom })}</span>
        )}
      </th>
      <td data-label={t('editions.when')}>{timeText(e.importedAt, lang)}</td>
      <td className="admin-file" data-label={t('editions.file')}>
        {e.fileName}
        <span className="admin-sub">
          SHA-256 <code title={e.sha256}>{e.sha256.slice(0, 12)}…</code>{' '}
          <button
            type="button"
            className="admin-link"
            onClick={copy}
            aria-label={`${t('editions.copy')} SHA-256 #${e.id}`}
          >
            {copied ? t('editions.copied') : t('editions.copy')}
          </button>
        </span>
      </td>
      <td>
        <div className="admin-row-actions">
          <a
            href={workbookUrl(e.id)}
            download
            aria-label={t('editions.workbookLong', { id: e.id })}
          >
            {t('editions.workbook')}
          </a>
          {!current && e.restorable && (
            <button
              type="button"
              className="btn btn--ghost"
              onClick={onRollback}
              aria-label={t('editions.rollbackLong', { id: e.id })}
            >
              {t('editions.rollback')}
            </button>
          )}
        </div>
      </td>
      <td data-label={t('editions.who')}>{e.importedBy ?? t('editions.unknownUser')}</td>
      <td data-label={t('editions.asOf')}>{e.asOf ?? '—'}</td>
      <td data-label={t('editions.cells')}>
        <abbr title={t('editions.cellsLong', e.cells)}>{t('editions.cellsText', e.cells)}</abbr>
      </td>
      <td className="admin-counts" data-label={t('editions.counts')}>
        {t('editions.countsText', e.counts)}
      </td>
    </tr>
  );
}
