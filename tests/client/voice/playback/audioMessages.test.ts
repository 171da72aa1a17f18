import { describe, expect, it } from "vitest";
import { parseAudioChunk, parseAudioStop } from "../../../../client/voice/playback/audioMessages";

const chunk = {
  companionId: "c-1",
  utteranceId: 2,
  seq: 0,
  sentenceSeq: 5,
  sampleRate: 24_000,
  pcm: new Uint8Array(480),
  visemes: [
    { time: 0, viseme: "aa", weight: 1 },
    { time: 0.05, viseme: "oh", weight: 0 },
  ],
};

describe("companion:audio messages", () => {
  it("accepts a well-formed chunk as it is", () => {
    const parsed = parseAudioChunk(chunk);
    expect(parsed.pcm).toBe(chunk.pcm);
    expect(parsed.visemes).toEqual(chunk.visemes);
  });

  it("accepts Node's Buffer, which msgpack gives for binary outside the browser", () => {
    expect(parseAudioChunk({ ...chunk, pcm: Buffer.alloc(4) }).pcm.byteLength).toBe(4);
  });

  it.each([
    ["an odd byte count", { pcm: new Uint8Array(5) }, /whole 16-bit samples/],
    ["empty audio", { pcm: new Uint8Array(0) }, /whole 16-bit samples/],
    ["pcm as a number list", { pcm: [0, 0] }, /pcm must be binary/],
    ["a sample rate WebAudio cannot play", { sampleRate: 1000 }, /sampleRate/],
    ["an unknown mouth shape", { visemes: [{ time: 0, viseme: "xx", weight: 1 }] }, /viseme/],
    ["cues out of time order", { visemes: [{ time: 1, viseme: "aa", weight: 1 }, { time: 0.5, viseme: "oh", weight: 1 }] }, /in time order/],
    ["a weight above 1", { visemes: [{ time: 0, viseme: "aa", weight: 2 }] }, /weight/],
    ["a negative sequence number", { seq: -1 }, /seq/],
    ["no companion", { companionId: "" }, /companionId/],
  ])("refuses %s with a message naming the problem", (_what, change, message) => {
    expect(() => parseAudioChunk({ ...chunk, ...change })).toThrow(message);
    expect(() => parseAudioChunk({ ...chunk, ...change })).toThrow(/companion:audio refused/);
  });

  it("checks audio-stop messages too", () => {
    expect(parseAudioStop({ companionId: "c-1", utteranceId: 3 })).toEqual({ companionId: "c-1", utteranceId: 3 });
    expect(() => parseAudioStop({ companionId: "c-1" })).toThrow(/companion:audio-stop refused[\s\S]*utteranceId/);
  });
});
