/** Largest 16-bit sample magnitude: −32768 maps to exactly −1. */
const FULL_SCALE = 32768;

/**
 * Samples in −1…1 as mono 16-bit little-endian PCM, the format of `voice:segment` and
 * `companion:audio`. Out-of-range samples (a hot microphone) are clipped, not wrapped; the byte
 * order is fixed, whatever the CPU.
 */
export function encodePcm16(samples: Float32Array): Uint8Array<ArrayBuffer> {
  const bytes = new Uint8Array(samples.length * 2);
  const view = new DataView(bytes.buffer);
  for (let i = 0; i < samples.length; i++) {
    const sample = Math.max(-1, Math.min(1, samples[i]!));
    // −1 reaches −32768 and +1 reaches +32767: the full asymmetric 16-bit range.
    view.setInt16(i * 2, Math.round(sample < 0 ? sample * FULL_SCALE : sample * (FULL_SCALE - 1)), true);
  }
  return bytes;
}

/** How many samples a mono 16-bit PCM byte string holds; a clear error when it cannot be PCM. */
export function pcm16SampleCount(pcm: Uint8Array): number {
  if (pcm.byteLength === 0) throw new Error("pcm is empty");
  if (pcm.byteLength % 2 !== 0) throw new Error(`pcm must hold whole 16-bit samples, got ${pcm.byteLength} bytes`);
  return pcm.byteLength / 2;
}

/**
 * Decodes mono 16-bit little-endian PCM into `out` (e.g. an AudioBuffer's channel; a new array
 * when absent) as −1…1. Reads through a DataView: msgpack hands out views that may start at an
 * odd offset of a larger buffer, where an Int16Array view cannot be made.
 */
export function decodePcm16(pcm: Uint8Array, out: Float32Array = new Float32Array(pcm16SampleCount(pcm))): Float32Array {
  const count = pcm16SampleCount(pcm);
  if (out.length < count) throw new Error(`output holds ${out.length} samples, pcm has ${count}`);
  const bytes = new DataView(pcm.buffer, pcm.byteOffset, pcm.byteLength);
  for (let i = 0; i < count; i++) out[i] = bytes.getInt16(i * 2, true) / FULL_SCALE;
  return out;
}
