/** The report pack as a ZIP: numbered PNGs, one workbook with a sheet per chart, the summaries as text. */
import { strToU8, zipSync } from 'fflate';
import { translator } from '@/lib/i18n';
import type { ReportMeta, ReportSection } from './report-model';
import { coverLines, demoNotice, figureLabel } from './report-model';

function safe(name: string): string {
  return name
    .replace(/[<>:"/\\|?*\u0000-\u001f]/g, '_') // eslint-disable-line no-control-regex -- control characters must go
    .slice(0, 60)
    .trim();
}

export function buildZip(
  meta: ReportMeta,
  sections: ReportSection[],
  workbook: Uint8Array,
  table: { name: string; csv: string } | null = null,
): Uint8Array {
  const t = translator(meta.lang);
  const files: Record<string, Uint8Array> = {};
  const lines: string[] = [
    meta.title,
    ...(meta.demo ? [demoNotice(meta.lang)] : []),
    ...coverLines(meta),
    '',
  ];
  for (const section of sections) {
    lines.push(`== ${section.title} ==`, '');
    for (const fig of section.figures) {
      const label = figureLabel(fig.number, meta.lang);
      files[`${String(fig.number).padStart(2, '0')}_${safe(`${label} ${fig.spec.title}`)}.png`] =
        fig.png;
      lines.push(
        `${label}  ${fig.spec.title}`,
        fig.spec.subtitle,
        fig.spec.summary,
        ...fig.spec.notes,
        '',
      );
    }
  }
  files[t('report.files.data')] = workbook;
  if (table) files[`00_${safe(table.name)}`] = strToU8(table.csv);
  // A BOM and CRLF so Windows Notepad shows the Chinese text correctly.
  files[t('report.files.summaries')] = strToU8(`\uFEFF${lines.join('\r\n')}`);
  return zipSync(files, { level: 6 });
}
