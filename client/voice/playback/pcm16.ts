/** Largest 16-bit sample magnitude: -32768 maps to exactly -1. */
const FULL_SCALE = 32768;

/** How many samples a mono 16-bit PCM byte string holds; a clear error when it cannot be PCM. */
export function pcm16SampleCount(pcm: Uint8Array): number {
  if (pcm.byteLength === 0) throw new Error("pcm is empty");
  if (pcm.byteLength % 2 !== 0) throw new Error(`pcm must hold whole 16-bit samples, got ${pcm.byteLength} bytes`);
  return pcm.byteLength / 2;
}

/**
 * Decodes mono 16-bit little-endian PCM into `out` (e.g. an AudioBuffer's channel) as -1…1.
 * Reads through a DataView: a message's bytes may start at an odd offset of a larger buffer,
 * where an Int16Array view cannot be made.
 */
export function decodePcm16(pcm: Uint8Array, out: Float32Array): Float32Array {
  const count = pcm16SampleCount(pcm);
  if (out.length < count) throw new Error(`output holds ${out.length} samples, pcm has ${count}`);
  const bytes = new DataView(pcm.buffer, pcm.byteOffset, pcm.byteLength);
  for (let i = 0; i < count; i++) out[i] = bytes.getInt16(i * 2, true) / FULL_SCALE;
  return out;
}
