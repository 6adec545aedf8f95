import { useMemo, useState } from 'react';
import type { Lang, T } from '@/lib/i18n';
import type { DiffGroup } from './api/schemas';
import { cellText } from './cell-text';

const OPEN_UP_TO = 30; // more groups than this start collapsed: a long diff is scanned by heading

const keyOf = (g: DiffGroup) => `${g.indicator.id}|${g.region.id}`;

function matches(g: DiffGroup, needle: string): boolean {
  if (!needle) return true;
  const hay = [
    g.indicator.id,
    g.indicator.name.zh,
    g.indicator.name.en,
    g.region.id,
    g.region.name.zh,
    g.region.name.en,
  ]
    .join(' ')
    .toLowerCase();
  return needle
    .toLowerCase()
    .split(/\s+/)
    .filter(Boolean)
    .every((word) => hay.includes(word));
}

/** Every changed cell, one collapsible group per indicator and region, year by year. */
export function DiffGroups({
  groups,
  filter,
  lang,
  t,
}: {
  groups: DiffGroup[];
  filter: string;
  lang: Lang;
  t: T;
}) {
  const shown = useMemo(() => groups.filter((g) => matches(g, filter.trim())), [groups, filter]);
  const startOpen = groups.length <= OPEN_UP_TO;
  // The groups the reader flipped from the starting state.
  const [flipped, setFlipped] = useState<ReadonlySet<string>>(new Set());
  const [allOpen, setAllOpen] = useState(startOpen);
  const isOpen = (key: string) => allOpen !== flipped.has(key);
  const flip = (key: string) =>
    setFlipped((prev) => {
      const next = new Set(prev);
      if (!next.delete(key)) next.add(key);
      return next;
    });
  const setAll = (open: boolean) => {
    setAllOpen(open);
    setFlipped(new Set());
  };
  return (
    <>
      <div className="admin-row">
        <p className="hint" aria-live="polite">
          {t('diff.shown', { shown: shown.length, total: groups.length })}
        </p>
        <button type="button" className="btn btn--ghost" onClick={() => setAll(true)}>
          {t('diff.expandAll')}
        </button>
        <button type="button" className="btn btn--ghost" onClick={() => setAll(false)}>
          {t('diff.collapseAll')}
        </button>
      </div>
      {shown.length === 0 && <p className="hint">{t('diff.noMatch')}</p>}
      {shown.map((g) => {
        const key = keyOf(g);
        const open = isOpen(key);
        const indicator = g.indicator.name[lang] || g.indicator.name.zh;
        const unit = g.indicator.unit ? g.indicator.unit[lang] || g.indicator.unit.zh : '';
        const region = g.region.name[lang] || g.region.name.zh;
        const panelId = `admin-group-${key}`;
        return (
          <div className="admin-group" key={key}>
            <h5 className="admin-group__heading">
              <button
                type="button"
                aria-expanded={open}
                aria-controls={panelId}
                onClick={() => flip(key)}
              >
                <span aria-hidden="true">{open ? '▾' : '▸'} </span>
                {t('diff.group', {
                  indicator: unit ? `${indicator} (${unit})` : indicator,
                  region,
                })}
                <span className="admin-group__count">
                  {' '}
                  {t('diff.groupCount', { n: g.cells.length })}
                </span>
              </button>
            </h5>
            <div id={panelId} hidden={!open}>
              {open && (
                <table className="data-table admin-cells">
                  <caption className="visually-hidden">
                    {t('diff.caption', { indicator, region })}
                  </caption>
                  <thead>
                    <tr>
                      <th scope="col">{t('diff.year')}</th>
                      <th scope="col">{t('diff.kind')}</th>
                      <th scope="col">{t('diff.before')}</th>
                      <th scope="col">{t('diff.after')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {g.cells.map((c) => (
                      <tr key={`${c.year}`} className={`admin-${c.kind}`}>
                        <th scope="row">{c.year}</th>
                        <td>{t(`diff.${c.kind}`)}</td>
                        <td title={c.before?.note ?? undefined}>{cellText(c.before, lang, t)}</td>
                        <td title={c.after?.note ?? undefined}>
                          <span aria-hidden="true" className="admin-arrow">
                            →{' '}
                          </span>
                          {cellText(c.after, lang, t)}
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              )}
            </div>
          </div>
        );
      })}
    </>
  );
}
