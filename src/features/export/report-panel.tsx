import { useId, useRef, useState } from 'react';
import type { Lang } from '@/lib/i18n';
import { translator } from '@/lib/i18n';
import type { ReportMeta, ReportTable } from './report-model';
import type { PackFormat, PackSource } from './report-pack';
import './report-panel.css';

export type ReportScope = 'view' | 'all';

export interface ReportProps {
  lang: Lang;
  viewName: string;
  /** False for a view whose figure is not a chart of the report (the map): only all views. */
  viewInReport?: boolean;
  /** Fetches what the chosen views need and builds their chart specs (composed by the app). */
  collect: (
    scope: ReportScope,
    signal: AbortSignal,
  ) => Promise<{ meta: ReportMeta; sources: PackSource[]; table?: ReportTable | null }>;
}

function RadioGroup<V extends string>(props: {
  legend: string;
  value: V;
  onChange: (value: V) => void;
  options: { value: V; label: string }[];
}) {
  const name = useId();
  return (
    <fieldset className="report__group">
      <legend>{props.legend}</legend>
      {props.options.map((o) => (
        <label key={o.value} className="check">
          <input
            type="radio"
            name={name}
            checked={props.value === o.value}
            onChange={() => props.onChange(o.value)}
          />
          {o.label}
        </label>
      ))}
    </fieldset>
  );
}

/**
 * The panel of "导出报告 / Export report" (report-dialog.tsx holds its button and loads this on
 * demand). It stays mounted once opened, so a running export keeps its progress while closed.
 */
interface PanelProps extends ReportProps {
  open: boolean;
  onClose: () => void;
}

export function ReportPanel({
  lang,
  viewName,
  viewInReport = true,
  collect,
  open,
  onClose,
}: PanelProps) {
  const t = translator(lang);
  const [chosen, setScope] = useState<ReportScope>('view');
  const scope: ReportScope = viewInReport ? chosen : 'all';
  const [format, setFormat] = useState<PackFormat>('docx');
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);
  const [status, setStatus] = useState('');
  const controller = useRef<AbortController | null>(null);
  const titleId = useId();

  const start = async () => {
    const abort = new AbortController();
    controller.current = abort;
    setStatus('');
    setProgress({ done: 0, total: 1 });
    try {
      const { meta, sources, table } = await collect(scope, abort.signal);
      if (sources.every((s) => s.specs.length === 0)) {
        setStatus(t('report.empty'));
        return;
      }
      const [{ buildReportPack }, { downloadBlob }] = await Promise.all([
        import('./report-pack'),
        import('./download'),
      ]);
      const { blob, fileName } = await buildReportPack(format, meta, sources, {
        signal: abort.signal,
        onProgress: (done, total) => setProgress({ done, total }),
        table,
      });
      downloadBlob(blob, fileName);
      setStatus(t('report.done', { name: fileName }));
    } catch (err) {
      if (abort.signal.aborted) setStatus(t('report.cancelled'));
      else
        setStatus(
          t('report.failed', { message: err instanceof Error ? err.message : String(err) }),
        );
    } finally {
      controller.current = null;
      setProgress(null);
    }
  };

  if (!open) return null;
  return (
    <div className="report__panel popover" role="dialog" aria-labelledby={titleId}>
      <h2 id={titleId} className="report__title">
        {t('report.title')}
      </h2>
      <RadioGroup
        legend={t('report.scope')}
        value={scope}
        onChange={setScope}
        options={[
          ...(viewInReport
            ? [{ value: 'view' as const, label: t('report.scopeView', { view: viewName }) }]
            : []),
          { value: 'all', label: t('report.scopeAll') },
        ]}
      />
      {!viewInReport && <p className="hint">{t('report.viewNotInReport', { view: viewName })}</p>}
      <RadioGroup
        legend={t('report.format')}
        value={format}
        onChange={setFormat}
        options={[
          { value: 'docx', label: t('report.docx') },
          { value: 'zip', label: t('report.zip') },
        ]}
      />
      {progress && (
        <div className="report__progress">
          <progress
            max={progress.total}
            value={progress.done}
            aria-label={t('report.progress', progress)}
          />
          <span>{t('report.progress', progress)}</span>
        </div>
      )}
      <p className="report__status" role="status" aria-live="polite">
        {status}
      </p>
      <div className="report__actions">
        {progress ? (
          <button
            type="button"
            className="btn btn--ghost"
            onClick={() => controller.current?.abort()}
          >
            {t('report.cancel')}
          </button>
        ) : (
          <>
            <button type="button" className="btn" onClick={() => void start()}>
              {t('report.start')}
            </button>
            <button type="button" className="btn btn--ghost" onClick={onClose}>
              {t('report.close')}
            </button>
          </>
        )}
      </div>
    </div>
  );
}
