import { describe, expect, it } from "vitest";
import { decodePcm16 } from "../../../shared/speech";
import { streamOf } from "../../support/scriptedLlmServer";
import { companionOf, companionRoomHarness } from "./companionRoomHarness";
import { hearVoices } from "./hearVoices";

// The real offline voice, selected by config like on a server, synthesising in its worker.
const harness = companionRoomHarness(() => ({ ttsEngine: "formant" }));

describe("a companion speaking with the formant voice", () => {
  it("voices its reply: audible chunks, mouth cues from the engine's phonemes, every sentence heard", async () => {
    const ann = await harness.client.join("Ann");
    const hears = hearVoices(ann);
    const companion = companionOf(ann);
    harness.llm.enqueue(streamOf("Good morning, Ann. Shall we walk to the fountain?"));

    ann.send("chat", { text: "Morning!" });
    await hears.until(() => hears.of("done").length === 1 && hears.of("audio").some((chunk) => chunk.sentenceSeq === 2), "the reply and its second sentence's audio", 30_000);

    expect(hears.of("sentence").map(({ text, voiced }) => [text, voiced])).toEqual([
      ["Good morning, Ann.", true],
      ["Shall we walk to the fountain?", true],
    ]);
    const chunks = hears.of("audio");
    expect(chunks[0]).toMatchObject({ companionId: companion.id, utteranceId: 1, seq: 0, sentenceSeq: 1 });
    const samples = chunks.flatMap((chunk) => [...decodePcm16(chunk.pcm)]);
    const rms = Math.sqrt(samples.reduce((sum, value) => sum + value * value, 0) / samples.length);
    expect(rms).toBeGreaterThan(0.01);
    // A second and a half of speech at least, in chunks of at most half a second.
    expect(samples.length / chunks[0]!.sampleRate).toBeGreaterThan(1.5);
    for (const chunk of chunks) expect(chunk.pcm.byteLength / 2 / chunk.sampleRate).toBeLessThanOrEqual(0.5);
    const cues = chunks.flatMap((chunk) => chunk.visemes);
    expect(cues.some((cue) => cue.weight === 0)).toBe(true);
    expect(new Set(cues.filter((cue) => cue.weight > 0).map((cue) => cue.viseme)).size).toBeGreaterThanOrEqual(3);

    const status = await (await fetch(`${harness.server.url}/api/speech/status`)).json();
    expect(status).toMatchObject({ tts: { engine: "formant" } });
  });
});
