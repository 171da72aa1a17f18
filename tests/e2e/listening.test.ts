import path from "node:path";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { StartServerOptions } from "../../server/app";
import type { ListeningStatus } from "../../client/voice/input";
import { makeTempDir } from "../server/support/tempDir";
import { writeSpeechWav } from "../support/speechWav";
import { writeTinyWhisperModel } from "../support/tinyWhisperModel";
import { joinWithScriptedCompanion, type PersonWithCompanion } from "./support/personWithCompanion";

/** What the tiny Whisper model hears in a voice (its weights decide; see tinyWhisperModel.ts). */
const HEARD = "hello world";

const listening = (page: Page) => page.evaluate(() => ({ ...window.__kindred!.listening }) as ListeningStatus);

/** Waits until the page's listening record satisfies `check`, and returns it. */
async function listeningUntil(page: Page, check: (status: ListeningStatus) => boolean, what: string): Promise<ListeningStatus> {
  let last = await listening(page);
  await expect.poll(async () => check((last = await listening(page))), { timeout: 45_000, message: `waiting for ${what}` }).toBe(true);
  return last;
}

const setHandsFree = (page: Page, on: boolean) => page.getByTestId("hands-free").setChecked(on);

/**
 * One person whose Chromium's fake microphone plays a sentence in the formant voice (silence, the
 * words, 2 s of silence, over and over from when the microphone opens), on a server that hears
 * with a tiny Whisper model.
 */
function personWithFakeMicrophone(name: string, server: StartServerOptions, silenceBefore = 1) {
  const temp = makeTempDir();
  const world = {} as PersonWithCompanion;
  beforeAll(async () => {
    const wav = path.join(temp.path, "speech.wav");
    await writeSpeechWav(wav, { silenceBefore, silenceAfter: 2 });
    Object.assign(
      world,
      await joinWithScriptedCompanion(name, {
        server: { asrModel: writeTinyWhisperModel(path.join(temp.path, "tiny-whisper")), ...server },
        chromiumArgs: ["--use-fake-ui-for-media-stream", "--use-fake-device-for-media-stream", `--use-file-for-fake-audio-capture=${wav}`, "--autoplay-policy=no-user-gesture-required"],
      }),
    );
    world.llm.fallback = { type: "stream", pieces: ["Lovely to hear you."] };
  });
  afterAll(async () => {
    await world.close?.();
    temp.remove();
  });
  return world;
}

describe("listening through the microphone", () => {
  // No voice of its own here: only listening is tested.
  const world = personWithFakeMicrophone("Lena", { ttsEngine: "none" });
  let page: Page;
  beforeAll(() => void (page = world.page));

  it("hands-free: notices the speech, sends it, and shows what the server heard, which is said in the chat", async () => {
    expect(await listening(page)).toMatchObject({ mode: "push-to-talk", state: "idle", segmentsSent: 0 });
    const fetched: string[] = [];
    page.on("response", (response) => fetched.push(`${response.status()} ${response.url()}`));
    await setHandsFree(page, true);
    await listeningUntil(page, (s) => s.state === "listening" || s.state === "speaking", "the detector to start");
    // The model and onnxruntime-web's WASM came from Kindred itself, nothing from elsewhere. (The
    // audio worklet's own fetch is not reported to the test; the detector runs only if it loaded.)
    const origin = new URL(page.url()).origin;
    for (const file of ["silero_vad_v5.onnx", "ort-wasm-simd-threaded.mjs", "ort-wasm-simd-threaded.wasm"]) {
      expect(fetched, fetched.join("\n")).toContain(`200 ${origin}/voice/assets/${file}`);
    }
    expect(fetched.filter((line) => !line.includes(` ${origin}/`))).toEqual([]);
    const heard = await listeningUntil(page, (s) => s.transcripts >= 1, "a transcript");
    expect(heard).toMatchObject({ mode: "hands-free", lastTranscript: HEARD, problem: "" });
    expect(heard.speechStarts).toBeGreaterThanOrEqual(1);
    expect(heard.segmentsSent).toBeGreaterThanOrEqual(1);
    await expect.poll(() => page.getByTestId("voice-message").textContent()).toBe(`you said: “${HEARD}”`);
    // The server took it as a line Lena said.
    await expect
      .poll(() => page.evaluate(() => window.__kindred!.chat.map((line) => `${line.name}: ${line.text}`)))
      .toContain(`Lena: ${HEARD}`);

    await setHandsFree(page, false);
    await listeningUntil(page, (s) => s.mode === "push-to-talk" && s.state === "idle", "the microphone to close");
  });

  it("push-to-talk: records while V is held and sends the take on release", async () => {
    const before = await listening(page);
    await page.keyboard.down("v");
    await listeningUntil(page, (s) => s.state === "speaking", "recording to begin");
    // Held for one pass of the recording: its silence, the sentence, a little after.
    await page.waitForTimeout(5500);
    await page.keyboard.up("v");
    // Answers to hands-free segments may still be on their way: wait for this take's too.
    const after = await listeningUntil(page, (s) => s.segmentsSent > before.segmentsSent && s.state === "idle", "the take to be sent and answered");
    expect(after).toMatchObject({ lastTranscript: HEARD, segmentsSent: before.segmentsSent + 1, speechStarts: before.speechStarts + 1, problem: "" });
    expect(after.transcripts).toBeGreaterThan(before.transcripts);
    expect(await page.getByTestId("mic-button").textContent()).toContain("Hold V to talk");
  });
});

/** Seconds of silence before the microphone's sentence: time for the companion to begin talking. */
const SILENCE_BEFORE_BARGE_IN = 15;

describe("barge-in", () => {
  const world = personWithFakeMicrophone("Mira", { ttsEngine: "formant" }, SILENCE_BEFORE_BARGE_IN);
  let page: Page;
  beforeAll(() => void (page = world.page));

  it("speaking while the companion talks silences it, and the server cancels its reply as interrupted", async () => {
    const { llm } = world;
    llm.reset();
    let release!: () => void;
    const paused = new Promise<void>((resolve) => (release = resolve));
    // One sentence far longer than the microphone's silence, then the model stalls mid-reply.
    const story =
      "Once upon a time, in a small village by the grey northern sea, there lived an old lighthouse keeper who told the longest and strangest stories " +
      "anyone had ever heard, and every single evening the children of the village gathered on the wet rocks below his tower to listen to him " +
      "until the first stars came out over the dark and quiet water. And then ";
    llm.enqueue({ type: "stream", pieces: [...story.split(/(?<=\s)/), { pause: paused }, "the end."] });

    // The detector listens first (its silence is running), then the companion is asked to talk.
    await setHandsFree(page, true);
    const before = await listeningUntil(page, (s) => s.state === "listening", "the detector to start");
    await page.getByTestId("chat-input").fill("Tell me a long story");
    await page.getByTestId("chat-input").press("Enter");
    const companionId = await page.evaluate(() => Object.entries(window.__kindred!.companions).find(([, c]) => c.ownerId === window.__kindred!.userId)?.[0]);
    expect(companionId).toBeTruthy();
    const voice = () => page.evaluate((id) => ({ ...window.__kindred!.voice.companions[id!]! }), companionId);
    await expect.poll(async () => (await voice()).playing, { timeout: 30_000, message: "the companion to speak" }).toBe(true);
    expect(await listening(page)).toMatchObject({ speechStarts: before.speechStarts });

    await listeningUntil(page, (s) => s.speechStarts > before.speechStarts, "speech on the microphone");
    await expect.poll(async () => (await voice()).playing, { timeout: 10_000 }).toBe(false);
    // Cut off, not finished: the stop silenced queued speech, and it was the page's own stop at
    // detection ("stopped"), not the server's audio-stop a round trip later.
    const silenced = await voice();
    expect(silenced.stops).toBeGreaterThan(0);
    expect(silenced.lastStop).toBe("stopped");
    // The server cancelled the generation in flight and ended the reply as interrupted (the log marks it "…").
    await expect.poll(() => llm.requests[0]?.closedEarly, { timeout: 10_000 }).toBe(true);
    await expect.poll(() => page.getByTestId("chat-log").textContent(), { timeout: 10_000 }).toMatch(/quiet water\. …/);
    release();
    await setHandsFree(page, false);
  });
});

describe("listening on a server that cannot recognise speech", () => {
  let world: PersonWithCompanion;

  beforeAll(async () => {
    world = await joinWithScriptedCompanion("Omar", { server: { asrModel: "none" } });
  });
  afterAll(async () => {
    await world?.close();
  });

  it("says so on the mic button from the start, with the server's reason, and does not listen", async () => {
    const { page } = world;
    const status = await listeningUntil(page, (s) => s.state === "unavailable", "the speech status");
    expect(status.reason).toMatch(/KINDRED_ASR_MODEL|not set up|off/);
    const button = page.getByTestId("mic-button");
    expect(await button.isDisabled()).toBe(true);
    expect(await button.textContent()).toContain("Speech recognition unavailable");
    expect(await page.getByTestId("voice-message").textContent()).toBe(`Speech recognition is not available: ${status.reason}. You can still type.`);
    await page.keyboard.down("v");
    await page.keyboard.up("v");
    expect(await listening(page)).toMatchObject({ state: "unavailable", speechStarts: 0, segmentsSent: 0 });
  });
});
