/**
 * Fixed export sizes in CSS pixels, as OWID's grapher does: a reader gets the same figure
 * every time, whatever their window. The PNG is `width × scale` by `height × scale` pixels.
 */
export const EXPORT_SIZES = {
  wide: { width: 960, height: 540 },
  column: { width: 680, height: 520 },
} as const;

export type ExportSize = keyof typeof EXPORT_SIZES;

export const SCALES = [1, 2, 3] as const;
