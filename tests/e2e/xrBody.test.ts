import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SNAP_TURN_ANGLE } from "../../client/xr/snapTurn";
import { teleportRefusal } from "../../client/xr/teleportArc";
import { ClientMessage, type MoveMessage, type XrPoseMessage } from "../../shared/protocol";
import { walkableOf, WorldDefinition } from "../../shared/world";
import { joinAsCompanionOwner, type CompanionOwner } from "../../bench/support/companionOwner";
import { launchChromium } from "./support/chromium";
import { installEmulatedHeadset } from "./support/emulatedHeadset";
import { joinAndEnterVr, pressPanelButton, readHandle, reloadAndEnterVr, waitFrames } from "./support/headsetPage";
import { startTestServer, type TestServer } from "./support/kindredServer";
import plazaJson from "../../worlds/plaza.json";

const EYE_HEIGHT = 1.6;
/** The preset avatar's (wren's) own eye height standing, m. */
const AVATAR_EYES = 1.44;
const plaza = walkableOf(WorldDefinition.parse(plazaJson));

const angleBetween = (a: number, b: number) => Math.abs(Math.atan2(Math.sin(a - b), Math.cos(a - b)));

/**
 * One's body in the headset, and others' as this browser draws them: it turns with a snap turn,
 * grows for someone taller than the avatar, and a teleport is a jump, not a run. Vera wears the
 * (emulated) headset; Otto joins through the SDK and sends what a headset sends.
 */
describe("bodies in immersive mode", () => {
  let kindred: TestServer;
  let browser: Browser;
  let page: Page;
  let otto: CompanionOwner;

  beforeAll(async () => {
    kindred = await startTestServer();
    browser = await launchChromium();
    page = await (await browser.newContext({ viewport: { width: 640, height: 480 } })).newPage();
    await installEmulatedHeadset(page);
    await joinAndEnterVr(page, kindred.server.url, "Vera", EYE_HEIGHT);
    otto = await joinAsCompanionOwner(kindred.server.url, "Otto", "plaza");
  }, 150_000);

  afterAll(async () => {
    await otto?.leave();
    await browser?.close();
    await kindred?.close();
  });

  const ottoState = () => otto.room.state.players.get(otto.room.sessionId)!;

  /** Otto's next move: where he stands, turned to `yaw`, with `flags`. */
  function ottoMove(yaw: number, flags: Partial<MoveMessage> = {}): MoveMessage {
    const me = ottoState();
    return { x: me.x, y: me.y, z: me.z, yaw, pitch: 0, ...flags };
  }

  /** Waits until Vera's page draws Otto's loaded body facing `bodyYaw`, at (x, z) or grown by `bodyScale`: each one given, within `within`. */
  async function untilVeraSeesOtto(want: { bodyYaw?: number; x?: number; z?: number; bodyScale?: number }, within: number): Promise<void> {
    await page.waitForFunction(
      ({ id, want, within }) => {
        const seen = window.__kindred!.players[id];
        if (!seen?.loaded) return false;
        const { bodyYaw, x, z, bodyScale } = want;
        if (bodyYaw !== undefined && Math.abs(Math.atan2(Math.sin(seen.bodyYaw - bodyYaw), Math.cos(seen.bodyYaw - bodyYaw))) > within) return false;
        if (x !== undefined && z !== undefined && Math.hypot(seen.x - x, seen.z - z) > within) return false;
        return bodyScale === undefined || Math.abs(seen.bodyScale - bodyScale) <= within;
      },
      { id: otto.room.sessionId, want, within },
      { timeout: 20_000, polling: 100 },
    );
  }

  it("turns one's own body with a snap turn at once, and the room hears the turn as one jump", async () => {
    const vera = await readHandle(page);
    const seenJumps = () => otto.room.state.players.get(vera.sessionId)?.jumps;
    const jumpsBefore = seenJumps();
    // Standing still, the body faces where the head looks.
    expect(angleBetween(vera.self.bodyYaw, vera.self.yaw)).toBeLessThan(0.05);

    await page.evaluate(() => window.xrDevice!.controllers.right.updateAxes("thumbstick", 0.95, 0));
    await waitFrames(page, 3);
    await page.evaluate(() => window.xrDevice!.controllers.right.updateAxes("thumbstick", 0, 0));
    await waitFrames(page, 2);
    const after = (await readHandle(page)).self;
    expect(angleBetween(after.yaw, vera.self.yaw - SNAP_TURN_ANGLE)).toBeLessThan(1e-3);
    // A 30° head turn alone would leave the body where it faced (it catches up only past 50°).
    expect(angleBetween(after.bodyYaw, vera.self.bodyYaw - SNAP_TURN_ANGLE)).toBeLessThan(0.02);

    await expect.poll(seenJumps, { timeout: 10_000 }).toBe(((jumpsBefore ?? 0) + 1) % 0x10000);
    expect(angleBetween(otto.room.state.players.get(vera.sessionId)!.yaw, after.yaw)).toBeLessThan(0.01);
  });

  it("shows another headset wearer's snap turn as their body turning at once", async () => {
    const standing: XrPoseMessage = { head: { height: AVATAR_EYES, rotation: [0, 0, 0, 1], bodyScale: 1 }, left: null, right: null };
    const yaw = ottoState().yaw;
    otto.room.send(ClientMessage.XrPose, standing);
    otto.room.send(ClientMessage.Move, ottoMove(yaw));
    await untilVeraSeesOtto({ bodyYaw: yaw }, 0.02);

    otto.room.send(ClientMessage.Move, ottoMove(yaw - SNAP_TURN_ANGLE, { snapTurn: true }));
    // Without the jump, a 30° turn of the head leaves the body where it faced, for good.
    await untilVeraSeesOtto({ bodyYaw: yaw - SNAP_TURN_ANGLE }, 0.02);
  });

  it("shows another person's teleport as a jump: gone from one place, at the other, never running between", async () => {
    const from = { x: ottoState().x, z: ottoState().z };
    const to = { x: 4, z: 5 };
    expect(teleportRefusal(plaza, from.x, from.z, to.x, to.z)).toBeNull();
    // Every frame Vera's page draws, where it draws Otto and how fast it has him walking.
    await page.evaluate((id) => {
      const trail: number[][] = [];
      (window as unknown as { ottoTrail: number[][] }).ottoTrail = trail;
      const record = () => {
        const seen = window.__kindred!.players[id];
        if (seen) trail.push([seen.x, seen.z, seen.speed]);
        if (trail.length < 10_000) requestAnimationFrame(record);
      };
      requestAnimationFrame(record);
    }, otto.room.sessionId);
    await waitFrames(page, 2);

    otto.room.send(ClientMessage.Move, { ...ottoMove(ottoState().yaw, { teleport: true }), x: to.x, z: to.z });
    await untilVeraSeesOtto(to, 0.01);
    await waitFrames(page, 3);
    const trail = await page.evaluate(() => (window as unknown as { ottoTrail: number[][] }).ottoTrail.splice(0));
    const near = (p: number[], q: { x: number; z: number }) => Math.hypot(p[0]! - q.x, p[1]! - q.z) < 0.01;
    expect(trail.some((p) => near(p, from))).toBe(true);
    expect(trail.some((p) => near(p, to))).toBe(true);
    for (const p of trail) {
      expect(near(p, from) || near(p, to), `Otto drawn at (${p[0]}, ${p[1]})`).toBe(true);
      // A walk would show as speed: a run across 7 m takes a second or two at several m/s.
      expect(p[2]).toBeLessThan(0.5);
    }
    expect(ottoState().jumps).toBe(2);
  });

  it("grows the avatar of someone taller than it, their own body and as others see them", async () => {
    await page.evaluate(() => window.xrDevice!.position.set(0, 1.8, 0));
    await page.waitForFunction((expected) => Math.abs(window.__kindred!.self.bodyScale - expected) < 0.02, 1.8 / AVATAR_EYES, { timeout: 30_000, polling: 200 });
    expect((await readHandle(page)).xr.ownBody.stance).toBe("standing");

    // Otto's client grows his avatar (it knows his calibration); Vera's page draws it at that size.
    otto.room.send(ClientMessage.XrPose, { head: { height: 1.75, rotation: [0, 0, 0, 1], bodyScale: 1.75 / AVATAR_EYES }, left: null, right: null } satisfies XrPoseMessage);
    await untilVeraSeesOtto({ bodyScale: 1.75 / AVATAR_EYES }, 0.02);
    await page.evaluate((y) => window.xrDevice!.position.set(0, y, 0), EYE_HEIGHT);
  });

  it("keeps do-not-disturb over a page reload: the panel's button is on and the other companion stays muted", { timeout: 180_000 }, async () => {
    const ownCompanion = () => readHandle(page).then((k) => Object.entries(k.companions).find(([, c]) => c.ownerId === k.userId)?.[0]);
    await page.waitForFunction((id) => id in window.__kindred!.companions, otto.companionId, { timeout: 30_000 });
    await pressPanelButton(page, { x: 0, z: 0 }, "doNotDisturb");
    await page.waitForFunction((id) => window.__kindred!.xr.panel.doNotDisturb.on && window.__kindred!.xr.panel.muted.includes(id), otto.companionId, { timeout: 20_000 });

    await reloadAndEnterVr(page, "Vera", EYE_HEIGHT);
    await page.waitForFunction((id) => window.__kindred!.xr.panel.width > 0 && window.__kindred!.xr.panel.muted.includes(id), otto.companionId, { timeout: 30_000 });
    const panel = (await readHandle(page)).xr.panel;
    expect(panel.doNotDisturb).toEqual({ wanted: true, on: true });
    expect(panel.muted).not.toContain(await ownCompanion());
  });
});
