/** Test audio at 16 kHz: a 200 Hz tone per [seconds, amplitude] piece, amplitude 0 being silence. */
export const RATE = 16_000;

export function tones(...pieces: [seconds: number, amplitude: number][]): Float32Array {
  const total = pieces.reduce((sum, [seconds]) => sum + Math.round(seconds * RATE), 0);
  const samples = new Float32Array(total);
  let at = 0;
  for (const [seconds, amplitude] of pieces) {
    const length = Math.round(seconds * RATE);
    for (let i = 0; i < length; i++) samples[at + i] = amplitude * Math.sin((2 * Math.PI * 200 * (at + i)) / RATE);
    at += length;
  }
  return samples;
}
