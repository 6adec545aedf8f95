import type { ReactNode } from 'react';

/**
 * A table's sideways scroller that a keyboard can reach (a phone-width table is wider than the
 * screen): focusable, and named after its table for a screen reader.
 */
export function ScrollBox({
  label,
  children,
  id,
  hidden,
}: {
  label: string;
  children: ReactNode;
  id?: string;
  hidden?: boolean;
}) {
  return (
    <div
      className="table-scroll"
      tabIndex={0}
      role="region"
      aria-label={label}
      id={id}
      hidden={hidden}
    >
      {children}
    </div>
  );
}
