import { beforeEach, describe, expect, it } from "vitest";
import type { ChatEvent, ErrorEvent } from "../../../shared/protocol";
import type { SpeechStatus, VoiceTranscriptEvent } from "../../../shared/speech";
import type { SpeechRecognizer } from "../../../server/speech";
import { streamOf } from "../../support/scriptedLlmServer";
import { companionRoomHarness, doneCount } from "./companionRoomHarness";
import { hearCompanions } from "./roomTestClient";

/** A recognizer that hears what the test says it will, and remembers what it was given. */
class FakeRecognizer implements SpeechRecognizer {
  heard: { samples: Float32Array; sampleRate: number; language: string }[] = [];
  answer = "Hello Wren, how are you?";
  asr: SpeechStatus["asr"] = { available: true };
  async transcribe(samples: Float32Array, sampleRate: number, language: string): Promise<string> {
    this.heard.push({ samples, sampleRate, language });
    return this.answer;
  }
  status(): SpeechStatus["asr"] {
    return this.asr;
  }
  async dispose(): Promise<void> {}
}
const recognizer = new FakeRecognizer();

const harness = companionRoomHarness(() => ({ speechRecognizer: recognizer }));
beforeEach(() => {
  recognizer.heard = [];
  recognizer.answer = "Hello Wren, how are you?";
  recognizer.asr = { available: true };
});

/** `seconds` of 16 kHz 16-bit PCM whose samples count up, so the test can check what the recognizer got. */
function pcm(seconds: number): Uint8Array {
  const bytes = new Uint8Array(Math.round(seconds * 16_000) * 2);
  const view = new DataView(bytes.buffer);
  for (let i = 0; i < bytes.length / 2; i++) view.setInt16(i * 2, (i % 200) * 100, true);
  return bytes;
}

describe("a player's spoken line", () => {
  it("is transcribed, shown to the speaker, then heard and answered like typed chat", async () => {
    const ann = await harness.client.join("Ann");
    const bob = await harness.client.join("Bob");
    const hears = hearCompanions(ann);
    const chats: ChatEvent[] = [];
    bob.onMessage("chat", (chat: ChatEvent) => chats.push(chat));
    let bobTranscripts = 0;
    bob.onMessage("voice:transcript", () => bobTranscripts++);
    harness.llm.enqueue(streamOf("I'm well, thank you!"));

    const transcript = ann.waitForMessage("voice:transcript") as Promise<VoiceTranscriptEvent>;
    ann.send("voice:segment", { sampleRate: 16_000, pcm: pcm(1) });
    expect(await transcript).toEqual({ text: "Hello Wren, how are you?" });
    await hears.until(() => doneCount(hears.heard) === 1, "the answer");

    expect(chats.map((chat) => [chat.name, chat.text])).toEqual([["Ann", "Hello Wren, how are you?"]]);
    expect(hears.heard.at(-1)).toMatchObject({ kind: "done", text: "I'm well, thank you!", interrupted: false });
    const prompt = harness.llm.requests[0]!.body.messages!;
    expect(prompt.at(-1)).toMatchObject({ role: "user", content: expect.stringMatching(/Ann \(your owner\) says:[\s\S]*Hello Wren, how are you\?/) });
    const [given] = recognizer.heard;
    expect(given).toMatchObject({ sampleRate: 16_000, language: "en" });
    expect(given!.samples).toHaveLength(16_000);
    expect(given!.samples[3]).toBeCloseTo(300 / 0x8000, 6);
    expect(bobTranscripts).toBe(0);
  });

  it("counts against the same chat limit as typed lines", async () => {
    const ann = await harness.client.join("Ann");
    for (let line = 0; line < 5; line++) ann.send("chat", { text: `line ${line}` });
    const transcript = ann.waitForMessage("voice:transcript") as Promise<VoiceTranscriptEvent>;
    const refused = ann.waitForMessage("error") as Promise<ErrorEvent>;
    ann.send("voice:segment", { sampleRate: 16_000, pcm: pcm(1) });
    expect(await transcript).toEqual({ text: "Hello Wren, how are you?" });
    expect(await refused).toMatchObject({ code: "rate_limited", type: "chat" });
  });

  it.each([
    ["at another sample rate", () => ({ sampleRate: 48_000, pcm: pcm(1) }), /sampleRate must be 16000/],
    ["with half a sample", () => ({ sampleRate: 16_000, pcm: pcm(1).subarray(0, 16_001) }), /even number of bytes/],
    ["shorter than 0.2 s", () => ({ sampleRate: 16_000, pcm: pcm(0.1) }), /shorter than 0.2 s/],
    ["longer than 30 s", () => ({ sampleRate: 16_000, pcm: pcm(30.5) }), /longer than 30 s/],
    ["as text instead of bytes", () => ({ sampleRate: 16_000, pcm: "AAAA" }), /pcm must be binary/],
    ["with extra fields", () => ({ sampleRate: 16_000, pcm: pcm(1), text: "hi" }), /Unrecognized key: "text"/],
  ])("is refused %s, and nothing is heard", async (_what, message, text) => {
    const ann = await harness.client.join("Ann");
    const refused = ann.waitForMessage("error") as Promise<ErrorEvent>;
    ann.send("voice:segment", message());
    expect(await refused).toEqual({ code: "invalid_message", type: "voice:segment", message: expect.stringMatching(text) });
    expect(recognizer.heard).toEqual([]);
    expect(harness.llm.requests).toEqual([]);
  });

  it.each([31, 59])("is refused at %i s with the clear error, and the connection stays open", async (seconds) => {
    const ann = await harness.client.join("Ann");
    const refused = ann.waitForMessage("error") as Promise<ErrorEvent>;
    ann.send("voice:segment", { sampleRate: 16_000, pcm: pcm(seconds) });
    expect(await refused).toEqual({ code: "invalid_message", type: "voice:segment", message: expect.stringMatching(/longer than 30 s/) });
    const echo = ann.waitForMessage("chat") as Promise<ChatEvent>;
    ann.send("chat", { text: "still here?" });
    expect(await echo).toMatchObject({ name: "Ann", text: "still here?" });
    expect(recognizer.heard).toEqual([]);
  });

  it("is refused with the recognizer's reason while it cannot hear", async () => {
    const ann = await harness.client.join("Ann");
    recognizer.asr = { available: false, reason: "the speech model is still downloading (40%)" };
    const refused = ann.waitForMessage("error") as Promise<ErrorEvent>;
    ann.send("voice:segment", { sampleRate: 16_000, pcm: pcm(1) });
    expect(await refused).toEqual({ code: "asr_unavailable", type: "voice:segment", message: "the speech model is still downloading (40%)" });
    expect(recognizer.heard).toEqual([]);
  });

  it("says so when no words were heard, and nothing is said in chat", async () => {
    const ann = await harness.client.join("Ann");
    let chats = 0;
    ann.onMessage("chat", () => chats++);
    recognizer.answer = "";
    const refused = ann.waitForMessage("error") as Promise<ErrorEvent>;
    ann.send("voice:segment", { sampleRate: 16_000, pcm: pcm(1) });
    expect(await refused).toMatchObject({ code: "not_heard", type: "voice:segment" });
    expect(chats).toBe(0);
    expect(harness.llm.requests).toEqual([]);
  });
});
