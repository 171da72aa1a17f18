/**
 * Samples in −1…1 as mono 16-bit little-endian PCM, the format of `voice:segment`. Out-of-range
 * samples (a hot microphone) are clipped, not wrapped; the byte order is fixed, whatever the CPU.
 */
export function encodePcm16(samples: Float32Array): Uint8Array<ArrayBuffer> {
  const bytes = new Uint8Array(samples.length * 2);
  const view = new DataView(bytes.buffer);
  for (let i = 0; i < samples.length; i++) {
    const sample = Math.max(-1, Math.min(1, samples[i]!));
    // −1 reaches −32768 and +1 reaches +32767: the full asymmetric 16-bit range.
    view.setInt16(i * 2, Math.round(sample < 0 ? sample * 32768 : sample * 32767), true);
  }
  return bytes;
}
