import { describe, expect, it } from "vitest";
import { fromPcm16, speechChunks, toPcm16 } from "../../../../server/speech";
import { RATE, tones } from "../visemes/audio";

describe("16-bit PCM", () => {
  it("round-trips samples little-endian, clipping what is out of range", () => {
    const bytes = toPcm16(Float32Array.from([0, 0.5, -0.5, 1, -1, 3, -3]));
    expect(new DataView(bytes.buffer).getInt16(2, true)).toBe(Math.round(0.5 * 0x7fff));
    const back = fromPcm16(bytes);
    expect(back[1]).toBeCloseTo(0.5, 3);
    expect(back[2]).toBeCloseTo(-0.5, 3);
    expect([back[5], back[6]]).toEqual([back[3], -1]);
  });

  it("reads bytes at any offset (msgpack hands out views into a larger buffer)", () => {
    const buffer = new Uint8Array(9);
    buffer.set(toPcm16(Float32Array.from([0.25, -0.25])), 1);
    const samples = fromPcm16(buffer.subarray(1, 5));
    expect(samples[0]).toBeCloseTo(0.25, 3);
    expect(samples[1]).toBeCloseTo(-0.25, 3);
  });

  it("refuses an odd number of bytes", () => {
    expect(() => fromPcm16(new Uint8Array(3))).toThrow(/even number of bytes, got 3/);
  });
});

describe("a spoken sentence in chunks", () => {
  it("cuts it into chunks of at most the limit, each with its own timeline", () => {
    const samples = tones([1.2, 0.4]);
    const chunks = speechChunks({ text: "Hello there, how are you?", phonemes: "", samples, sampleRate: RATE }, 0.5);
    expect(chunks.map((chunk) => chunk.seconds)).toEqual([0.5, 0.5, 0.2]);
    expect(chunks.map((chunk) => chunk.pcm.byteLength)).toEqual([0.5 * RATE * 2, 0.5 * RATE * 2, 0.2 * RATE * 2]);
    expect(fromPcm16(chunks[1]!.pcm)[100]).toBeCloseTo(samples[RATE / 2 + 100]!, 3);
    for (const chunk of chunks) {
      expect(chunk.visemes[0]!.time).toBe(0);
      for (const cue of chunk.visemes) expect(cue.time).toBeLessThanOrEqual(chunk.seconds + 1e-9);
    }
    expect(chunks.at(-1)!.visemes.at(-1)).toMatchObject({ weight: 0 });
  });
});
