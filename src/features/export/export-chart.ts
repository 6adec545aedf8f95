/**
 * What each item of the export menu does. Every writer is imported on demand, so the first
 * load carries none of them (exceljs alone is ~250 KB gz).
 */
import type { ChartSpec } from '@/features/charts/chart-spec';
import { scopeName } from '@/features/filters/scope';
import { copyPng, copyText, downloadBlob } from './download';
import type { ExportSize } from './sizes';

export type ExportFormat = 'png' | 'svg' | 'csv' | 'xlsx' | 'copy-png' | 'copy-summary';
export type ExportOutcome =
  { ok: true; fileName?: string } | { ok: false; reason: 'clipboard' | 'failed'; message?: string };

const pad = (n: number) => String(n).padStart(2, '0');

/** Local date and time ("2026-11-28 16:05"): officials read exports in China time, not UTC. */
export function localStamp(d = new Date()): string {
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

export function today(): string {
  return localStamp().slice(0, 10);
}

export async function fileNameFor(spec: ChartSpec, ext: string): Promise<string> {
  const { exportFileName } = await import('./file-names');
  const first = spec.years[0];
  const last = spec.years[spec.years.length - 1];
  return exportFileName({
    title: spec.title,
    region: scopeName(spec.scope, spec.lang),
    years:
      first !== undefined && last !== undefined
        ? first === last
          ? String(first)
          : `${first}-${last}`
        : undefined,
    date: today(),
    ext,
  });
}

export function workbookMeta(spec: ChartSpec) {
  return {
    title: spec.title,
    filters: spec.subtitle,
    scope: spec.scope,
    source: spec.source,
    dataAsOf: spec.dataAsOf,
    demo: spec.demo,
    lang: spec.lang,
    exportedAt: localStamp(),
  };
}

// The copy cases reach the clipboard API before their first await (Safari requires it).
export async function exportChart(
  spec: ChartSpec,
  format: ExportFormat,
  size: ExportSize,
  scale: number,
): Promise<ExportOutcome> {
  switch (format) {
    case 'png': {
      const { renderChartPng } = await import('./to-png');
      const name = await fileNameFor(spec, 'png');
      downloadBlob(await renderChartPng(spec, size, scale), name);
      return { ok: true, fileName: name };
    }
    case 'svg': {
      const { renderChartSvg } = await import('./render-svg');
      const name = await fileNameFor(spec, 'svg');
      downloadBlob(
        new Blob([renderChartSvg(spec, size)], { type: 'image/svg+xml;charset=utf-8' }),
        name,
      );
      return { ok: true, fileName: name };
    }
    case 'csv': {
      const { chartCsv } = await import('./csv');
      const name = await fileNameFor(spec, 'csv');
      downloadBlob(new Blob([chartCsv(spec)], { type: 'text/csv;charset=utf-8' }), name);
      return { ok: true, fileName: name };
    }
    case 'xlsx': {
      const { chartXlsx } = await import('./xlsx');
      const name = await fileNameFor(spec, 'xlsx');
      downloadBlob(await chartXlsx(spec, workbookMeta(spec)), name);
      return { ok: true, fileName: name };
    }
    case 'copy-png': {
      // The clipboard write must start inside the click (Safari): hand it the pending image.
      const ok = await copyPng(import('./to-png').then((m) => m.renderChartPng(spec, size, scale)));
      return ok ? { ok: true } : { ok: false, reason: 'clipboard' };
    }
    case 'copy-summary': {
      const ok = await copyText(spec.summary);
      return ok ? { ok: true } : { ok: false, reason: 'clipboard' };
    }
  }
}
