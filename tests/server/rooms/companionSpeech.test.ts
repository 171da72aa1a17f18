import { beforeEach, describe, expect, it } from "vitest";
import type { ErrorEvent } from "../../../shared/protocol";
import { streamOf } from "../../support/scriptedLlmServer";
import { FakeTtsEngine } from "../speech/speaker/fakeTtsEngine";
import { companionOf, companionRoomHarness, gate } from "./companionRoomHarness";
import { hearVoices } from "./hearVoices";

const engine = new FakeTtsEngine();
const harness = companionRoomHarness(() => ({ speechEngine: engine }));
beforeEach(() => engine.reset());

describe("a companion speaking in the room", () => {
  it("voices each sentence with audio chunks and visemes, in order, the first before the reply is done", async () => {
    const ann = await harness.client.join("Ann");
    const bob = await harness.client.join("Bob");
    const hears = hearVoices(bob);
    const companion = companionOf(ann);
    const held = gate();
    harness.llm.enqueue({ type: "stream", pieces: ["[happy] Hello Ann.", " Lovely", { pause: held.pause }, " to see you here today."] });

    ann.send("chat", { text: "Hi Wren!" });
    // The model is still writing the second sentence: the first is heard already.
    await hears.until(() => hears.of("audio").length > 0, "the first sentence's audio");
    expect(hears.of("done")).toEqual([]);
    held.open();
    await hears.until(() => hears.of("done").length === 1 && hears.of("audio").some((chunk) => chunk.sentenceSeq === 2), "the whole reply, voiced");
    // The fake voice gives each letter 50 ms: 31 letters in all.
    await hears.until(() => hears.of("audio").reduce((bytes, chunk) => bytes + chunk.pcm.byteLength, 0) === 2 * 16_000 * 0.05 * 31, "all of its audio");

    const sentences = hears.of("sentence");
    expect(sentences.map(({ seq, text, voiced }) => ({ seq, text, voiced }))).toEqual([
      { seq: 1, text: "Hello Ann.", voiced: true },
      { seq: 2, text: "Lovely to see you here today.", voiced: true },
    ]);
    const chunks = hears.of("audio");
    expect(chunks.map((chunk) => chunk.seq)).toEqual(chunks.map((_, index) => index));
    expect(new Set(chunks.map((chunk) => chunk.utteranceId)).size).toBe(1);
    expect(chunks.map((chunk) => chunk.sentenceSeq)).toEqual([...chunks.map((chunk) => chunk.sentenceSeq)].sort());
    for (const chunk of chunks) {
      expect(chunk).toMatchObject({ companionId: companion.id, sampleRate: 16_000 });
      expect(chunk.pcm).toBeInstanceOf(Uint8Array);
      expect(chunk.pcm.byteLength % 2).toBe(0);
      expect(chunk.visemes[0]).toMatchObject({ time: 0 });
      // Each chunk follows the sentence it voices.
      const sentenceAt = hears.heard.findIndex((event) => event.kind === "sentence" && event.seq === chunk.sentenceSeq);
      expect(sentenceAt).toBeLessThan(hears.heard.indexOf(chunk));
    }
    expect(hears.heard.findIndex((event) => event.kind === "audio")).toBeLessThan(hears.heard.findIndex((event) => event.kind === "done"));
    // Spoken as the persona asks.
    expect(engine.streams[0]!.request).toEqual({ voice: "af_heart", speed: 1, language: "en" });
    expect(engine.streams[0]!.closed).toBe(true);
  });

  it("does not voice a sentence without words", async () => {
    const ann = await harness.client.join("Ann");
    const hears = hearVoices(ann);
    harness.llm.enqueue(streamOf("[wave]"));
    ann.send("chat", { text: "Wave to me" });
    await hears.until(() => hears.of("done").length === 1, "the reply");
    expect(hears.of("sentence")).toEqual([expect.not.objectContaining({ voiced: true })]);
    expect(engine.streams).toEqual([]);
  });

  it("stops talking when its owner starts speaking: generation and synthesis cancelled, audio dropped everywhere", async () => {
    const ann = await harness.client.join("Ann");
    const bob = await harness.client.join("Bob");
    const bobHears = hearVoices(bob);
    const companion = companionOf(ann);
    const held = gate();
    engine.hold = true;
    harness.llm.enqueue({ type: "stream", pieces: ["One sentence here.", " Two sentences", { pause: held.pause }, " never said."] });

    ann.send("chat", { text: "Tell me a story" });
    await bobHears.until(() => bobHears.of("sentence").length === 1, "the first sentence");
    const stream = engine.streams[0]!;
    stream.release();
    await bobHears.until(() => bobHears.of("audio").length > 0, "the first audio");

    ann.send("voice:start", {});
    await bobHears.until(() => bobHears.of("done").length === 1 && bobHears.of("audio-stop").length === 1, "done and audio-stop");
    expect(bobHears.of("done")[0]).toMatchObject({ text: "One sentence here.", interrupted: true });
    expect(bobHears.of("audio-stop")[0]).toEqual({ kind: "audio-stop", companionId: companion.id, utteranceId: bobHears.of("audio")[0]!.utteranceId });
    await harness.llm.requests[0]!.closed;
    expect(harness.llm.requests[0]!.closedEarly).toBe(true);
    expect(stream.cancelled).toBe(true);

    const heardBefore = bobHears.heard.length;
    stream.release();
    held.open();
    // The next reply proves the room moved on; nothing of the old one came in between.
    harness.llm.enqueue(streamOf("I'm listening."));
    ann.send("chat", { text: "Sorry, go on" });
    await bobHears.until(() => bobHears.of("done").length === 2, "the next reply");
    expect(bobHears.heard.slice(heardBefore).map((event) => event.kind)[0]).toBe("sentence");
    expect(bobHears.heard.slice(heardBefore).filter((event) => event.kind === "audio" && event.utteranceId === bobHears.of("audio")[0]!.utteranceId)).toEqual([]);
    // The model heard that it was cut short.
    expect(JSON.stringify(harness.llm.requests[1]!.body.messages)).toContain("One sentence here.");
  });

  it("ignores someone else starting to speak: a barge-in is the owner's", async () => {
    const ann = await harness.client.join("Ann");
    const bob = await harness.client.join("Bob");
    const hears = hearVoices(ann);
    const held = gate();
    harness.llm.enqueue({ type: "stream", pieces: ["First part.", " Second", { pause: held.pause }, " part."] });

    ann.send("chat", { text: "Go on" });
    await hears.until(() => hears.of("audio").length > 0, "the first audio");
    bob.send("voice:start", {});
    // A malformed one is refused, which also shows the room has handled Bob's first.
    bob.send("voice:start", { loud: true });
    expect(((await bob.waitForMessage("error")) as ErrorEvent).code).toBe("invalid_message");
    held.open();

    await hears.until(() => hears.of("done").length === 1, "the whole reply");
    expect(hears.of("done")[0]).toMatchObject({ text: "First part. Second part.", interrupted: false });
    expect(hears.of("audio-stop")).toEqual([]);
    expect(engine.streams[0]!.cancelled).toBe(false);
  });

  it("stops its audio at a companion:stop, and at a new line from its owner", async () => {
    const ann = await harness.client.join("Ann");
    const hears = hearVoices(ann);
    const companion = companionOf(ann);
    harness.llm.enqueue(streamOf("A long answer that goes on."), streamOf("Another answer."));
    engine.hold = true;

    ann.send("chat", { text: "Talk to me" });
    await hears.until(() => hears.of("done").length === 1, "the first reply's text");
    // Synthesis is still under way (held): the stop reaches it.
    ann.send("companion:stop", { companionId: companion.id });
    await hears.until(() => hears.of("audio-stop").length === 1, "the audio stop");
    expect(engine.streams[0]!.cancelled).toBe(true);

    ann.send("chat", { text: "Again" });
    await hears.until(() => hears.of("done").length === 2, "the second reply's text");
    ann.send("chat", { text: "Quiet now" });
    await hears.until(() => hears.of("audio-stop").length === 2, "the second audio stop");
    expect(engine.streams[1]!.cancelled).toBe(true);
    expect(hears.of("audio-stop").map((event) => event.utteranceId)).toEqual([1, 2]);
  });
});
