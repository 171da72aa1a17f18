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

export interface Region {
  x: number;
  y: number;
  width: number;
  height: number;
}

/**
 * How two screenshots differ inside `region`: the mean absolute difference per channel (0–255)
 * and the fraction of pixels whose largest channel difference exceeds `threshold`.
 */
export async function regionDifference(
  page: Page,
  before: Buffer,
  after: Buffer,
  region: Region,
  threshold = 24,
): Promise<{ meanAbs: number; changedFraction: number }> {
  return page.evaluate(
    async ({ a, b, region, threshold }) => {
      const pixels = async (b64: string) => {
        const bitmap = await createImageBitmap(await (await fetch(`data:image/png;base64,${b64}`)).blob());
        const canvas = new OffscreenCanvas(region.width, region.height);
        const ctx = canvas.getContext("2d")!;
        ctx.drawImage(bitmap, region.x, region.y, region.width, region.height, 0, 0, region.width, region.height);
        return ctx.getImageData(0, 0, region.width, region.height).data;
      };
      const [pa, pb] = [await pixels(a), await pixels(b)];
      let sum = 0;
      let changed = 0;
      for (let i = 0; i < pa.length; i += 4) {
        let most = 0;
        for (let c = 0; c < 3; c++) {
          const d = Math.abs(pa[i + c]! - pb[i + c]!);
          sum += d;
          most = Math.max(most, d);
        }
        if (most > threshold) changed++;
      }
      const n = pa.length / 4;
      return { meanAbs: sum / (n * 3), changedFraction: changed / n };
    },
    { a: before.toString("base64"), b: after.toString("base64"), region, threshold },
  );
}

/**
 * The fraction of pixels in `region` whose colour (quantised to 4 bits a channel) appears
 * nowhere in a ring around it (`band` pixels wide, starting `gap` pixels outside the region,
 * so that the edges of whatever is drawn in the region stay out of it): something drawn there
 * that is not the background continuing (sky, ground, walls) has colours of its own.
 */
export async function novelColourFraction(page: Page, png: Buffer, region: Region, ring: { gap: number; band: number }): Promise<number> {
  return page.evaluate(
    async ({ b64, region, ring }) => {
      const bitmap = await createImageBitmap(await (await fetch(`data:image/png;base64,${b64}`)).blob());
      const reach = ring.gap + ring.band;
      const x0 = Math.max(0, region.x - reach);
      const y0 = Math.max(0, region.y - reach);
      const x1 = Math.min(bitmap.width, region.x + region.width + reach);
      const y1 = Math.min(bitmap.height, region.y + region.height + reach);
      const canvas = new OffscreenCanvas(x1 - x0, y1 - y0);
      const ctx = canvas.getContext("2d")!;
      ctx.drawImage(bitmap, x0, y0, x1 - x0, y1 - y0, 0, 0, x1 - x0, y1 - y0);
      const data = ctx.getImageData(0, 0, x1 - x0, y1 - y0).data;
      const key = (x: number, y: number) => {
        const i = ((y - y0) * (x1 - x0) + (x - x0)) * 4;
        return ((data[i]! >> 4) << 8) | ((data[i + 1]! >> 4) << 4) | (data[i + 2]! >> 4);
      };
      // Distance outside the region (0 inside).
      const outside = (x: number, y: number) =>
        Math.max(region.x - x, x - (region.x + region.width - 1), region.y - y, y - (region.y + region.height - 1), 0);
      const around = new Set<number>();
      let novel = 0;
      let total = 0;
      for (let y = y0; y < y1; y++) {
        for (let x = x0; x < x1; x++) if (outside(x, y) > ring.gap) around.add(key(x, y));
      }
      for (let y = Math.max(region.y, y0); y < Math.min(region.y + region.height, y1); y++) {
        for (let x = Math.max(region.x, x0); x < Math.min(region.x + region.width, x1); x++) {
          total++;
          if (!around.has(key(x, y))) novel++;
        }
      }
      return total === 0 ? 0 : novel / total;
    },
    { b64: png.toString("base64"), region, ring },
  );
}
