import { readFile } from 'node:fs/promises';
import type { Locator, Page } from 'playwright-core';

export interface Downloaded {
  name: string;
  bytes: Buffer;
}

/** Click something that downloads a file; return its suggested name and its bytes. */
export async function download(page: Page, target: Locator, timeout = 60_000): Promise<Downloaded> {
  const [dl] = await Promise.all([page.waitForEvent('download', { timeout }), target.click()]);
  const path = await dl.path();
  return { name: dl.suggestedFilename(), bytes: await readFile(path) };
}

export const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** Width and height from a PNG's IHDR chunk. */
export function pngSize(bytes: Buffer): { width: number; height: number } {
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

/** Share of pixels that are not near-white, measured by the browser's own PNG decoder. */
export async function inkShare(page: Page, bytes: Buffer): Promise<number> {
  return page.evaluate(async (b64) => {
    // An <img> from a data: URL (img-src allows it; connect-src would not allow fetch).
    const bmp = new Image();
    bmp.src = `data:image/png;base64,${b64}`;
    await bmp.decode();
    const canvas = new OffscreenCanvas(bmp.width, bmp.height);
    const ctx = canvas.getContext('2d');
    if (!ctx) return 0;
    ctx.drawImage(bmp, 0, 0);
    const { data } = ctx.getImageData(0, 0, bmp.width, bmp.height);
    let ink = 0;
    for (let i = 0; i < data.length; i += 4)
      if ((data[i] ?? 255) < 235 || (data[i + 1] ?? 255) < 235 || (data[i + 2] ?? 255) < 235) ink++;
    return ink / (data.length / 4);
  }, bytes.toString('base64'));
}
