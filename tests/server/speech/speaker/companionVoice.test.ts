import { describe, expect, it, vi } from "vitest";
import type { CompanionAudioEvent, CompanionAudioStopEvent } from "../../../../shared/speech";
import { CompanionVoice, MAX_CHUNK_S, STOP_GRACE_MS } from "../../../../server/speech";
import { FAKE_SAMPLE_RATE, FakeTtsEngine } from "./fakeTtsEngine";

type Sent = { type: string; message: CompanionAudioEvent | CompanionAudioStopEvent };

function voiceWithFakeEngine() {
  const engine = new FakeTtsEngine();
  const sent: Sent[] = [];
  const waiters = new Set<() => void>();
  let clock = 1_000_000;
  const log = { warn: vi.fn() };
  const voice = new CompanionVoice({
    engine,
    companionId: "c1",
    request: () => ({ voice: "af_heart", speed: 1.2, language: "en-GB" }),
    broadcast: (type, message) => {
      sent.push({ type, message });
      for (const waiter of [...waiters]) waiter();
    },
    log,
    now: () => clock,
  });
  const chunks = () => sent.filter((s) => s.type === "companion:audio").map((s) => s.message as CompanionAudioEvent);
  const until = (check: () => boolean, what: string) =>
    new Promise<void>((resolve, reject) => {
      if (check()) return resolve();
      const timer = setTimeout(() => reject(new Error(`timed out waiting for ${what}: ${JSON.stringify(sent.map((s) => s.type))}`)), 3000);
      const waiter = () => {
        if (!check()) return;
        clearTimeout(timer);
        waiters.delete(waiter);
        resolve();
      };
      waiters.add(waiter);
    });
  /** Lets pending promise callbacks run (the fake engine answers on the microtask queue). */
  const settle = () => new Promise((resolve) => setTimeout(resolve, 20));
  return { engine, voice, sent, chunks, until, settle, log, advance: (ms: number) => (clock += ms) };
}

describe("a companion's voice", () => {
  it("speaks each sentence as audio chunks in order, tagged with the sentence they voice", async () => {
    const { engine, voice, chunks, until } = voiceWithFakeEngine();
    expect(voice.say(4, "Hello there, friend.")).toBe(true);
    expect(voice.say(5, "It is a lovely day for a walk in the park.")).toBe(true);
    voice.finish();
    const stream = engine.streams[0]!;
    expect(stream.request).toEqual({ voice: "af_heart", speed: 1.2, language: "en-GB" });
    expect(stream.pushed).toEqual(["Hello there, friend. ", "It is a lovely day for a walk in the park. "]);
    expect(stream.closed).toBe(true);

    // 17 letters × 0.05 s = 0.85 s → 2 chunks; 31 letters = 1.55 s → 4 chunks.
    await until(() => chunks().length === 6, "six chunks");
    expect(chunks().map(({ utteranceId, seq, sentenceSeq }) => [utteranceId, seq, sentenceSeq])).toEqual([
      [1, 0, 4], [1, 1, 4], [1, 2, 5], [1, 3, 5], [1, 4, 5], [1, 5, 5],
    ]);
    for (const chunk of chunks()) {
      expect(chunk).toMatchObject({ companionId: "c1", sampleRate: FAKE_SAMPLE_RATE });
      expect(chunk.pcm.byteLength).toBeLessThanOrEqual(MAX_CHUNK_S * FAKE_SAMPLE_RATE * 2);
      expect(chunk.visemes[0]!.time).toBe(0);
      expect(chunk.visemes.some((cue) => cue.weight > 0)).toBe(true);
    }
    // Every sentence's last chunk ends with the mouth closed.
    expect(chunks()[1]!.visemes.at(-1)!.weight).toBe(0);
    expect(chunks()[5]!.visemes.at(-1)!.weight).toBe(0);
  });

  it("sends the first sentence's audio while the reply is still being written", async () => {
    const { engine, voice, chunks, until } = voiceWithFakeEngine();
    voice.say(1, "First things first.");
    await until(() => chunks().length > 0, "the first sentence's audio");
    expect(engine.streams[0]!.closed).toBe(false);
    voice.say(2, "Then the rest.");
    voice.finish();
    await until(() => chunks().some((chunk) => chunk.sentenceSeq === 2), "the second sentence's audio");
  });

  it("says nothing for a sentence without words, and opens no stream for it", () => {
    const { engine, voice } = voiceWithFakeEngine();
    expect(voice.say(1, "")).toBe(false);
    expect(voice.say(2, " … ")).toBe(false);
    expect(engine.streams).toHaveLength(0);
  });

  it("stops at once: synthesis cancelled, the room told once, nothing more sent", async () => {
    const { engine, voice, sent, chunks, until, settle } = voiceWithFakeEngine();
    engine.hold = true;
    voice.say(1, "One sentence.");
    voice.say(2, "Another sentence.");
    const stream = engine.streams[0]!;
    stream.release();
    await until(() => chunks().length > 0, "the first sentence's audio");
    const before = chunks().length;

    expect(voice.stop()).toBe(true);
    expect(stream.cancelled).toBe(true);
    expect(sent.at(-1)).toEqual({ type: "companion:audio-stop", message: { companionId: "c1", utteranceId: 1 } });
    stream.release();
    await settle();
    expect(chunks()).toHaveLength(before);
    // Nothing left to stop.
    expect(voice.stop()).toBe(false);
    expect(sent.filter((s) => s.type === "companion:audio-stop")).toHaveLength(1);
  });

  it("stops what clients are still playing after synthesis ended, and not once it has played out", async () => {
    const { voice, sent, chunks, until, settle, advance } = voiceWithFakeEngine();
    voice.say(1, "A short line.");
    voice.finish();
    await until(() => chunks().length === 1, "the line's audio");
    await settle();
    expect(voice.stop()).toBe(true);

    voice.say(2, "Another short line.");
    voice.finish();
    await until(() => chunks().some((chunk) => chunk.utteranceId === 2), "the next line's audio");
    await settle();
    advance(60_000);
    expect(voice.stop()).toBe(false);
    expect(sent.filter((s) => s.type === "companion:audio-stop").map((s) => s.message.utteranceId)).toEqual([1]);
  });

  it("still stops a line a little after its audio should have ended: a client may have started it late", async () => {
    const { voice, sent, chunks, until, settle, advance } = voiceWithFakeEngine();
    voice.say(1, "A short line.");
    voice.finish();
    await until(() => chunks().length === 1, "the line's audio");
    await settle();
    const seconds = chunks()[0]!.pcm.byteLength / 2 / chunks()[0]!.sampleRate;
    advance(seconds * 1000 + STOP_GRACE_MS - 100);
    expect(voice.stop()).toBe(true);
    expect(sent.filter((s) => s.type === "companion:audio-stop").map((s) => s.message.utteranceId)).toEqual([1]);
  });

  it("starts the next utterance only after the last one's tail is out", async () => {
    const { engine, voice, chunks, until } = voiceWithFakeEngine();
    engine.hold = true;
    voice.say(1, "The first reply.");
    voice.finish();
    voice.say(2, "The second reply.");
    voice.finish();
    const [first, second] = engine.streams;
    second!.release();
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(chunks()).toHaveLength(0);
    first!.release();
    await until(() => chunks().length === 4, "both replies' audio");
    expect(chunks().map((chunk) => chunk.utteranceId)).toEqual([1, 1, 2, 2]);
  });

  it("logs a failing engine and keeps working for the next reply", async () => {
    const { engine, voice, chunks, until, settle, log } = voiceWithFakeEngine();
    engine.failAfter = 1;
    voice.say(1, "This one is heard.");
    voice.say(2, "This one breaks.");
    voice.finish();
    await until(() => chunks().length === 2, "the first sentence's audio");
    await settle();
    expect(log.warn).toHaveBeenCalledTimes(1);
    engine.failAfter = undefined;
    voice.say(3, "Back again.");
    voice.finish();
    await until(() => chunks().some((chunk) => chunk.utteranceId === 2), "the next reply's audio");
  });

  it("leaves a sentence as text when the engine refuses it", () => {
    const { engine, voice, log } = voiceWithFakeEngine();
    engine.speak = () => {
      throw new Error("voice speed must be between 0.5 and 2");
    };
    expect(voice.say(1, "Hello.")).toBe(false);
    expect(log.warn).toHaveBeenCalledTimes(1);
  });
});
