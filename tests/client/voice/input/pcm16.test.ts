import { describe, expect, it } from "vitest";
import { decodePcm16 } from "../../../../client/voice/playback/pcm16";
import { encodePcm16 } from "../../../../client/voice/input/pcm16";

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

  it("round-trips through the playback decoder within two steps of 16-bit resolution", () => {
    const samples = Float32Array.from({ length: 1000 }, (_, i) => Math.sin(i / 7) * 0.8);
    const decoded = decodePcm16(encodePcm16(samples), new Float32Array(samples.length));
    for (let i = 0; i < samples.length; i++) expect(Math.abs(decoded[i]! - samples[i]!)).toBeLessThanOrEqual(2 / 32768);
  });

  it("gives nothing for nothing", () => {
    expect(encodePcm16(new Float32Array(0)).byteLength).toBe(0);
  });
});
