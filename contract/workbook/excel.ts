/**
 * Loads exceljs on demand: it is large, so the browser fetches it only when a template is
 * built. Handles both module shapes: an ES namespace whose `default` is the CommonJS export
 * (Node, Vite's pre-bundled browser build) and a namespace that is the library itself.
 */
export type ExcelJSModule = typeof import('exceljs');

export async function loadExcelJS(): Promise<ExcelJSModule> {
  const mod: ExcelJSModule & { default?: ExcelJSModule } = await import('exceljs');
  return mod.default ?? mod;
}
