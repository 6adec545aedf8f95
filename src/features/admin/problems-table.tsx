import type { Lang, T } from '@/lib/i18n';
import { ScrollBox } from './scroll-box';
import type { Problem } from './api/schemas';

/** The file's problems as the CLI lists them: sheet, row, column, reason. Nothing was stored. */
export function ProblemsTable({
  fileName,
  problems,
  lang,
  t,
}: {
  fileName: string;
  problems: Problem[];
  lang: Lang;
  t: T;
}) {
  return (
    <div className="admin-problems">
      <div role="alert">
        <h3>{t('problems.heading', { n: problems.length })}</h3>
        <p>{t('problems.fix')}</p>
      </div>
      <ScrollBox label={t('problems.caption', { file: fileName })}>
        <table className="data-table admin-problem-table admin-reflow">
          <caption>{t('problems.caption', { file: fileName })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('problems.sheet')}</th>
              <th scope="col">{t('problems.row')}</th>
              <th scope="col">{t('problems.column')}</th>
              <th scope="col">{t('problems.reason')}</th>
            </tr>
          </thead>
          <tbody>
            {problems.map((p, i) => (
              // Problems have no id of their own; their order is the file's.
              <tr key={i}>
                <td data-label={t('problems.sheet')}>{p.sheet ?? '—'}</td>
                <td data-label={t('problems.row')}>{p.row ?? '—'}</td>
                <td data-label={t('problems.column')}>{p.column ?? '—'}</td>
                <td className="admin-reason">{p.text[lang] || p.text.zh}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollBox>
    </div>
  );
}
