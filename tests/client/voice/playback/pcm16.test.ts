import { describe, expect, it } from "vitest";
import { decodePcm16, pcm16SampleCount } from "../../../../client/voice/playback/pcm16";

function pcmOf(samples: number[]): Uint8Array {
  const bytes = new Uint8Array(samples.length * 2);
  const view = new DataView(bytes.buffer);
  samples.forEach((sample, i) => view.setInt16(i * 2, sample, true));
  return bytes;
}

describe("16-bit PCM decoding", () => {
  it("maps little-endian samples onto -1…1", () => {
    const out = decodePcm16(pcmOf([0, 16384, -16384, 32767, -32768]), new Float32Array(5));
    expect(Array.from(out)).toEqual([0, 0.5, -0.5, 32767 / 32768, -1]);
  });

  it("reads bytes that start at an odd offset inside a larger buffer", () => {
    const backing = new Uint8Array(9);
    backing.set(pcmOf([1000, -2000, 3000, -4000]), 1);
    const out = decodePcm16(backing.subarray(1), new Float32Array(4));
    expect(Array.from(out, (v) => Math.round(v * 32768))).toEqual([1000, -2000, 3000, -4000]);
  });

  it("fills only as many samples as the pcm holds", () => {
    const out = decodePcm16(pcmOf([32767]), new Float32Array([9, 9]));
    expect(out[0]).toBeCloseTo(1, 4);
    expect(out[1]).toBe(9);
  });

  it("refuses an odd byte count, an empty chunk and a too-small output, writing nothing", () => {
    const out = new Float32Array([7, 7]);
    expect(() => decodePcm16(new Uint8Array(3), out)).toThrow(/whole 16-bit samples, got 3 bytes/);
    expect(() => decodePcm16(new Uint8Array(0), out)).toThrow(/pcm is empty/);
    expect(() => decodePcm16(pcmOf([1, 2, 3]), out)).toThrow(/output holds 2 samples, pcm has 3/);
    expect(Array.from(out)).toEqual([7, 7]);
  });

  it("counts samples", () => {
    expect(pcm16SampleCount(new Uint8Array(4800))).toBe(2400);
  });
});
