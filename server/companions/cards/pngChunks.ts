import { crc32 } from "node:zlib";
import { CardError } from "./cardError";

/**
 * The little of PNG that cards need: walking the chunks (lengths and CRCs checked) and writing a
 * file from chunks. Written here rather than taken from npm: the usual packages
 * (png-chunks-extract/-encode, png-chunk-text) are unmaintained 1.0.0 releases from 2016 with an
 * old crc-32 dependency and no types, and Node (>= 20.15) has zlib.crc32.
 */

export const PNG_SIGNATURE = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

export interface PngChunk {
  type: string;
  data: Uint8Array;
}

export function isPng(bytes: Uint8Array): boolean {
  return bytes.length >= PNG_SIGNATURE.length && PNG_SIGNATURE.every((byte, i) => bytes[i] === byte);
}

/** Every chunk up to IEND; a CardError for a file that is not a whole, intact PNG. */
export function readPngChunks(bytes: Uint8Array): PngChunk[] {
  if (!isPng(bytes)) throw new CardError("invalid", "not a PNG: the file does not start with the PNG signature");
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const chunks: PngChunk[] = [];
  let offset = PNG_SIGNATURE.length;
  while (offset + 8 <= bytes.length) {
    const length = view.getUint32(offset);
    const typeAndData = bytes.subarray(offset + 4, offset + 8 + length);
    const type = String.fromCharCode(...typeAndData.subarray(0, 4));
    if (offset + 12 + length > bytes.length) throw new CardError("invalid", `PNG is truncated inside its ${type} chunk`);
    if (crc32(typeAndData) !== view.getUint32(offset + 8 + length)) {
      throw new CardError("invalid", `PNG is damaged: the ${type} chunk's checksum does not match`);
    }
    chunks.push({ type, data: typeAndData.subarray(4) });
    offset += 12 + length;
    if (type === "IEND") return chunks;
  }
  throw new CardError("invalid", "PNG is truncated: it ends before its IEND chunk");
}

/** The tEXt chunks as keyword → text (Latin-1, as PNG defines tEXt); the first of a keyword wins. */
export function pngTextChunks(chunks: PngChunk[]): Map<string, string> {
  const texts = new Map<string, string>();
  for (const { type, data } of chunks) {
    if (type !== "tEXt") continue;
    const separator = data.indexOf(0);
    if (separator <= 0) continue;
    const keyword = Buffer.from(data.subarray(0, separator)).toString("latin1");
    if (!texts.has(keyword)) texts.set(keyword, Buffer.from(data.subarray(separator + 1)).toString("latin1"));
  }
  return texts;
}

/** A tEXt chunk; `text` must be Latin-1 (cards put base64 there). */
export function textChunk(keyword: string, text: string): PngChunk {
  return { type: "tEXt", data: Buffer.concat([Buffer.from(keyword, "latin1"), Buffer.from([0]), Buffer.from(text, "latin1")]) };
}

export function writePng(chunks: PngChunk[]): Uint8Array<ArrayBuffer> {
  const parts: Uint8Array[] = [PNG_SIGNATURE];
  for (const { type, data } of chunks) {
    const header = Buffer.alloc(8);
    header.writeUInt32BE(data.length, 0);
    header.write(type, 4, "latin1");
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(data, crc32(header.subarray(4))), 0);
    parts.push(header, data, crc);
  }
  return new Uint8Array(Buffer.concat(parts));
}
