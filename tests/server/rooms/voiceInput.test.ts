import { describe, expect, it, vi } from "vitest";
import type { SpeechStatus } from "../../../shared/speech";
import type { SpeechRecognizer } from "../../../server/speech";
import { VoiceInput } from "../../../server/rooms/voiceInput";

const segment = () => ({ sampleRate: 16_000, pcm: new Uint8Array(16_000) });

function recognizerThat(transcribe: SpeechRecognizer["transcribe"], asr: SpeechStatus["asr"] = { available: true }): SpeechRecognizer {
  return { transcribe, status: () => asr, dispose: async () => undefined };
}

describe("voice input", () => {
  it("accepts an empty voice:start and refuses anything else in it", () => {
    const input = new VoiceInput(undefined, { warn: vi.fn() });
    expect(input.checkStart({})).toBeUndefined();
    expect(input.checkStart({ companionId: "x" })).toEqual({ code: "invalid_message", type: "voice:start", message: expect.stringMatching(/Unrecognized key: "companionId"/) });
    expect(input.checkStart("now")).toMatchObject({ code: "invalid_message", type: "voice:start" });
  });

  it("says speech recognition is off when the server has no recognizer", async () => {
    const input = new VoiceInput(undefined, { warn: vi.fn() });
    expect(await input.transcribe("s1", segment(), "en")).toEqual({ error: { code: "asr_unavailable", type: "voice:segment", message: "speech recognition is off on this server" } });
  });

  it("hears one segment per player at a time", async () => {
    const finishes: ((text: string) => void)[] = [];
    const transcribe = vi.fn(() => new Promise<string>((resolve) => finishes.push(resolve)));
    const input = new VoiceInput(recognizerThat(transcribe), { warn: vi.fn() });
    const first = input.transcribe("s1", segment(), "de");
    expect(await input.transcribe("s1", segment(), "de")).toMatchObject({ error: { code: "rate_limited", type: "voice:segment" } });
    // Someone else is heard meanwhile.
    const other = input.transcribe("s2", segment(), "de");
    finishes[0]!(" Guten Tag ");
    expect(await first).toEqual({ text: "Guten Tag" });
    finishes[1]!("Hallo");
    expect(await other).toEqual({ text: "Hallo" });
    expect(transcribe).toHaveBeenCalledTimes(2);
    expect(transcribe).toHaveBeenCalledWith(expect.any(Float32Array), 16_000, "de");
    // Done with the first: the next one is heard.
    const next = input.transcribe("s1", segment(), "de");
    finishes[2]!("Tschüss");
    expect(await next).toEqual({ text: "Tschüss" });
  });

  it("turns a failing recognizer into a clear error, logged once", async () => {
    const log = { warn: vi.fn() };
    const input = new VoiceInput(recognizerThat(() => Promise.reject(new Error("the model file is corrupt"))), log);
    expect(await input.transcribe("s1", segment(), "en")).toEqual({ error: { code: "asr_unavailable", type: "voice:segment", message: "speech recognition failed: the model file is corrupt" } });
    expect(log.warn).toHaveBeenCalledTimes(1);
  });
});
