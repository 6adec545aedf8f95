import type { ChartSpec } from '@/features/charts/chart-spec';
import { renderChartSvg } from './render-svg';
import { EXPORT_SIZES } from './sizes';
import type { ExportSize } from './sizes';

/**
 * Rasterises a self-contained SVG at `scale` device pixels per CSS pixel. The image is loaded
 * from a data: URL rather than a blob: URL because a deployment's CSP may allow `img-src data:`
 * but not `blob:`; the SVG has no external references, so the canvas is never tainted.
 */
export async function svgToPngBlob(
  svg: string,
  width: number,
  height: number,
  scale: number,
): Promise<Blob> {
  const img = new Image(width, height);
  img.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;
  try {
    await img.decode();
  } catch (cause) {
    throw new Error('Could not decode the chart SVG as an image, so no PNG was made.', { cause });
  }
  const canvas = document.createElement('canvas');
  canvas.width = Math.round(width * scale);
  canvas.height = Math.round(height * scale);
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('This browser gave no 2D canvas, so no PNG was made.');
  ctx.scale(scale, scale);
  // PNG keeps transparency: paint the paper white first so the figure never shows a dark
  // background in viewers or slides with a dark theme.
  ctx.fillStyle = '#fff';
  ctx.fillRect(0, 0, width, height);
  ctx.drawImage(img, 0, 0, width, height);
  return new Promise<Blob>((resolve, reject) => {
    canvas.toBlob((blob) => {
      if (blob) resolve(blob);
      else reject(new Error('The canvas could not be encoded as PNG (is the image too large?).'));
    }, 'image/png');
  });
}

export async function renderChartPng(
  spec: ChartSpec,
  size: ExportSize = 'wide',
  scale = 2,
): Promise<Blob> {
  const { width, height } = EXPORT_SIZES[size];
  return svgToPngBlob(renderChartSvg(spec, size), width, height, scale);
}
