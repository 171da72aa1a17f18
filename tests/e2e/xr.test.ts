import type { Browser, Page } from "playwright-core";
import { Euler, Quaternion } from "three";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { KindredHandle } from "../../client/automation/kindredHandle";
import { SNAP_TURN_ANGLE } from "../../client/xr/snapTurn";
import { createArc, teleportRefusal, traceArc } from "../../client/xr/teleportArc";
import type { SpeechStatus } from "../../shared/speech";
import { walkableOf, WorldDefinition } from "../../shared/world";
import type { SpeechRecognizer } from "../../server/speech";
import { joinAsCompanionOwner, type CompanionOwner } from "../../bench/support/companionOwner";
import { startScriptedLlmServer, type ScriptedLlmServer } from "../support/scriptedLlmServer";
import { launchChromium } from "./support/chromium";
import { installEmulatedHeadset } from "./support/emulatedHeadset";
import { HAND_HEIGHT, pressPanelButton, readHandle, waitFrames } from "./support/headsetPage";
import { startTestServer, type TestServer } from "./support/kindredServer";
import { waitForOwnCompanionToSettle } from "./support/companionSettle";
import { pixelStats, regionDifference } from "./support/pixels";
import plazaJson from "../../worlds/plaza.json";

const VIEWPORT = { width: 640, height: 480 };
/** Where the test holds the emulated headset (tracked space, metres; local-floor: y is eye height). */
const EYE_HEIGHT = 1.6;
const plaza = walkableOf(WorldDefinition.parse(plazaJson));
/** Chromium's stand-in microphone, so push-to-talk can open one. */
const FAKE_MICROPHONE = ["--use-fake-ui-for-media-stream", "--use-fake-device-for-media-stream"];

/** Speech recognition that is there (push-to-talk needs the server to take speech) and hears nothing in particular. */
const recognizer: SpeechRecognizer = {
  transcribe: async () => "",
  status: (): SpeechStatus["asr"] => ({ available: true }),
  dispose: async () => undefined,
};

/** The same world in a (emulated) headset: entering VR, walking, turning and teleporting. */
describe("immersive mode", () => {
  let kindred: TestServer;
  let llm: ScriptedLlmServer;
  let browser: Browser;
  let page: Page;
  /** Another person in the room (through the SDK), who sees what the room shows of the headset wearer. */
  let observer: CompanionOwner | undefined;
  /** Where the test holds the headset in the tracked space. */
  const head = { x: 0, z: 0 };

  beforeAll(async () => {
    llm = await startScriptedLlmServer();
    kindred = await startTestServer({ llmMode: "openai", llmBaseUrl: llm.baseURL, llmModel: llm.model, speechRecognizer: recognizer });
    browser = await launchChromium(FAKE_MICROPHONE);
    page = await (await browser.newContext({ viewport: VIEWPORT })).newPage();
    await installEmulatedHeadset(page);
    await page.goto(kindred.server.url);
    await page.getByTestId("name-input").fill("Vera");
    await page.getByTestId("join-button").click();
    await page.waitForFunction(() => window.__kindred?.ready === true, undefined, { timeout: 60_000 });
    await holdHeadset(0, 0);
  });

  afterAll(async () => {
    await observer?.leave();
    await browser?.close();
    await kindred?.close();
    await llm?.close();
  });

  const handle = (): Promise<KindredHandle> => readHandle(page);
  const frames = (count: number): Promise<void> => waitFrames(page, count);

  /** Puts the headset at (x, z) of the tracked space, level and looking along its −Z. */
  async function holdHeadset(x: number, z: number): Promise<void> {
    head.x = x;
    head.z = z;
    await page.evaluate(
      ({ x, y, z }) => {
        window.xrDevice!.position.set(x, y, z);
        window.xrDevice!.quaternion.set(0, 0, 0, 1);
      },
      { x, y: EYE_HEIGHT, z },
    );
  }

  const angleBetween = (a: number, b: number) => Math.abs(Math.atan2(Math.sin(a - b), Math.cos(a - b)));

  /**
   * Holds the right controller under the headset, pointing so that its arc lands on the world
   * point (x, z), pulls the trigger until the aim is shown, and lets go. Returns the aim the
   * page showed just before letting go.
   */
  async function teleportTo(x: number, z: number): Promise<KindredHandle["xr"]["teleport"]> {
    const { self } = await handle();
    // The headset looks along the player's yaw; a controller turned by `turn` from it points `turn` further.
    const turn = Math.atan2(x - self.x, z - self.z) - self.yaw;
    const distance = Math.hypot(x - self.x, z - self.z);
    const pitch = pitchFor(distance);
    const q = new Quaternion().setFromEuler(new Euler(pitch, turn, 0, "YXZ"));
    await page.evaluate(
      ({ p, q }) => {
        const hand = window.xrDevice!.controllers.right;
        hand.position.set(p.x, p.y, p.z);
        hand.quaternion.set(q.x, q.y, q.z, q.w);
        hand.updateButtonValue("trigger", 1);
      },
      { p: { x: head.x, y: HAND_HEIGHT, z: head.z }, q: { x: q.x, y: q.y, z: q.z, w: q.w } },
    );
    await page.waitForFunction(() => window.__kindred!.xr.teleport.aiming, undefined, { timeout: 20_000 });
    await frames(2);
    const aim = (await handle()).xr.teleport;
    await page.evaluate(() => window.xrDevice!.controllers.right.updateButtonValue("trigger", 0));
    await page.waitForFunction(() => !window.__kindred!.xr.teleport.aiming, undefined, { timeout: 20_000 });
    await frames(2);
    return aim;
  }

  it("offers Enter VR, and the button starts an immersive-vr session that renders the world", { timeout: 150_000 }, async () => {
    expect((await handle()).xr).toMatchObject({ supported: true, presenting: false, mode: "" });
    await page.getByTestId("enter-vr").click();
    await page.waitForFunction(() => window.__kindred!.xr.presenting, undefined, { timeout: 30_000 });
    expect((await handle()).xr.mode).toBe("vr");
    await frames(5);
    // The headset's frame budget: no sun shadow map.
    expect((await handle()).xr.shadowsOff).toBe(true);
    // One's own body is drawn from inside: the body and arms, not the head, face and hair.
    await page.waitForFunction(() => window.__kindred!.xr.ownBody.firstPerson, undefined, { timeout: 30_000 });
    expect((await handle()).xr.ownBody).toMatchObject({ drawn: ["Body"], hidden: ["Face", "Hair", "Head"], stance: "standing" });
    const shot = await page.locator("canvas").first().screenshot();
    const stats = await pixelStats(page, shot);
    // A rendered scene (sky, ground, fountain, people), not a cleared or blank canvas.
    expect(stats.distinctColours).toBeGreaterThan(40);
    expect(stats.lumaStdDev).toBeGreaterThan(8);

    // The view is the headset's: turning it round (from the fountain to the street) changes the picture.
    await page.evaluate(() => window.xrDevice!.quaternion.set(0, 1, 0, 0));
    await frames(5);
    const turned = await page.locator("canvas").first().screenshot();
    const whole = { x: 0, y: 0, width: VIEWPORT.width, height: VIEWPORT.height };
    expect((await regionDifference(page, shot, turned, whole)).changedFraction).toBeGreaterThan(0.2);
    await holdHeadset(head.x, head.z);
    await frames(3);
  });

  it("puts the player where the headset is, facing where it looks", async () => {
    const k = await handle();
    expect(k.ready).toBe(true);
    // The room's first spawn: (0, 9), looking at the fountain (−Z).
    expect(Math.hypot(k.self.x - 0, k.self.z - 9)).toBeLessThan(0.05);
    expect(angleBetween(k.self.yaw, Math.PI)).toBeLessThan(0.05);
  });

  it("refuses a teleport into the fountain and leaves the player where they stand", async () => {
    const before = (await handle()).self;
    // 3.5 m from the fountain's centre: inside its 4.55 m basin.
    const aim = await teleportTo(0, 3.5);
    expect(aim.valid).toBe(false);
    expect(aim.refusal).toBe("inside an obstacle");
    expect(Math.hypot(aim.x, aim.z - 3.5)).toBeLessThan(1);
    const after = (await handle()).self;
    expect(Math.hypot(after.x - before.x, after.z - before.z)).toBeLessThan(0.01);
  });

  // Settling and a spoken reply take a while under software rendering.
  it("follows the headset 5 m across the plaza; the companion settles 1–2 m away and faces the user when spoken to", { timeout: 180_000 }, async () => {
    const start = (await handle()).self;
    // Walk backwards (tracked +Z: away from the fountain) in 25 cm steps.
    for (let i = 1; i <= 20; i++) {
      await holdHeadset(0, i * 0.25);
      await frames(1);
    }
    await frames(3);
    const k = await handle();
    expect(Math.hypot(k.self.x - start.x, k.self.z - start.z)).toBeCloseTo(5, 1);
    expect(k.self.z).toBeGreaterThan(start.z + 4.9);

    await waitForOwnCompanionToSettle(page);
    const settled = await handle();
    const own = Object.values(settled.companions).find((c) => c.ownerId === settled.userId)!;
    const apart = Math.hypot(own.x - settled.self.x, own.z - settled.self.z);
    expect(apart).toBeGreaterThanOrEqual(1.0);
    expect(apart).toBeLessThanOrEqual(2.0);
    // At rest beside its person it looks the way they look (the body issue's rule), here the headset's yaw.
    expect(angleBetween(own.yaw, settled.self.yaw)).toBeLessThan(Math.PI / 4);

    // In conversation it turns to face the person in the headset.
    // Several sentences apart: it is speaking (and attending to its person) from the first to the last.
    llm.enqueue({ type: "stream", pieces: ["Hello there.", " I can see you.", " You look well.", " Shall we walk?", " Let us go."], delayMs: 1500 });
    await page.getByTestId("chat-input").fill("Can you see me?");
    await page.getByTestId("chat-input").press("Enter");
    await page.waitForFunction(
      () => {
        const k = window.__kindred!;
        const own = Object.values(k.companions).find((c) => c.ownerId === k.userId);
        if (!own) return false;
        const towards = Math.atan2(k.self.x - own.x, k.self.z - own.z);
        return Math.abs(Math.atan2(Math.sin(own.yaw - towards), Math.cos(own.yaw - towards))) < Math.PI / 4;
      },
      undefined,
      { timeout: 30_000, polling: 100 },
    );
  });

  it("turns by one snap step when the right thumbstick is flicked right", async () => {
    const before = (await handle()).self;
    await page.evaluate(() => window.xrDevice!.controllers.right.updateAxes("thumbstick", 0.95, 0));
    await frames(3);
    await page.evaluate(() => window.xrDevice!.controllers.right.updateAxes("thumbstick", 0, 0));
    await frames(3);
    const after = (await handle()).self;
    const turned = Math.atan2(Math.sin(after.yaw - before.yaw), Math.cos(after.yaw - before.yaw));
    expect(turned).toBeCloseTo(-SNAP_TURN_ANGLE, 3);
    // Turning happens about the head: the player stays where they stand.
    expect(Math.hypot(after.x - before.x, after.z - before.z)).toBeLessThan(0.01);
  });

  it("teleports onto open ground along the arc, and the room accepts the new place", async () => {
    const { self } = await handle();
    // 3.5 m ahead along the turned view: open plaza, with nothing in the way.
    const target = { x: self.x + Math.sin(self.yaw) * 3.5, z: self.z + Math.cos(self.yaw) * 3.5 };
    expect(teleportRefusal(plaza, self.x, self.z, target.x, target.z)).toBeNull();
    const aim = await teleportTo(target.x, target.z);
    expect(aim.refusal).toBe("");
    expect(aim.valid).toBe(true);
    expect(Math.hypot(aim.x - target.x, aim.z - target.z)).toBeLessThan(1);
    const after = (await handle()).self;
    expect(Math.hypot(after.x - aim.x, after.z - aim.z)).toBeLessThan(0.01);
    // The room takes it as one flagged jump and keeps it: no correction snaps the player back.
    await page.waitForTimeout(2500);
    const later = (await handle()).self;
    expect(Math.hypot(later.x - aim.x, later.z - aim.z)).toBeLessThan(0.01);
  });

  it("shows another person in the room the headset's eye height, head turn and hands", { timeout: 60_000 }, async () => {
    observer = await joinAsCompanionOwner(kindred.server.url, "Otto", "plaza");
    const vera = (await handle()).sessionId;
    const seen = () => observer!.room.state.players.get(vera)?.xr;
    const until = async (check: () => boolean, what: string) => {
      const deadline = Date.now() + 15_000;
      while (!check()) {
        if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}: ${JSON.stringify(seen()?.toJSON())}`);
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    };
    await until(() => Math.abs((seen()?.headHeight ?? 0) - EYE_HEIGHT) < 0.01, "Otto to see Vera's standing eye height");

    // Vera sits down, looks 40° down and holds her right controller out in front, a little to her right.
    const nod = (40 * Math.PI) / 180;
    await page.evaluate(
      ({ nod }) => {
        window.xrDevice!.position.set(window.xrDevice!.position.x, 1.15, window.xrDevice!.position.z);
        window.xrDevice!.quaternion.set(-Math.sin(nod / 2), 0, 0, Math.cos(nod / 2));
        const hand = window.xrDevice!.controllers.right;
        hand.position.set(window.xrDevice!.position.x + 0.1, 0.95, window.xrDevice!.position.z - 0.45);
        hand.quaternion.set(0, 0, 0, 1);
      },
      { nod },
    );
    await until(() => Math.abs((seen()?.headHeight ?? 0) - 1.15) < 0.01 && (seen()?.rightTracked ?? false), "Otto to see Vera seated, right hand out");
    // Her own body sits down with her (wren's eyes are at 1.44 m standing).
    expect((await handle()).xr.ownBody.stance).toBe("seated");
    const xr = seen()!;
    // Looking down is a turn about the body's sideways axis by the nod: (sin 20°, 0, 0, cos 20°).
    const sign = Math.sign(xr.headW);
    expect(xr.headX * sign).toBeCloseTo(Math.sin(nod / 2), 2);
    expect(Math.abs(xr.headY)).toBeLessThan(0.01);
    expect(xr.headW * sign).toBeCloseTo(Math.cos(nod / 2), 2);
    // Body frame: +z forward, +x the body's left.
    // The grip sits a little off the controller's own origin.
    expect(xr.rightY).toBeCloseTo(0.95, 1);
    expect(xr.rightZ).toBeCloseTo(0.45, 1);
    expect(xr.rightX).toBeCloseTo(-0.1, 1);
    await holdHeadset(head.x, head.z);
  });

  it("lays out the in-VR panel, and holding the left controller's X button listens", { timeout: 60_000 }, async () => {
    const panel = (await handle()).xr.panel;
    // uikit's own layout of the 320-pixel panel: it was loaded (lazily) and measured.
    expect(panel.width).toBeCloseTo(320, 0);
    expect(panel.height).toBeGreaterThan(100);

    const presses = (await handle()).listening.speechStarts;
    await page.evaluate(() => window.xrDevice!.controllers.left.updateButtonValue("x-button", 1));
    await page.waitForFunction(() => window.__kindred!.xr.pushToTalkHeld, undefined, { timeout: 20_000 });
    await page.waitForFunction((n) => window.__kindred!.listening.speechStarts > n, presses, { timeout: 20_000 });
    const listening = (await handle()).listening;
    expect(listening.problem).toBe("");
    expect(["listening", "speaking"]).toContain(listening.state);
    await page.evaluate(() => window.xrDevice!.controllers.left.updateButtonValue("x-button", 0));
    await page.waitForFunction(() => !window.__kindred!.xr.pushToTalkHeld && window.__kindred!.listening.state !== "listening", undefined, { timeout: 20_000 });
  });

  it("presses the panel's do-not-disturb and mute buttons with the right controller's ray, and does not teleport", { timeout: 90_000 }, async () => {
    const vera = await handle();
    const own = Object.entries(vera.companions).find(([, c]) => c.ownerId === vera.userId)?.[0];
    const otto = observer!.companionId;
    expect(own).toBeTruthy();
    await page.waitForFunction((id) => id in window.__kindred!.companions, otto, { timeout: 30_000 });
    expect((await handle()).xr.panel.doNotDisturb).toEqual({ wanted: false, on: false });

    await pressPanelButton(page, head, "doNotDisturb");
    await page.waitForFunction((id) => window.__kindred!.xr.panel.doNotDisturb.on && window.__kindred!.xr.panel.muted.includes(id), otto, { timeout: 20_000 });
    expect((await handle()).xr.panel.muted).not.toContain(own);
    // Kept in this browser for the next session.
    expect(JSON.parse((await page.evaluate(() => localStorage.getItem("kindred.doNotDisturb")))!)).toEqual({ wanted: true, muted: [otto] });

    await pressPanelButton(page, head, "mute");
    await page.waitForFunction((id) => window.__kindred!.xr.panel.muted.includes(id), own!, { timeout: 20_000 });
    await pressPanelButton(page, head, "mute");
    await page.waitForFunction((id) => !window.__kindred!.xr.panel.muted.includes(id), own!, { timeout: 20_000 });

    await pressPanelButton(page, head, "doNotDisturb");
    await page.waitForFunction((id) => !window.__kindred!.xr.panel.doNotDisturb.wanted && !window.__kindred!.xr.panel.muted.includes(id), otto, { timeout: 20_000 });
    // Pulling the trigger on the panel pressed buttons; it never jumped.
    const after = (await handle()).self;
    expect(Math.hypot(after.x - vera.self.x, after.z - vera.self.z)).toBeLessThan(0.05);
    await holdHeadset(head.x, head.z);
  });

  it("in passthrough (AR) draws no sky and no ground, and the room forgets the head when VR ends", { timeout: 120_000 }, async () => {
    const vera = (await handle()).sessionId;
    expect((await handle()).xr.backdropHidden).toBe(false);
    await page.evaluate(() => void window.xrDevice!.activeSession?.end());
    await page.waitForFunction(() => !window.__kindred!.xr.presenting, undefined, { timeout: 30_000 });
    const deadline = Date.now() + 15_000;
    while (observer!.room.state.players.get(vera)!.xr.headHeight !== 0) {
      if (Date.now() > deadline) throw new Error("the room still shows Vera's headset after the session ended");
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    // Back on the desktop, the camera behind her sees her whole body again, head included.
    expect((await handle()).xr.ownBody).toMatchObject({ firstPerson: false, drawn: ["Body", "Face", "Hair", "Head"], hidden: [] });

    await page.getByTestId("enter-ar").click();
    await page.waitForFunction(() => window.__kindred!.xr.presenting, undefined, { timeout: 30_000 });
    expect((await handle()).xr.mode).toBe("ar");
    await page.waitForFunction(() => window.__kindred!.xr.backdropHidden, undefined, { timeout: 30_000 });
    await page.evaluate(() => void window.xrDevice!.activeSession?.end());
    await page.waitForFunction(() => !window.__kindred!.xr.presenting && !window.__kindred!.xr.backdropHidden, undefined, { timeout: 30_000 });
  });
});

/** The controller pitch whose arc (from HAND_HEIGHT) lands `distance` ahead, by bisection. */
function pitchFor(distance: number): number {
  const arc = createArc();
  let low = -0.6;
  let high = Math.PI / 4;
  for (let i = 0; i < 40; i++) {
    const mid = (low + high) / 2;
    traceArc(0, HAND_HEIGHT, 0, 0, Math.sin(mid), Math.cos(mid), 0, arc);
    if (arc.landed && arc.z > distance) high = mid;
    else low = mid;
  }
  return (low + high) / 2;
}
