import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TimelinePlayer } from "../../client/avatar/lipSync/timelinePlayer";
import { emptyVisemeWeights, type VisemeWeights } from "../../client/avatar/lipSync/visemes";
import type { CompanionVoiceView } from "../../client/voice/playback";
import type { Viseme, VisemeCue } from "../../shared/speech";
import { startScriptedLlmServer, streamOf, type ScriptedLlmServer } from "../support/scriptedLlmServer";
import { launchChromium } from "./support/chromium";
import { waitForOwnCompanionToSettle } from "./support/companionSettle";
import { startTestServer, type TestServer } from "./support/kindredServer";
import { aimCameraSoThat, recordSpeech } from "./support/speechRecording";

const MOUTH: Viseme[] = ["aa", "ih", "ou", "ee", "oh"];
const VIEWPORT = { width: 800, height: 600 };
/** How far behind the timeline the mouth may be: it eases into each shape (MOUTH_TAU 40 ms in client/avatar/lipSync/mouth.ts). */
const MOUTH_LAG_S = 0.06;

/** The mouth shape a timeline asks for at `t` s into its chunk, as the avatar's own timeline player computes it. */
function shapeAt(cues: VisemeCue[], t: number): VisemeWeights {
  const weights = emptyVisemeWeights();
  const player = new TimelinePlayer();
  player.play(cues, () => t);
  player.sample(weights);
  return weights;
}

const widest = (weights: Record<Viseme, number>): Viseme => MOUTH.reduce((a, b) => (weights[b] > weights[a] ? b : a));

/** Companions speak aloud in the browser: from their heads, lips on the audio clock, mutable, stoppable. */
describe("companions' speech", () => {
  let llm: ScriptedLlmServer;
  let kindred: TestServer;
  let browser: Browser;
  let alice: Page;
  let aliceCompanion: string;
  let bob: Page;
  let bobCompanion: string;

  beforeAll(async () => {
    llm = await startScriptedLlmServer();
    kindred = await startTestServer({ llmMode: "openai", llmBaseUrl: llm.baseURL, llmModel: llm.model, ttsEngine: "formant" });
    browser = await launchChromium(["--autoplay-policy=no-user-gesture-required"]);
    alice = await openAs("Alice");
    aliceCompanion = await ownCompanionId(alice);
    await waitForOwnCompanionToSettle(alice);
  });

  afterAll(async () => {
    await bob?.context().close();
    await browser?.close();
    await kindred?.close();
    await llm?.close();
  });

  async function openAs(name: string): Promise<Page> {
    const page = await (await browser.newContext({ viewport: VIEWPORT })).newPage();
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
    const reply =
      "Oh, I would love a cool glass of lemonade by the old oak tree. Ah, and maybe a slice of warm apple pie after that. " +
      "We could sit on the bench and watch the pigeons. Then we could walk home slowly along the river.";
    let frames = 0;
    let open = 0;
    let openAgree = 0;
    let closed = 0;
    let closedAgree = 0;
    const chunksSeen = new Set<string>();
    const shapesShown = new Set<Viseme>();
    // Software rendering draws a few frames a second: a loaded machine may need more than one
    // reply to catch enough moments inside open shapes.
    for (let attempt = 0; attempt < 5 && (open < 6 || shapesShown.size < 3); attempt++) {
      llm.enqueue(streamOf(reply));
      const { [aliceCompanion]: samples } = await recordSpeech(alice, [aliceCompanion], () => say(alice, `Thirsty? (${attempt})`));
      frames += samples!.length;
      for (const { voice, mouth } of samples!) {
        const t = voice.clock - voice.timelineStart;
        if (voice.timelineSeq < 0 || t < MOUTH_LAG_S) continue;
        chunksSeen.add(`${attempt}:${voice.timelineSeq}`);
        const now = shapeAt(voice.timeline, t);
        const before = shapeAt(voice.timeline, t - MOUTH_LAG_S);
        const shape = widest(now);
        const earlier = widest(before);
        if (now[shape] >= 0.5) {
          // The mouth eases into a shape: within its lag it may still show the one before.
          const shown = widest(mouth);
          open++;
          if (mouth[shown] > 0.2 && (shown === shape || (shown === earlier && before[earlier] >= 0.5))) {
            openAgree++;
            shapesShown.add(shown);
          }
        } else if (now[shape] === 0 && before[earlier] === 0) {
          closed++;
          if (mouth[widest(mouth)] < 0.25) closedAgree++;
        }
      }
    }
    const counts = JSON.stringify({ frames, open, openAgree, closed, closedAgree, shapesShown: [...shapesShown] });
    expect(chunksSeen.size, "the mouth was handed each chunk's timeline in turn").toBeGreaterThanOrEqual(3);
    expect(open, `moments inside open-mouth shapes ${counts}`).toBeGreaterThanOrEqual(5);
    expect(openAgree / open, counts).toBeGreaterThanOrEqual(0.8);
    // Following the timeline, not one shape for any sound (an amplitude-driven mouth shows only "aa").
    expect(shapesShown.size, counts).toBeGreaterThanOrEqual(3);
    if (closed > 0) expect(closedAgree / closed, counts).toBeGreaterThanOrEqual(0.8);
  }, 240_000);

  it("companion:audio-stop silences the companion at once and drops what was still coming", async () => {
    llm.enqueue(
      streamOf("Once upon a time there was a lighthouse. Its keeper loved the sea. Every night he lit the lamp. Ships came home safely. The end came slowly."),
      // The next reply waits: the silence after the stop is the companion's own.
      streamOf("Alright, I will stop.", { firstTokenDelayMs: 6000 }),
    );
    const earlier = (await voiceOf(alice, aliceCompanion))!.utteranceId;
    await say(alice, "Tell me a story.");
    // Well into the story: its second chunk sounds, more are queued.
    await alice.waitForFunction(
      ({ id, earlier }) => {
        const v = window.__kindred!.voice.companions[id]!;
        return v.utteranceId > earlier && v.playing && v.started.filter((chunk) => chunk.utteranceId === v.utteranceId).length >= 2;
      },
      { id: aliceCompanion, earlier },
      { timeout: 30_000 },
    );
    const before = (await voiceOf(alice, aliceCompanion))!;
    // Readings from the stop until the next reply: the sampler runs in the page from before the stop,
    // so a slow test machine cannot miss the quiet stretch between the two replies.
    const quietReadings = alice.evaluate(
      ({ id, stops, stopped, mouthNames }) =>
        new Promise<{ level: number; playing: boolean; mouth: number }[]>((resolve) => {
          const k = window.__kindred!;
          const readings: { level: number; playing: boolean; mouth: number }[] = [];
          let began = -1;
          const timer = setInterval(() => {
            const v = k.voice.companions[id]!;
            if (v.stops <= stops) return;
            if (began < 0) began = performance.now();
            if (v.utteranceId !== stopped || performance.now() - began > 2500) {
              clearInterval(timer);
              resolve(readings);
              return;
            }
            readings.push({ level: v.level, playing: v.playing, mouth: Math.max(...mouthNames.map((name) => k.companions[id]!.expressions[name] ?? 0)) });
          }, 5);
        }),
      { id: aliceCompanion, stops: before.stops, stopped: before.utteranceId, mouthNames: MOUTH },
    );
    // The owner's new line cuts the reply short: the server stops its voice and tells the room.
    await say(alice, "Stop, please.");
    // What the stop cut off is recorded when it happens, so a slow page cannot blur it with the next reply.
    const atStop = await alice.waitForFunction(
      ({ id, stops }) => {
        const v = window.__kindred!.voice.companions[id]!;
        const sounded = v.started.filter((chunk) => chunk.utteranceId === v.lastStoppedUtterance).length;
        return v.stops > stops && { lastStop: v.lastStop, lastStoppedUtterance: v.lastStoppedUtterance, sounded };
      },
      { id: aliceCompanion, stops: before.stops },
      { timeout: 10_000, polling: 5 },
    ).catch(async (error: Error) => {
      throw new Error(`${error.message}; voice was ${JSON.stringify(before)}, now ${JSON.stringify(await voiceOf(alice, aliceCompanion))}`);
    });
    const stopped = (await atStop.jsonValue()) as { lastStop: string; lastStoppedUtterance: number; sounded: number };
    expect(stopped).toMatchObject({ lastStop: "audio-stop", lastStoppedUtterance: before.utteranceId });
    // Until the next reply: no sound, nothing playing, and the mouth closes with the sound.
    const quiet = await quietReadings;
    expect(quiet.length).toBeGreaterThan(0);
    expect(quiet.some((reading) => reading.playing)).toBe(false);
    expect(quiet.at(-1), JSON.stringify(quiet)).toMatchObject({ level: 0 });
    expect(quiet.at(-1)!.mouth, JSON.stringify(quiet)).toBeLessThan(0.05);
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

  it("muting a companion silences it on this page only; the other companion is still heard", async () => {
    bob = await openAs("Bob");
    bobCompanion = await ownCompanionId(bob);
    await alice.waitForFunction((id) => window.__kindred!.companions[id]?.loaded === true, bobCompanion, { timeout: 60_000 });
    await alice.getByTestId(`mute-${bobCompanion}`).click();
    expect(await alice.getByTestId(`mute-${bobCompanion}`).getAttribute("aria-pressed")).toBe("true");
    expect(await alice.evaluate(() => localStorage.getItem("kindred.voice.muted"))).toBe(JSON.stringify({ [bobCompanion]: true }));

    llm.enqueue(streamOf("I hear you, my friend, loud and clear."), streamOf("Hello to you too, how are you? It is a lovely day for a walk by the water."));
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
    expect(Math.max(...heard[aliceCompanion]!.map((s) => s.voice.level))).toBeGreaterThan(1e-3);
    // Bob has not muted anyone: his companion is heard on his page.
    expect(Math.max(...(await bobHears)[bobCompanion]!.map((s) => s.voice.level))).toBeGreaterThan(1e-3);
    // A second page with its own world and two spoken replies: past the 90 s default on a busy 2-core machine.
  }, 180_000);

  it("a companion is heard from where it stands: louder in the ear on its side", async () => {
    // Heard again on Alice's page.
    await alice.getByTestId(`mute-${bobCompanion}`).click();
    expect(await alice.getByTestId(`mute-${bobCompanion}`).getAttribute("aria-pressed")).toBe("false");
    expect(await alice.evaluate(() => localStorage.getItem("kindred.voice.muted"))).toBe("{}");
    // Bob steps well away, so Alice can turn until his companion is off to one side.
    const start = await bob.evaluate(() => ({ x: window.__kindred!.self.x, z: window.__kindred!.self.z }));
    await bob.keyboard.down("s");
    await bob.waitForFunction(({ x, z }) => Math.hypot(window.__kindred!.self.x - x, window.__kindred!.self.z - z) >= 7, start, { timeout: 60_000 });
    await bob.keyboard.up("s");
    await waitForOwnCompanionToSettle(bob);
    for (const side of ["right", "left"] as const) {
      await aimCameraSoThat(alice, bobCompanion, side, VIEWPORT);
      llm.enqueue(streamOf("I am over here, can you hear where I am standing?"));
      const { [bobCompanion]: samples } = await recordSpeech(alice, [bobCompanion], () => say(bob, "Say something."));
      const near = samples!.reduce((sum, sample) => sum + sample.ears[side], 0);
      const far = samples!.reduce((sum, sample) => sum + sample.ears[side === "right" ? "left" : "right"], 0);
      expect(near, `louder on the ${side}`).toBeGreaterThan(far * 1.2);
    }
    // A walk, a settle and two spoken replies: past the 90 s default on a busy 2-core machine.
  }, 180_000);
});
