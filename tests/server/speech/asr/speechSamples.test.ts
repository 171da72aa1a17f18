import { describe, expect, it } from "vitest";
import { prepareSpeechSamples } from "../../../../server/speech/asr/speechSamples";

const RATE = 16_000;
const silence = (seconds: number) => new Float32Array(Math.round(seconds * RATE));
const tone = (seconds: number, amplitude: number) => Float32Array.from({ length: Math.round(seconds * RATE) }, (_, i) => amplitude * Math.sin((2 * Math.PI * 220 * i) / RATE));
const join = (...parts: Float32Array[]) => {
  const out = new Float32Array(parts.reduce((n, p) => n + p.length, 0));
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
};

describe("prepareSpeechSamples", () => {
  it("trims the silence at both ends, keeping a quarter second around the speech", () => {
    const speech = tone(1, 0.3);
    const trimmed = prepareSpeechSamples(join(silence(2), speech, silence(3)), RATE);
    expect(trimmed.length / RATE).toBeCloseTo(1.5, 1);
    expect(Math.max(...trimmed.subarray(0, 0.2 * RATE).map(Math.abs))).toBe(0);
    expect(Math.max(...trimmed.subarray(0.3 * RATE, 1.2 * RATE).map(Math.abs))).toBeGreaterThan(0.29);
  });

  it("keeps quiet speech (−50 dBFS) whole, and its pauses", () => {
    const quiet = join(tone(0.5, 0.003), silence(0.6), tone(0.5, 0.003));
    const trimmed = prepareSpeechSamples(join(silence(1), quiet, silence(1)), RATE);
    expect(trimmed.length / RATE).toBeCloseTo(1.6 + 0.5, 1);
  });

  it("keeps speech that fills the segment untouched", () => {
    const speech = tone(2, 0.5);
    expect(prepareSpeechSamples(speech, RATE)).toEqual(speech);
  });

  it("returns nothing for a silent segment (digital silence or a few steps of noise)", () => {
    expect(prepareSpeechSamples(silence(2), RATE)).toHaveLength(0);
    const hiss = Float32Array.from({ length: RATE }, (_, i) => (i % 2 ? 1 : -1) / 32768);
    expect(prepareSpeechSamples(hiss, RATE)).toHaveLength(0);
  });

  it("accepts 30 s and refuses anything longer", () => {
    expect(prepareSpeechSamples(tone(30, 0.2), RATE)).toHaveLength(30 * RATE);
    expect(() => prepareSpeechSamples(tone(30.5, 0.2), RATE)).toThrow("speech segment is 30.5 s long; the most is 30 s");
  });

  it("refuses another sample rate: Whisper hears 16 kHz only", () => {
    expect(() => prepareSpeechSamples(tone(1, 0.2), 44_100)).toThrow("speech must be sampled at 16000 Hz, not 44100 Hz");
  });

  it("refuses samples that are not finite numbers, naming the first", () => {
    const broken = tone(1, 0.2);
    broken[1234] = Number.NaN;
    broken[2000] = Number.POSITIVE_INFINITY;
    expect(() => prepareSpeechSamples(broken, RATE)).toThrow("speech samples must be finite numbers (sample 1234 is NaN)");
  });
});
