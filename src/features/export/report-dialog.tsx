import { lazy, Suspense, useState } from 'react';
import { usePopover } from '@/components/popover';
import { translator, withViewStrings } from '@/lib/i18n';
import type { ReportProps } from './report-panel';

// The panel, its words and its export code load when the reader first reaches for the button
// (hover, focus or tap): the first load carries the button only.
const loadPanel = withViewStrings(() => import('./report-panel'));
const ReportPanel = lazy(() => loadPanel().then((m) => ({ default: m.ReportPanel })));
const prefetch = () => void loadPanel().catch(() => undefined); // the click reports a failure

/** "导出报告 / Export report": every chart of this view or of all views, as Word or ZIP. */
export function ReportDialog(props: ReportProps) {
  const t = translator(props.lang);
  const { open, setOpen, toggle, rootRef, buttonRef } = usePopover();
  // Mounted from the first opening on, so an export running while it is closed keeps its state.
  const [opened, setOpened] = useState(false);
  if (open && !opened) setOpened(true);
  return (
    <div className="report" ref={rootRef}>
      <button
        ref={buttonRef}
        type="button"
        className="btn"
        aria-expanded={open}
        onClick={toggle}
        onPointerEnter={prefetch}
        onFocus={prefetch}
      >
        {t('report.button')}
      </button>
      {opened && (
        <Suspense
          fallback={
            open && (
              <div className="report__panel popover" role="status">
                {t('state.loading')}
              </div>
            )
          }
        >
          <ReportPanel {...props} open={open} onClose={() => setOpen(false)} />
        </Suspense>
      )}
    </div>
  );
}
