import type { Page } from "playwright-core";

export interface PixelStats {
  /** Distinct colours after quantising each channel to 5 bits. */
  distinctColours: number;
  /** Standard deviation of luma over the region, 0–255. */
  lumaStdDev: number;
  meanLuma: number;
}

/**
 * Statistics of a PNG screenshot, computed by the browser's own image decoder (so tests need
 * no PNG library). `region` is in image pixels.
 */
export async function pixelStats(
  page: Page,
  png: Buffer,
  region?: { x: number; y: number; width: number; height: number },
): Promise<PixelStats> {
  return page.evaluate(
    async ({ b64, region }) => {
      const blob = await (await fetch(`data:image/png;base64,${b64}`)).blob();
      const bitmap = await createImageBitmap(blob);
      const r = region ?? { x: 0, y: 0, width: bitmap.width, height: bitmap.height };
      const canvas = new OffscreenCanvas(r.width, r.height);
      const ctx = canvas.getContext("2d")!;
      ctx.drawImage(bitmap, r.x, r.y, r.width, r.height, 0, 0, r.width, r.height);
      const data = ctx.getImageData(0, 0, r.width, r.height).data;
      const colours = new Set<number>();
      let sum = 0;
      let sumSq = 0;
      const n = data.length / 4;
      for (let i = 0; i < data.length; i += 4) {
        const red = data[i]!;
        const green = data[i + 1]!;
        const blue = data[i + 2]!;
        colours.add(((red >> 3) << 10) | ((green >> 3) << 5) | (blue >> 3));
        const luma = 0.2126 * red + 0.7152 * green + 0.0722 * blue;
        sum += luma;
        sumSq += luma * luma;
      }
      const mean = sum / n;
      return { distinctColours: colours.size, lumaStdDev: Math.sqrt(Math.max(0, sumSq / n - mean * mean)), meanLuma: mean };
    },
    { b64: png.toString("base64"), region },
  );
}
