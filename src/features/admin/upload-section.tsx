import { useId, useState } from 'react';
import type { SyntheticEvent } from 'react';
import type { Lang, T } from '@/lib/i18n';
import { useUpload } from './api/uploads';
import { errorCode, errorText } from './error-text';
import { FilePicker } from './file-picker';
import { PreviewPanel } from './preview-panel';
import { ProblemsTable } from './problems-table';

/**
 * Choose a file → the server checks it → its problems, or the diff to confirm. The chosen file
 * lives in the page (`file`), so it is still there after an expired session's sign-in.
 */
export function UploadSection({
  file,
  onFile,
  lang,
  t,
}: {
  file: File | null;
  onFile: (file: File | null) => void;
  lang: Lang;
  t: T;
}) {
  const upload = useUpload();
  const [asOf, setAsOf] = useState('');
  const [notice, setNotice] = useState<string | null>(null);
  const asOfId = useId();
  const send = () => {
    setNotice(null);
    if (file) upload.mutate({ file, asOf });
  };
  const onSubmit = (e: SyntheticEvent) => {
    e.preventDefault();
    if (!file) return setNotice(t('upload.none'));
    send();
  };
  const answer = upload.data;
  const reset = (message: string | null) => {
    upload.reset();
    setNotice(message);
  };
  return (
    <section id="admin-upload" className="admin-card" aria-labelledby="admin-upload-heading">
      <h2 id="admin-upload-heading">{t('upload.heading')}</h2>
      <p className="hint">{t('upload.intro')}</p>
      {answer?.status !== 'preview' && (
        <form onSubmit={onSubmit} className="admin-form admin-upload-form">
          <FilePicker
            file={file}
            onFile={(f) => {
              onFile(f);
              upload.reset();
            }}
            lang={lang}
            t={t}
            disabled={upload.isPending}
          />
          <div className="admin-field">
            <label htmlFor={asOfId}>{t('upload.asOf')}</label>
            <input id={asOfId} type="date" value={asOf} onChange={(e) => setAsOf(e.target.value)} />
          </div>
          <button type="submit" className="btn" disabled={upload.isPending}>
            {t('upload.submit')}
          </button>
        </form>
      )}
      {upload.isPending && file && (
        <p role="status" className="admin-busy">
          <progress aria-hidden="true" />
          {t('upload.busy', { name: file.name })}
        </p>
      )}
      {notice !== null && (
        <p role="status" className="admin-note">
          {notice}
        </p>
      )}
      {upload.isError && (
        <div role="alert" className="admin-error">
          <p>{errorText(upload.error, lang, t)}</p>
          {errorCode(upload.error) === 'busy' && (
            <button type="button" className="btn btn--ghost" onClick={send}>
              {t('retry')}
            </button>
          )}
        </div>
      )}
      {answer?.status === 'invalid' && (
        <ProblemsTable fileName={answer.fileName} problems={answer.problems} lang={lang} t={t} />
      )}
      {answer?.status === 'unchanged' && (
        <p role="status" className="admin-note">
          {t('upload.unchanged', { name: answer.fileName, edition: answer.edition.id })}
        </p>
      )}
      {answer?.status === 'preview' && (
        <PreviewPanel
          key={answer.upload.id}
          preview={answer}
          lang={lang}
          t={t}
          onAgain={send}
          onDone={reset}
        />
      )}
    </section>
  );
}
