import { deflateSync } from "node:zlib";
import type { PngChunk } from "./pngChunks";

const SIZE = 64;

/**
 * The image chunks of a small portrait for an exported card: a vertical gradient in a colour
 * taken from the name, so different companions' cards look different in a file browser.
 */
export function portraitChunks(name: string): PngChunk[] {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(SIZE, 0);
  header.writeUInt32BE(SIZE, 4);
  header.set([8, 2, 0, 0, 0], 8); // 8-bit RGB; compression, filter method and interlace all 0
  const [r, g, b] = colourOf(name);
  const rows = Buffer.alloc(SIZE * (1 + SIZE * 3));
  for (let y = 0; y < SIZE; y++) {
    const shade = 0.55 + (0.45 * y) / SIZE;
    const row = y * (1 + SIZE * 3); // each row starts with filter type 0
    for (let x = 0; x < SIZE; x++) rows.set([r * shade, g * shade, b * shade], row + 1 + x * 3);
  }
  return [
    { type: "IHDR", data: header },
    { type: "IDAT", data: deflateSync(rows) },
  ];
}

function colourOf(name: string): [number, number, number] {
  let hash = 0;
  for (const char of name) hash = (hash * 31 + char.codePointAt(0)!) >>> 0;
  return [96 + (hash & 0x7f), 96 + ((hash >> 7) & 0x7f), 96 + ((hash >> 14) & 0x7f)];
}
