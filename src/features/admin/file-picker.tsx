import { useId, useState } from 'react';
import type { DragEvent } from 'react';
import type { Lang, T } from '@/lib/i18n';
import { sizeText } from './cell-text';

const ACCEPT = '.xlsx,.csv';
export const acceptable = (file: File) => /\.(xlsx|csv)$/i.test(file.name);

/** The file input, inside a zone a file can also be dropped on. */
export function FilePicker({
  file,
  onFile,
  lang,
  t,
  disabled,
}: {
  file: File | null;
  onFile: (file: File) => void;
  lang: Lang;
  t: T;
  disabled: boolean;
}) {
  const id = useId();
  const [over, setOver] = useState(false);
  const [refused, setRefused] = useState<string | null>(null);
  const take = (f: File | undefined) => {
    if (!f) return;
    if (!acceptable(f)) return setRefused(f.name);
    setRefused(null);
    onFile(f);
  };
  const onDrop = (e: DragEvent) => {
    e.preventDefault();
    setOver(false);
    if (!disabled) take(e.dataTransfer.files[0]);
  };
  return (
    <div
      className={`admin-drop${over ? ' admin-drop--over' : ''}`}
      onDragOver={(e) => {
        e.preventDefault();
        setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={onDrop}
    >
      <label htmlFor={id}>{t('upload.file')}</label>
      <input
        id={id}
        type="file"
        accept={ACCEPT}
        disabled={disabled}
        onChange={(e) => take(e.target.files?.[0])}
      />
      <p className="hint" aria-hidden="true">
        {t('upload.drop')}
      </p>
      {file && (
        <p className="admin-chosen">
          {t('upload.chosen', { name: file.name, size: sizeText(file.size, lang) })}
        </p>
      )}
      {refused !== null && (
        <p role="alert" className="admin-error">
          {t('upload.wrongType', { name: refused })}
        </p>
      )}
    </div>
  );
}
