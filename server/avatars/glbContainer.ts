import { invalidFile } from "./avatarError";

/** The two parts of a glTF binary (GLB) that a VRM needs: its JSON, and its binary chunk if any. */
export interface GlbContents {
  json: unknown;
  bin: Uint8Array | undefined;
}

const HEADER_BYTES = 12;
const CHUNK_HEADER_BYTES = 8;
const MAGIC_GLTF = 0x46546c67;
const CHUNK_JSON = 0x4e4f534a;
const CHUNK_BIN = 0x004e4942;

function chunkTypeName(type: number): string {
  if (type === CHUNK_JSON) return "JSON";
  if (type === CHUNK_BIN) return "BIN";
  return `0x${type.toString(16).padStart(8, "0")}`;
}

/**
 * Reads the GLB container (glTF 2.0 spec, "Binary glTF Layout"): a 12-byte header whose length
 * must be the file's, then chunks that tile the rest exactly, the first being JSON and an
 * optional BIN right after it. Unknown chunk types are allowed (the spec says to skip them).
 */
export function readGlb(bytes: Uint8Array): GlbContents {
  if (bytes.byteLength < HEADER_BYTES) {
    throw invalidFile(`not a glTF binary: the file is ${bytes.byteLength} bytes, shorter than the 12-byte GLB header`);
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (view.getUint32(0, true) !== MAGIC_GLTF) {
    throw invalidFile('not a glTF binary: wrong magic (a .vrm or .glb file starts with the bytes "glTF")');
  }
  const version = view.getUint32(4, true);
  if (version !== 2) throw invalidFile(`glTF binary version ${version} is not supported: only version 2`);
  const length = view.getUint32(8, true);
  if (length > bytes.byteLength) {
    throw invalidFile(`the file is truncated: its header says ${length} bytes but it has ${bytes.byteLength}`);
  }
  if (length < bytes.byteLength) {
    throw invalidFile(`the file has ${bytes.byteLength - length} bytes after the end its header gives (${length} bytes)`);
  }

  let json: unknown;
  let bin: Uint8Array | undefined;
  let offset = HEADER_BYTES;
  for (let index = 0; offset < length; index++) {
    if (offset + CHUNK_HEADER_BYTES > length) throw invalidFile(`chunk ${index} is cut off: its 8-byte header does not fit in the file`);
    const chunkLength = view.getUint32(offset, true);
    const type = view.getUint32(offset + 4, true);
    const start = offset + CHUNK_HEADER_BYTES;
    if (start + chunkLength > length) {
      throw invalidFile(`bad chunk length: chunk ${index} (${chunkTypeName(type)}) says ${chunkLength} bytes but only ${length - start} remain in the file`);
    }
    const data = bytes.subarray(start, start + chunkLength);
    if (index === 0) {
      if (type !== CHUNK_JSON) throw invalidFile(`the first chunk must be JSON, not ${chunkTypeName(type)}`);
      json = parseJsonChunk(data);
    } else if (type === CHUNK_BIN) {
      if (index !== 1) throw invalidFile(`chunk ${index} is a BIN chunk: the only BIN chunk allowed comes right after the JSON chunk`);
      bin = data;
    }
    offset = start + chunkLength;
  }
  if (json === undefined) throw invalidFile("the file has no JSON chunk");
  return { json, bin };
}

function parseJsonChunk(data: Uint8Array): unknown {
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(data);
  } catch {
    throw invalidFile("the JSON chunk is not UTF-8 text");
  }
  try {
    // Padding is spaces by the spec; some exporters pad with NULs, which JSON.parse refuses.
    return JSON.parse(text.replace(/\0+$/, "")) as unknown;
  } catch (error) {
    throw invalidFile(`the JSON chunk does not parse: ${(error as Error).message}`);
  }
}
