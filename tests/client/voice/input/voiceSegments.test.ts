import { describe, expect, it } from "vitest";
import { VoiceSegmentMessage } from "../../../../shared/speech";
import { voiceSegments } from "../../../../client/voice/input/voiceSegments";

const RATE = 16_000;
const seconds = (s: number, value = 0.25) => new Float32Array(Math.round(s * RATE)).fill(value);

describe("voiceSegments", () => {
  it("sends speech of a normal length as one segment the server's schema accepts", () => {
    const segments = voiceSegments(seconds(2.5));
    expect(segments).toHaveLength(1);
    expect(segments[0]!.byteLength).toBe(2.5 * RATE * 2);
    expect(VoiceSegmentMessage.safeParse({ sampleRate: RATE, pcm: segments[0] }).success).toBe(true);
  });

  it("cuts a monologue over 30 s into accepted pieces, losing none of it", () => {
    const segments = voiceSegments(seconds(65));
    expect(segments.map((s) => s.byteLength / 2 / RATE)).toEqual([30, 30, 5]);
    for (const pcm of segments) expect(VoiceSegmentMessage.safeParse({ sampleRate: RATE, pcm }).success).toBe(true);
  });

  it("keeps the pieces in order", () => {
    const samples = new Float32Array(31 * RATE);
    samples.fill(0.5, 0, 30 * RATE);
    samples.fill(-0.5, 30 * RATE);
    const [first, second] = voiceSegments(samples);
    expect(new DataView(first!.buffer).getInt16(0, true)).toBeGreaterThan(0);
    expect(new DataView(second!.buffer).getInt16(0, true)).toBeLessThan(0);
  });

  it("leaves out a click shorter than 0.2 s, alone or as a monologue's last bit", () => {
    expect(voiceSegments(seconds(0.15))).toEqual([]);
    expect(voiceSegments(new Float32Array(0))).toEqual([]);
    expect(voiceSegments(seconds(30.1)).map((s) => s.byteLength / 2 / RATE)).toEqual([30]);
    expect(voiceSegments(seconds(0.2))).toHaveLength(1);
  });
});
