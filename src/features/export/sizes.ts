/**
 * Fixed export sizes in CSS pixels, as OWID's grapher does: a reader gets the same figure
 * every time, whatever their window. The PNG is `width × scale` by `height × scale` pixels.
 */
export const EXPORT_SIZES = {
  wide: { width: 960, height: 540, label: { zh: '16:9 幻灯片', en: '16:9 slide' } },
  column: { width: 680, height: 520, label: { zh: 'A4 单栏', en: 'A4 column' } },
} as const;

export type ExportSize = keyof typeof EXPORT_SIZES;

export const SCALES = [1, 2, 3] as const;
