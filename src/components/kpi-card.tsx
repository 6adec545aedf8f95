import type { ReactNode } from 'react';
import './kpi-card.css';
import type { Verdict } from '@/lib/change';

export interface KpiChange {
  label: string;
  /** "▼ 93.4%" — arrow and amount. */
  text: string;
  verdict: Verdict | null;
  /** "向好" / "better": the word that settles what the colour means. */
  verdictText: string;
}

export interface KpiCardProps {
  name: string;
  number: string;
  unit: string;
  missing: boolean;
  missingText: string;
  /** Why the figure is missing, when the server said: "保密", "未报送", "不适用". */
  gapText?: string | null;
  /** The campaign's total next to the yearly figure: "2017–2019年合计 12,345人". */
  total?: { label: string; value: string; note: string } | null;
  badges: string[];
  changes: KpiChange[];
  footer?: ReactNode;
  trend?: ReactNode;
  description?: string;
}

export function KpiCard({
  name,
  number,
  unit,
  missing,
  missingText,
  gapText,
  total,
  badges,
  changes,
  footer,
  trend,
  description,
}: KpiCardProps) {
  return (
    <article className="kpi-card" aria-label={name}>
      <h3 className="kpi-card__name" title={description}>
        {name}
      </h3>
      <p className="kpi-card__value">
        {missing ? (
          <span className="kpi-card__missing">
            {missingText}
            {gapText && <span className="kpi-card__gap">{gapText}</span>}
          </span>
        ) : (
          <>
            <span className="kpi-card__number">{number}</span>
            {unit && <span className="kpi-card__unit">{unit}</span>}
          </>
        )}
        {badges.map((b) => (
          <span key={b} className="badge">
            {b}
          </span>
        ))}
      </p>
      {total && (
        <p className="kpi-card__total">
          <span className="kpi-card__total-label">{total.label}</span>{' '}
          <span className="kpi-card__total-value">{total.value}</span>
          {total.note && <span className="kpi-card__total-note">{total.note}</span>}
        </p>
      )}
      <ul className="kpi-card__changes">
        {changes.map((c) => (
          <li key={c.label} className={`change change--${c.verdict ?? 'none'}`}>
            <span className="change__label">{c.label}</span>{' '}
            <span className="change__amount">{c.text}</span>
            {c.verdictText && <span className="change__verdict">{c.verdictText}</span>}
          </li>
        ))}
      </ul>
      {trend && <div className="kpi-card__trend">{trend}</div>}
      {footer && <div className="kpi-card__footer">{footer}</div>}
    </article>
  );
}
