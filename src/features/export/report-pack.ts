/**
 * One click, every chart: renders each figure to PNG, then writes a Word document or a ZIP.
 * Yields to the event loop between figures so the page stays responsive, and stops as soon
 * as the signal is aborted.
 */
import type { ChartSpec } from '@/features/charts/chart-spec';
import { scopeName } from '@/features/filters/scope';
import { translator } from '@/lib/i18n';
import type { ReportMeta, ReportSection, ReportTable } from './report-model';
import { EXPORT_SIZES } from './sizes';

export type PackFormat = 'docx' | 'zip';
export interface PackSource {
  title: string;
  /** The heading over sections of one kind (八严工作, 专项行动); none for a view of its own. */
  group?: string;
  specs: ChartSpec[];
}

const yieldToBrowser = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

export async function buildReportPack(
  format: PackFormat,
  meta: ReportMeta,
  sources: PackSource[],
  opts: {
    signal?: AbortSignal;
    onProgress?: (done: number, total: number) => void;
    /** The completion table: the report's first page. */
    table?: ReportTable | null;
  } = {},
): Promise<{ blob: Blob; fileName: string }> {
  const { renderChartPng } = await import('./to-png');
  const { exportFileName } = await import('./file-names');
  const total = sources.reduce((n, s) => n + s.specs.length, 0) + 1;
  let done = 0;
  const size = EXPORT_SIZES.wide;
  const sections: ReportSection[] = [];
  let number = 0;
  for (const source of sources) {
    const figures = [];
    for (const spec of source.specs) {
      opts.signal?.throwIfAborted();
      const png = new Uint8Array(await (await renderChartPng(spec, 'wide', 2)).arrayBuffer());
      figures.push({ number: ++number, spec, png, width: size.width, height: size.height });
      opts.onProgress?.(++done, total);
      await yieldToBrowser();
    }
    sections.push({ title: source.title, group: source.group, figures });
  }
  opts.signal?.throwIfAborted();
  const all = sources.flatMap((s) => s.specs);
  let blob: Blob;
  if (format === 'docx') {
    const { buildDocx } = await import('./report-docx');
    blob = await buildDocx(meta, sections, opts.table ?? null);
  } else {
    const [{ chartsWorkbook }, { buildZip }, { tableCsv }] = await Promise.all([
      import('./xlsx'),
      import('./report-zip'),
      import('./csv'),
    ]);
    const workbook = new Uint8Array(await (await chartsWorkbook(all, meta)).arrayBuffer());
    opts.signal?.throwIfAborted();
    const table = opts.table
      ? {
          name: `${opts.table.title}.csv`,
          csv: tableCsv(
            { headers: opts.table.headers, rows: opts.table.rows.map((r) => r.cells), notes: [] },
            meta.demo,
          ),
        }
      : null;
    const bytes = buildZip(meta, sections, workbook, table);
    blob = new Blob([bytes.buffer as ArrayBuffer], { type: 'application/zip' });
  }
  opts.onProgress?.(total, total);
  // "龙华区_2021年度_禁毒工作数据报告.docx": the place is cut first when a long list of
  // townships would not fit; the year and what the file is are kept.
  const t = translator(meta.lang);
  const fileName = exportFileName({
    title: scopeName(meta.scope, meta.lang),
    region: t('scope.year', { year: meta.scope.year }),
    years: t('scope.reportFile'),
    date: '',
    ext: format,
  });
  return { blob, fileName };
}
