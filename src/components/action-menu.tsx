/**
 * A button that opens a panel of actions (the export menu of every chart and of the completion
 * table): one open at a time, Esc or a tap outside closes it, a bottom sheet on a phone
 * (popover.tsx). Each action reports what it did in the panel's status line; while one runs,
 * the others wait. Options that shape the actions (image size, scale) go in as children.
 */
import { useId, useState } from 'react';
import type { ReactNode } from 'react';
import { usePopover } from './popover';
import './action-menu.css';

export interface MenuAction {
  id: string;
  label: string;
  /** Does the work and returns the status to show ("已导出：…"). */
  run: () => Promise<string>;
}

export interface ActionMenuProps {
  /** The button's text ("导出"). */
  label: string;
  /** The button's and the panel's accessible name ("导出“…”"). */
  name: string;
  actions: MenuAction[];
  /** Status while an action runs, and for one that failed. */
  working: string;
  failed: (message: string) => string;
  children?: ReactNode;
}

export function ActionMenu({ label, name, actions, working, failed, children }: ActionMenuProps) {
  const { open, toggle, rootRef, buttonRef } = usePopover();
  const [status, setStatus] = useState('');
  const [busy, setBusy] = useState(false);
  const panelId = useId();

  const run = async (action: MenuAction) => {
    setBusy(true);
    setStatus(working);
    try {
      setStatus(await action.run());
    } catch (err) {
      setStatus(failed(err instanceof Error ? err.message : String(err)));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="export-menu" ref={rootRef}>
      <button
        ref={buttonRef}
        type="button"
        className="btn btn--ghost"
        aria-expanded={open}
        aria-controls={panelId}
        aria-label={name}
        onClick={toggle}
      >
        {label}
      </button>
      <div
        id={panelId}
        className="export-menu__panel popover"
        role="group"
        aria-label={name}
        hidden={!open}
      >
        {children}
        <ul className="export-menu__items">
          {actions.map((action) => (
            <li key={action.id}>
              <button
                type="button"
                className="btn btn--ghost"
                disabled={busy}
                onClick={() => void run(action)}
              >
                {action.label}
              </button>
            </li>
          ))}
        </ul>
        <p className="export-menu__status" role="status" aria-live="polite">
          {status}
        </p>
      </div>
    </div>
  );
}
