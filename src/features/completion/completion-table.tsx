import { useId } from 'react';
import type { Lang } from '@/lib/i18n';
import { translator } from '@/lib/i18n';
import '@/components/chart-frame.css'; // its head and actions are a chart frame's
import { statusNotes } from '@/lib/missing';
import type { CompletionCell, CompletionModel, CompletionRow } from './build-table';
import { TableExport } from './table-export';
import type { TableExportInput } from './table-export';
import {
  changeText,
  columnHeaders,
  metText,
  rankNotes,
  rankText,
  targetText,
  totalCellText,
  valueText,
} from './table-text';

function ChangeCell({
  row,
  cell,
  which,
  lang,
  label,
}: {
  row: CompletionRow;
  cell: CompletionCell;
  which: 'vsCompare' | 'vsPrevious';
  lang: Lang;
  /** The column's header, written before the cell where a phone stacks the row. */
  label: string;
}) {
  const change = cell[which];
  return (
    <td className={`completion__change change--${change?.verdict ?? 'none'}`} data-label={label}>
      {changeText(change, row.indicator, lang)}
    </td>
  );
}

/** The value, its note when missing, and a provisional badge (words, not only a mark). */
function Value({ cell, row, lang }: { cell: CompletionCell; row: CompletionRow; lang: Lang }) {
  return (
    <>
      {valueText(
        { ...cell, obs: cell.obs && { ...cell.obs, provisional: false } },
        row.indicator,
        lang,
      )}
      {cell.obs?.provisional && (
        <span className="badge">{translator(lang)('state.provisional')}</span>
      )}
    </>
  );
}

function MetCell({ cell, lang, label }: { cell: CompletionCell; lang: Lang; label: string }) {
  const cls = cell.met === null ? 'none' : cell.met ? 'better' : 'worse';
  return (
    <td
      className={`completion__met change--${cls}`}
      data-label={label}
      data-empty={cell.met === null || undefined}
    >
      {metText(cell.met, lang)}
    </td>
  );
}

/** Rows under their group headings (key indicators, each programme, the rest), in order. */
function groups(rows: CompletionRow[], lang: Lang) {
  const out: { heading: string | null; rows: CompletionRow[] }[] = [];
  for (const row of rows) {
    const heading = row.group?.[lang] ?? null;
    const last = out[out.length - 1];
    if (last && last.heading === heading) last.rows.push(row);
    else out.push({ heading, rows: [row] });
  }
  return out;
}

/** One region: a column per measure. */
function SingleBody({
  model,
  lang,
  baseline,
}: {
  model: CompletionModel;
  lang: Lang;
  baseline: boolean;
}) {
  const h = columnHeaders(model, lang, baseline);
  const columns = 1 + 1 + (h.total ? 1 : 0) + (h.vsCompare ? 1 : 0) + 3 + (h.rank ? 1 : 0);
  return (
    <>
      <thead>
        <tr>
          <th scope="col">{h.indicator}</th>
          <th scope="col">{h.value}</th>
          {h.total && <th scope="col">{h.total}</th>}
          {h.vsCompare && <th scope="col">{h.vsCompare}</th>}
          <th scope="col">{h.vsPrevious}</th>
          <th scope="col">{h.target}</th>
          <th scope="col">{h.met}</th>
          {h.rank && <th scope="col">{h.rank}</th>}
        </tr>
      </thead>
      {groups(model.rows, lang).map(({ heading, rows }) => (
        <tbody key={heading ?? ''}>
          {heading !== null && (
            <tr className="completion__group">
              <th scope="rowgroup" colSpan={columns}>
                {heading}
              </th>
            </tr>
          )}
          {rows.map((row) => {
            const cell = row.cells[0];
            if (!cell) return null;
            return (
              <tr key={row.indicator.id}>
                <th scope="row">{row.indicator.name[lang]}</th>
                <td className="completion__value">
                  <Value cell={cell} row={row} lang={lang} />
                </td>
                {h.total && (
                  <td
                    className="completion__total"
                    data-label={h.total}
                    data-empty={!totalCellText(cell, row.indicator, lang, model.year) || undefined}
                  >
                    {totalCellText(cell, row.indicator, lang, model.year)}
                  </td>
                )}
                {h.vsCompare && (
                  <ChangeCell
                    row={row}
                    cell={cell}
                    which="vsCompare"
                    lang={lang}
                    label={h.vsCompare}
                  />
                )}
                <ChangeCell
                  row={row}
                  cell={cell}
                  which="vsPrevious"
                  lang={lang}
                  label={h.vsPrevious}
                />
                <td data-label={h.target} data-empty={cell.target == null || undefined}>
                  {targetText(cell, row.indicator, lang)}
                </td>
                <MetCell cell={cell} lang={lang} label={h.met} />
                {h.rank && (
                  <td
                    className="completion__rank"
                    data-label={h.rank}
                    data-empty={!cell.rank || cell.rank.of < 2 || undefined}
                  >
                    {rankText(cell.rank, lang)}
                  </td>
                )}
              </tr>
            );
          })}
        </tbody>
      ))}
    </>
  );
}

/** Several regions side by side: a column per region, each cell holding value, change, target and place. */
function ManyBody({
  model,
  lang,
  baseline,
}: {
  model: CompletionModel;
  lang: Lang;
  baseline: boolean;
}) {
  const h = columnHeaders(model, lang, baseline);
  return (
    <>
      <thead>
        <tr>
          <th scope="col">{h.indicator}</th>
          {model.regions.map((r) => (
            <th scope="col" key={r.id}>
              {r.name[lang]}
            </th>
          ))}
        </tr>
      </thead>
      {groups(model.rows, lang).map(({ heading, rows }) => (
        <tbody key={heading ?? ''}>
          {heading !== null && (
            <tr className="completion__group">
              <th scope="rowgroup" colSpan={model.regions.length + 1}>
                {heading}
              </th>
            </tr>
          )}
          {rows.map((row) => (
            <tr key={row.indicator.id}>
              <th scope="row">{row.indicator.name[lang]}</th>
              {row.cells.map((c) => (
                <td key={c.region.id} className="completion__stack">
                  <span className="completion__value">
                    <Value cell={c} row={row} lang={lang} />
                  </span>
                  {h.total && totalCellText(c, row.indicator, lang, model.year) && (
                    <span className="completion__total">
                      {h.total} {totalCellText(c, row.indicator, lang, model.year)}
                    </span>
                  )}
                  {h.vsCompare && (
                    <span className={`change--${c.vsCompare?.verdict ?? 'none'}`}>
                      {h.vsCompare} {changeText(c.vsCompare, row.indicator, lang)}
                    </span>
                  )}
                  <span className={`change--${c.vsPrevious?.verdict ?? 'none'}`}>
                    {h.vsPrevious} {changeText(c.vsPrevious, row.indicator, lang)}
                  </span>
                  {c.target != null && (
                    <span className={c.met === false ? 'change--worse' : 'change--better'}>
                      {h.target} {targetText(c, row.indicator, lang)} · {metText(c.met, lang)}
                    </span>
                  )}
                  {c.rank && c.rank.of > 1 && <span>{rankText(c.rank, lang)}</span>}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      ))}
    </>
  );
}

export function CompletionTable({
  model,
  lang,
  baseline,
  caption,
  exportInput,
}: {
  model: CompletionModel;
  lang: Lang;
  /** Whether the comparison year is the campaign's baseline (its header says so). */
  baseline: boolean;
  /** "指标完成情况表" with the scope. */
  caption: { title: string; subtitle: string };
  exportInput: TableExportInput;
}) {
  const t = translator(lang);
  const headingId = useId();
  const noteId = useId();
  return (
    <section className="completion" aria-labelledby={headingId}>
      <div className="chart-frame__head">
        <div>
          <h2 id={headingId} className="section-title">
            {caption.title}
            <span className="section-title__sub">{caption.subtitle}</span>
          </h2>
        </div>
        <div className="chart-frame__actions">
          <TableExport input={exportInput} />
        </div>
      </div>
      <div className="table-scroll completion__scroll" tabIndex={0} aria-labelledby={headingId}>
        <table
          className={`data-table completion__table${model.regions.length > 1 ? '' : ' completion__table--single'}`}
          aria-describedby={noteId}
        >
          <caption className="visually-hidden">
            {caption.title} · {caption.subtitle}
          </caption>
          {model.regions.length > 1 ? (
            <ManyBody model={model} lang={lang} baseline={baseline} />
          ) : (
            <SingleBody model={model} lang={lang} baseline={baseline} />
          )}
        </table>
      </div>
      <p id={noteId} className="hint completion__note">
        {rankNotes(model, lang)}
        {statusNotes(
          model.rows.flatMap((r) => r.cells.map((c) => c.obs)),
          lang,
        ).map((note) => (
          <span key={note}>
            {' '}
            {note}
            {lang === 'zh' ? '。' : '.'}
          </span>
        ))}
      </p>
      {model.regions.length > 1 && (
        <p className="visually-hidden">
          {t('completion.several', { count: model.regions.length })}
        </p>
      )}
    </section>
  );
}
