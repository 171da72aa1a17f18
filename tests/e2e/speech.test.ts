import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CompanionVoiceView } from "../../client/voice/playback";
import type { Viseme, VisemeCue } from "../../shared/speech";
import { startScriptedLlmServer, streamOf, type ScriptedLlmServer } from "../support/scriptedLlmServer";
import { launchChromium } from "./support/chromium";
import { waitForOwnCompanionToSettle } from "./support/companionSettle";
import { startTestServer, type TestServer } from "./support/kindredServer";

/** What the page shows of one companion's speech at one moment (between two frames). */
interface SpeechSample {
  frame: number;
  voice: Omit<CompanionVoiceView, "started" | "timeline"> & { timeline: VisemeCue[] };
  mouth: Record<Viseme, number>;
  head: { x: number; y: number; z: number };
  ears: { left: number; right: number };
}

const MOUTH: Viseme[] = ["aa", "ih", "ou", "ee", "oh"];
/** Speech is over once a voice has been quiet this long (sentences may arrive with gaps). */
const QUIET_MS = 1500;

/** Companions speak aloud in the browser: from their heads, lips on the audio clock, mutable, stoppable. */
describe("companions' speech", () => {
  let llm: ScriptedLlmServer;
  let kindred: TestServer;
  let browser: Browser;
  let alice: Page;
  let aliceCompanion: string;

  beforeAll(async () => {
    llm = await startScriptedLlmServer();
    kindred = await startTestServer({ llmMode: "openai", llmBaseUrl: llm.baseURL, llmModel: llm.model, ttsEngine: "formant" });
    browser = await launchChromium(["--autoplay-policy=no-user-gesture-required"]);
    alice = await openAs("Alice");
    aliceCompanion = await ownCompanionId(alice);
    await waitForOwnCompanionToSettle(alice);
  });

  afterAll(async () => {
    await browser?.close();
    await kindred?.close();
    await llm?.close();
  });

  async function openAs(name: string): Promise<Page> {
    const page = await (await browser.newContext({ viewport: { width: 800, height: 600 } })).newPage();
    await page.goto(kindred.server.url);
    await page.getByTestId("name-input").fill(name);
    await page.getByTestId("join-button").click();
    await page.waitForFunction(() => window.__kindred?.ready === true, undefined, { timeout: 60_000 });
    return page;
  }

  /** The page owner's companion, once its VRM is drawn. */
  async function ownCompanionId(page: Page): Promise<string> {
    const id = await page.waitForFunction(
      () => {
        const k = window.__kindred!;
        return Object.entries(k.companions).find(([, c]) => c.ownerId === k.userId && c.loaded && c.visible)?.[0] ?? false;
      },
      undefined,
      { timeout: 60_000 },
    );
    return (await id.jsonValue()) as string;
  }

  async function say(page: Page, text: string): Promise<void> {
    await page.getByTestId("chat-input").fill(text);
    await page.getByTestId("chat-input").press("Enter");
    // Back to walking keys.
    await page.getByTestId("chat-input").press("Escape");
  }

  const voiceOf = (page: Page, id: string) =>
    page.evaluate((companionId) => JSON.parse(JSON.stringify(window.__kindred!.voice.companions[companionId] ?? null)) as CompanionVoiceView | null, id);

  /**
   * Samples the companions `ids` every 20 ms from when the first of them starts speaking until
   * all have been quiet for a while, after `trigger` runs. One sample per frame.
   */
  async function recordSpeech(page: Page, ids: string[], trigger: () => Promise<void>): Promise<Record<string, SpeechSample[]>> {
    const recording = page.evaluate(
      ({ ids, quietMs, mouthNames }) =>
        new Promise<Record<string, SpeechSample[]>>((resolve, reject) => {
          const k = window.__kindred!;
          const samples: Record<string, SpeechSample[]> = Object.fromEntries(ids.map((id) => [id, []]));
          let began = false;
          let quietSince = performance.now();
          let lastFrame = -1;
          const giveUp = setTimeout(() => {
            clearInterval(timer);
            reject(new Error(`no speech from ${ids.join(", ")} within 60 s`));
          }, 60_000);
          const timer = setInterval(() => {
            const speaking = ids.filter((id) => k.voice.companions[id]?.playing);
            if (speaking.length > 0) {
              began = true;
              quietSince = performance.now();
            } else if (began && performance.now() - quietSince > quietMs) {
              clearTimeout(giveUp);
              clearInterval(timer);
              resolve(samples);
              return;
            }
            if (k.frame.count === lastFrame) return;
            lastFrame = k.frame.count;
            const ears = { left: k.voice.ears.left, right: k.voice.ears.right };
            for (const id of speaking) {
              const { started: _started, ...voice } = JSON.parse(JSON.stringify(k.voice.companions[id])) as CompanionVoiceView;
              const c = k.companions[id]!;
              const mouth = Object.fromEntries(mouthNames.map((v) => [v, c.expressions[v] ?? 0])) as Record<Viseme, number>;
              samples[id]!.push({ frame: k.frame.count, voice: voice as SpeechSample["voice"], mouth, head: { ...c.head }, ears });
            }
          }, 20);
        }),
      { ids, quietMs: QUIET_MS, mouthNames: MOUTH },
    );
    await trigger();
    return recording;
  }

  it("a reply plays its chunks in order, back to back, from the companion's head", async () => {
    llm.enqueue(streamOf("Good morning, Alice. The fountain sounds lovely today. Shall we walk to the market together?"));
    const { [aliceCompanion]: samples } = await recordSpeech(alice, [aliceCompanion], () => say(alice, "Good morning!"));
    const voice = (await voiceOf(alice, aliceCompanion))!;
    expect(voice.dropped).toBe(0);
    expect(voice.played).toBe(voice.received);
    const chunks = voice.started.filter((chunk) => chunk.utteranceId === voice.utteranceId);
    expect(chunks.length).toBe(voice.received);
    expect(chunks.map((chunk) => chunk.seq)).toEqual(chunks.map((_, i) => i));
    // Three sentences, voiced in order.
    const sentences = chunks.map((chunk) => chunk.sentenceSeq);
    expect(new Set(sentences).size).toBeGreaterThanOrEqual(3);
    expect([...sentences].sort((a, b) => a - b)).toEqual(sentences);
    for (let i = 1; i < chunks.length; i++) {
      // Chunks of one sentence arrive together: each starts exactly where the one before ends.
      if (chunks[i]!.sentenceSeq === chunks[i - 1]!.sentenceSeq) expect(chunks[i]!.start).toBeCloseTo(chunks[i - 1]!.end, 9);
      else expect(chunks[i]!.start).toBeGreaterThanOrEqual(chunks[i - 1]!.end - 1e-9);
    }
    // It was heard, and it came from the head.
    expect(await alice.evaluate(() => window.__kindred!.voice.audio)).toBe("running");
    expect(Math.max(...samples!.map((s) => s.voice.level))).toBeGreaterThan(0.01);
    for (const s of samples!) expect(Math.hypot(s.voice.source.x - s.head.x, s.voice.source.y - s.head.y, s.voice.source.z - s.head.z)).toBeLessThan(0.05);
  });

  it("the mouth shows each chunk's visemes at the audio clock's time", async () => {
    llm.enqueue(streamOf("Oh, I would love a cool glass of lemonade by the old oak tree."));
    const { [aliceCompanion]: samples } = await recordSpeech(alice, [aliceCompanion], () => say(alice, "Thirsty?"));
    let open = 0;
    let openAgree = 0;
    let closed = 0;
    let closedAgree = 0;
    const chunksSeen = new Set<number>();
    for (const { voice, mouth } of samples!) {
      const t = voice.clock - voice.timelineStart;
      if (voice.timelineSeq < 0 || t < 0) continue;
      chunksSeen.add(voice.timelineSeq);
      const cues = voice.timeline;
      const i = cues.findLastIndex((cue) => cue.time <= t);
      const cue = cues[i];
      const next = cues[i + 1];
      if (!cue || !next) continue;
      // Only moments well inside a cue: the mouth has eased into it and not yet begun the next.
      if (t - cue.time < 0.07 || next.time - t < Math.min(0.08, (next.time - cue.time) / 2) + 0.01) continue;
      const widest = MOUTH.reduce((a, b) => (mouth[b] > mouth[a] ? b : a));
      if (cue.weight >= 0.5) {
        open++;
        if (widest === cue.viseme && mouth[cue.viseme] >= 0.4 * cue.weight) openAgree++;
      } else if (cue.weight === 0) {
        closed++;
        if (mouth[widest] < 0.25) closedAgree++;
      }
    }
    expect(chunksSeen.size, "the mouth was handed each chunk's timeline in turn").toBeGreaterThanOrEqual(3);
    expect(open, "moments inside open-mouth cues").toBeGreaterThanOrEqual(5);
    expect(openAgree / open).toBeGreaterThanOrEqual(0.8);
    if (closed > 0) expect(closedAgree / closed).toBeGreaterThanOrEqual(0.8);
  });

  it("companion:audio-stop silences the companion at once and drops what was still coming", async () => {
    llm.enqueue(
      streamOf("Once upon a time there was a lighthouse. Its keeper loved the sea. Every night he lit the lamp. Ships came home safely. The end came slowly."),
      // The next reply waits: the silence after the stop is the companion's own.
      streamOf("Alright, I will stop.", { firstTokenDelayMs: 4000 }),
    );
    await say(alice, "Tell me a story.");
    await alice.waitForFunction((id) => (window.__kindred!.voice.companions[id]?.played ?? 0) >= 2 && window.__kindred!.voice.companions[id]!.playing, aliceCompanion, {
      timeout: 30_000,
    });
    const before = (await voiceOf(alice, aliceCompanion))!;
    // The owner's new line cuts the reply short: the server stops its voice and tells the room.
    await say(alice, "Stop, please.");
    const atStop = await alice.waitForFunction(
      ({ id, stops }) => {
        const v = window.__kindred!.voice.companions[id]!;
        const sounded = v.started.filter((chunk) => chunk.utteranceId === v.utteranceId).length;
        return v.stops > stops && { playing: v.playing, lastStop: v.lastStop, utteranceId: v.utteranceId, sounded };
      },
      { id: aliceCompanion, stops: before.stops },
      { timeout: 10_000, polling: 5 },
    );
    const stopped = (await atStop.jsonValue()) as { playing: boolean; lastStop: string; utteranceId: number; sounded: number };
    expect(stopped).toMatchObject({ playing: false, lastStop: "audio-stop", utteranceId: before.utteranceId });
    await alice.waitForFunction((id) => window.__kindred!.voice.companions[id]!.level === 0, aliceCompanion, { timeout: 2_000, polling: 10 });
    // The mouth closes with the sound.
    await alice.waitForFunction((id) => ["aa", "ih", "ou", "ee", "oh"].every((v) => (window.__kindred!.companions[id]!.expressions[v] ?? 0) < 0.05), aliceCompanion, {
      timeout: 5_000,
    });
    // The next reply plays as a new utterance; nothing more of the stopped one ever sounded.
    await alice.waitForFunction(
      ({ id, stoppedId }) => {
        const v = window.__kindred!.voice.companions[id]!;
        return v.utteranceId > stoppedId && v.playing;
      },
      { id: aliceCompanion, stoppedId: before.utteranceId },
      { timeout: 30_000 },
    );
    const after = (await voiceOf(alice, aliceCompanion))!;
    expect(after.started.filter((chunk) => chunk.utteranceId === before.utteranceId).length).toBe(stopped.sounded);
    await alice.waitForFunction((id) => !window.__kindred!.voice.companions[id]!.playing, aliceCompanion, { timeout: 30_000 });
  });

  /** Turns the camera with Q/E until the companion is well to one side of the listener; returns which. */
  async function putCompanionToThe(page: Page, id: string, side: "left" | "right"): Promise<void> {
    const sideOf = () =>
      page.evaluate((companionId) => {
        const { listener } = window.__kindred!.voice;
        const head = window.__kindred!.companions[companionId]!.head;
        const dx = head.x - listener.x;
        const dy = head.y - listener.y;
        const dz = head.z - listener.z;
        return (dx * listener.right.x + dy * listener.right.y + dz * listener.right.z) / Math.hypot(dx, dy, dz);
      }, id);
    const wanted = (s: number) => (side === "right" ? s > 0.5 : s < -0.5);
    if (wanted(await sideOf())) return;
    // Turning the view right moves what is ahead to the left.
    const key = side === "right" ? "q" : "e";
    await page.keyboard.down(key);
    await expect.poll(sideOf, { timeout: 20_000, interval: 20 }).toSatisfy(wanted);
    await page.keyboard.up(key);
    await page.waitForTimeout(300);
    expect(wanted(await sideOf())).toBe(true);
  }

  it.each(["right", "left"] as const)("speech comes from the companion's side: louder in the %s ear", async (side) => {
    await putCompanionToThe(alice, aliceCompanion, side);
    llm.enqueue(streamOf("I am standing right here beside you, listen."));
    const { [aliceCompanion]: samples } = await recordSpeech(alice, [aliceCompanion], () => say(alice, "Where are you?"));
    const near = samples!.reduce((sum, s) => sum + s.ears[side], 0);
    const far = samples!.reduce((sum, s) => sum + s.ears[side === "right" ? "left" : "right"], 0);
    expect(near).toBeGreaterThan(0);
    expect(near / far).toBeGreaterThan(1.2);
  });

  it("muting a companion silences it on this page only; the other companion is still heard", async () => {
    const bob = await openAs("Bob");
    const bobCompanion = await ownCompanionId(bob);
    await alice.waitForFunction((id) => window.__kindred!.companions[id]?.loaded === true, bobCompanion, { timeout: 60_000 });
    await alice.getByTestId(`mute-${bobCompanion}`).click();
    expect(await alice.getByTestId(`mute-${bobCompanion}`).getAttribute("aria-pressed")).toBe("true");
    expect(await alice.evaluate(() => localStorage.getItem("kindred.voice.muted"))).toBe(JSON.stringify({ [bobCompanion]: true }));

    llm.enqueue(streamOf("I hear you, my friend, loud and clear."), streamOf("Hello to you too, how are you?"));
    const bobHears = recordSpeech(bob, [bobCompanion], async () => {});
    const heard = await recordSpeech(alice, [aliceCompanion, bobCompanion], async () => {
      await say(alice, "Can you hear me?");
      await say(bob, "Hello there!");
    });
    const bobsOnAlicePage = (await voiceOf(alice, bobCompanion))!;
    expect(bobsOnAlicePage.muted).toBe(true);
    // It still spoke on Alice's page (its lips moved through its chunks), without a sound.
    expect(bobsOnAlicePage.played).toBeGreaterThan(0);
    expect(Math.max(...heard[bobCompanion]!.map((s) => s.voice.level))).toBeLessThan(1e-4);
    expect(Math.max(...heard[aliceCompanion]!.map((s) => s.voice.level))).toBeGreaterThan(0.01);
    // Bob has not muted anyone: his companion is heard on his page.
    expect(Math.max(...(await bobHears)[bobCompanion]!.map((s) => s.voice.level))).toBeGreaterThan(0.01);
    await bob.context().close();
  });
});
