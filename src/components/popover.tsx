/**
 * The open/close rules every menu and dialog of the app shares: one open at a time, Esc or a
 * tap outside closes it (and Esc returns focus to its button). Where it opens is CSS's job
 * (`.popover`): anchored to its button on wide screens, a bottom sheet on narrow ones, so it is
 * always inside the viewport.
 */
import { useCallback, useEffect, useId, useRef, useState } from 'react';
import './popover.css';

const openers = new Set<(id: string) => void>();

export function usePopover() {
  const id = useId();
  const [open, setOpenState] = useState(false);
  const rootRef = useRef<HTMLDivElement>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    const closeIfOther = (other: string) => {
      if (other !== id) setOpenState(false);
    };
    openers.add(closeIfOther);
    return () => {
      openers.delete(closeIfOther);
    };
  }, [id]);

  const setOpen = useCallback(
    (next: boolean) => {
      if (next) for (const close of openers) close(id);
      setOpenState(next);
    },
    [id],
  );

  useEffect(() => {
    if (!open) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape') return;
      setOpenState(false);
      buttonRef.current?.focus();
    };
    const onPointer = (e: PointerEvent) => {
      if (rootRef.current && e.target instanceof Node && !rootRef.current.contains(e.target))
        setOpenState(false);
    };
    document.addEventListener('keydown', onKey);
    document.addEventListener('pointerdown', onPointer);
    return () => {
      document.removeEventListener('keydown', onKey);
      document.removeEventListener('pointerdown', onPointer);
    };
  }, [open]);

  return { open, setOpen, toggle: () => setOpen(!open), rootRef, buttonRef };
}
