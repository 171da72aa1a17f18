import { describe, expect, it } from "vitest";
import { decodePcm16, encodePcm16, pcm16SampleCount } from "../../../shared/speech";

describe("encodePcm16", () => {
  it("writes each sample as 16-bit little-endian over the full range", () => {
    const bytes = encodePcm16(new Float32Array([0, 1, -1, 0.5, -0.5]));
    expect(bytes.byteLength).toBe(10);
    const view = new DataView(bytes.buffer);
    expect([0, 2, 4, 6, 8].map((offset) => view.getInt16(offset, true))).toEqual([0, 32767, -32768, 16384, -16384]);
    // Little-endian whatever the machine: 32767 is 0xff 0x7f.
    expect([...bytes.subarray(2, 4)]).toEqual([0xff, 0x7f]);
  });

  it("clips a hot microphone instead of wrapping around", () => {
    const view = new DataView(encodePcm16(new Float32Array([1.7, -3, Number.POSITIVE_INFINITY])).buffer);
    expect([view.getInt16(0, true), view.getInt16(2, true), view.getInt16(4, true)]).toEqual([32767, -32768, 32767]);
  });

  it("round-trips through the decoder within two steps of 16-bit resolution", () => {
    const samples = Float32Array.from({ length: 1000 }, (_, i) => Math.sin(i / 7) * 0.8);
    const decoded = decodePcm16(encodePcm16(samples), new Float32Array(samples.length));
    for (let i = 0; i < samples.length; i++) expect(Math.abs(decoded[i]! - samples[i]!)).toBeLessThanOrEqual(2 / 32768);
  });

  it("gives nothing for nothing", () => {
    expect(encodePcm16(new Float32Array(0)).byteLength).toBe(0);
  });
});

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

  it("decodes into a new array when given none", () => {
    expect(Array.from(decodePcm16(pcmOf([16384, -32768])))).toEqual([0.5, -1]);
  });

  it("counts samples", () => {
    expect(pcm16SampleCount(new Uint8Array(4800))).toBe(2400);
  });
});
