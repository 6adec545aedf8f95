import type { Lang, T } from '@/lib/i18n';
import type { Preview } from './api/schemas';
import { useCancelUpload, useConfirmUpload } from './api/uploads';
import { timeText } from './cell-text';
import { DiffView } from './diff-view';
import { errorCode, errorText } from './error-text';

/** A preview's diff and its two ways out: confirm (exactly what was previewed) or cancel. */
export function PreviewPanel({
  preview,
  lang,
  t,
  onAgain,
  onDone,
}: {
  preview: Preview;
  lang: Lang;
  t: T;
  /** Upload the same file again (the preview was dropped or expired). */
  onAgain: () => void;
  /** Back to the file form, with a message for it. */
  onDone: (message: string | null) => void;
}) {
  const confirm = useConfirmUpload();
  const cancel = useCancelUpload();
  const { upload, diff } = preview;
  const code = errorCode(confirm.error);
  const dashboard = lang === 'en' ? './?lang=en' : './';

  if (confirm.isSuccess)
    return (
      <div className="admin-success">
        <p role="status">{t('preview.done', { edition: confirm.data.edition.id })}</p>
        <p className="admin-row">
          <a className="btn" href={dashboard}>
            {t('preview.viewDashboard')}
          </a>
          <button type="button" className="btn btn--ghost" onClick={() => onDone(null)}>
            {t('preview.uploadAnother')}
          </button>
        </p>
      </div>
    );

  const dropped = code === 'edition-moved' || code === 'no-upload';
  return (
    <div className="admin-preview">
      <h3>{t('preview.heading', { file: upload.fileName })}</h3>
      <p className="hint">
        {upload.baseEdition === null
          ? t('preview.baseNone')
          : t('preview.base', { edition: upload.baseEdition })}
        {' · '}
        {t('preview.expiresAt', { time: timeText(upload.expiresAt, lang) })}
      </p>
      <DiffView diff={diff} lang={lang} t={t} />
      {confirm.isError && (
        <div role="alert" className="admin-error">
          <p>{errorText(confirm.error, lang, t)}</p>
        </div>
      )}
      <div className="admin-actions">
        {dropped ? (
          <button type="button" className="btn" onClick={onAgain}>
            {t('preview.again')}
          </button>
        ) : (
          <button
            type="button"
            className="btn"
            disabled={confirm.isPending || cancel.isPending}
            onClick={() => confirm.mutate(upload.id)}
          >
            {confirm.isPending
              ? t('preview.confirming')
              : code === 'busy'
                ? t('retry')
                : t('preview.confirm')}
          </button>
        )}
        <button
          type="button"
          className="btn btn--ghost"
          disabled={confirm.isPending}
          onClick={() => {
            if (dropped) return onDone(null);
            cancel.mutate(upload.id, { onSettled: () => onDone(t('preview.cancelled')) });
          }}
        >
          {t('preview.cancel')}
        </button>
      </div>
    </div>
  );
}
