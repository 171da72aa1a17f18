import { describe, expect, it } from "vitest";
import { speechChunks } from "../../../../server/speech";
import { decodePcm16 } from "../../../../shared/speech";
import { RATE, tones } from "../visemes/audio";

describe("a spoken sentence in chunks", () => {
  it("cuts it into chunks of at most the limit, each with its own timeline", () => {
    const samples = tones([1.2, 0.4]);
    const chunks = speechChunks({ text: "Hello there, how are you?", phonemes: "", samples, sampleRate: RATE }, 0.5);
    expect(chunks.map((chunk) => chunk.seconds)).toEqual([0.5, 0.5, 0.2]);
    expect(chunks.map((chunk) => chunk.pcm.byteLength)).toEqual([0.5 * RATE * 2, 0.5 * RATE * 2, 0.2 * RATE * 2]);
    expect(decodePcm16(chunks[1]!.pcm)[100]).toBeCloseTo(samples[RATE / 2 + 100]!, 3);
    for (const chunk of chunks) {
      expect(chunk.visemes[0]!.time).toBe(0);
      for (const cue of chunk.visemes) expect(cue.time).toBeLessThanOrEqual(chunk.seconds + 1e-9);
    }
    expect(chunks.at(-1)!.visemes.at(-1)).toMatchObject({ weight: 0 });
  });
});
