import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MAX_BODY_SCALE } from "../../client/people/bodyScale";
import { HEIGHT_SETTING_KEY, type StoredHeight } from "../../client/xr/heightStorage";
import { joinAsCompanionOwner, type CompanionOwner } from "../../bench/support/companionOwner";
import { launchChromium } from "./support/chromium";
import { installEmulatedHeadset } from "./support/emulatedHeadset";
import { STAND_UP_HOLD_S } from "../../client/xr/standUpWatch";
import { joinAndEnterVr, joinOnDesktop, pressPanelButton, readHandle, reloadAndEnterVr, waitFrames } from "./support/headsetPage";
import { startTestServer, type TestServer } from "./support/kindredServer";

/** The preset avatar's (wren's) own eye height standing, m. */
const AVATAR_EYES = 1.44;
/** Where a seated person's eyes are (tracked space, m above the real floor): a chair, then a lower one. */
const SEATED_EYES = 1.2;
const LOW_SEAT_EYES = 1.05;
/** A very tall person: taller than the avatar can grow to (1.4 × 1.44 ≈ 2.02 m). */
const VERY_TALL_EYES = 2.3;
/** A person taller than the avatar, whom it can grow to. */
const TALL_EYES = 1.6;
const HEAD = { x: 0, z: 0 };

/**
 * Seated and standing height in the (emulated) headset: the panel's seated choice and height
 * calibration move the view to the avatar's eyes and size the avatar, as seen from inside (the
 * rendered camera, one's own body) and by others (the eye height and body scale the room passes
 * on, and the avatar Dora's page draws), and a reload keeps them.
 */
describe("eye height in immersive mode", () => {
  let kindred: TestServer;
  let browser: Browser;
  let page: Page;
  let observer: CompanionOwner;
  /** Someone on the desktop, watching Vera's avatar. */
  let dora: Page;

  beforeAll(async () => {
    kindred = await startTestServer();
    browser = await launchChromium();
    page = await (await browser.newContext({ viewport: { width: 640, height: 480 } })).newPage();
    await installEmulatedHeadset(page);
    await joinAndEnterVr(page, kindred.server.url, "Vera", SEATED_EYES);
    await page.waitForFunction(() => window.__kindred!.xr.height.avatarEyeY > 0 && window.__kindred!.self.loaded, undefined, { timeout: 60_000 });
    observer = await joinAsCompanionOwner(kindred.server.url, "Otto", "plaza");
    dora = await (await browser.newContext({ viewport: { width: 640, height: 480 } })).newPage();
    await joinOnDesktop(dora, kindred.server.url, "Dora");
  }, 240_000);

  afterAll(async () => {
    await observer?.leave();
    await browser?.close();
    await kindred?.close();
  });

  const holdHeadsetAt = (y: number) => page.evaluate((y) => window.xrDevice!.position.set(0, y, 0), y);

  /** Waits until the rendered eyes are `eyeY` above the feet (within 1 cm). */
  async function untilEyesAt(eyeY: number): Promise<void> {
    await page.waitForFunction((want) => Math.abs(window.__kindred!.xr.height.eyeY - want) < 0.01, eyeY, { timeout: 20_000, polling: 100 }).catch(async (error: unknown) => {
      throw new Error(`the eyes stayed at ${(await readHandle(page)).xr.height.eyeY} m, not ${eyeY} m: ${String(error)}`);
    });
  }

  /** Waits until the other person sees Vera's eyes `height` above her feet (within 1 cm): the room's copy of her head. */
  async function untilOthersSeeEyesAt(height: number): Promise<void> {
    const vera = (await readHandle(page)).sessionId;
    await expect.poll(() => observer.room.state.players.get(vera)?.xr?.headHeight ?? 0, { timeout: 10_000 }).toBeCloseTo(height, 2);
  }

  /** The avatar's own eye height standing, as Vera's page measured it. */
  const avatarEyes = async () => (await readHandle(page)).xr.height.avatarEyeY;

  /**
   * Waits until Vera's own body is drawn at `scale`, the room passes that scale on, and Dora's
   * page draws Vera's loaded avatar at it (each within 0.005).
   */
  async function untilScaledTo(scale: number): Promise<void> {
    await page.waitForFunction((want) => Math.abs(window.__kindred!.self.bodyScale - want) < 5e-3, scale, { timeout: 20_000, polling: 100 }).catch(async (error: unknown) => {
      throw new Error(`Vera's own body stayed at scale ${(await readHandle(page)).self.bodyScale}, not ${scale}: ${String(error)}`);
    });
    const vera = (await readHandle(page)).sessionId;
    await expect.poll(() => observer.room.state.players.get(vera)?.xr?.bodyScale ?? 0, { timeout: 10_000 }).toBeCloseTo(scale, 3);
    await dora
      .waitForFunction(({ id, want }) => window.__kindred!.players[id]?.loaded === true && Math.abs(window.__kindred!.players[id]!.bodyScale - want) < 5e-3, { id: vera, want: scale }, { timeout: 20_000, polling: 100 })
      .catch(async (error: unknown) => {
        throw new Error(`Dora's page draws Vera at scale ${(await readHandle(dora)).players[vera]?.bodyScale}, not ${scale}: ${String(error)}`);
      });
  }

  it("seated, shows the world from the avatar's standing eye height, and others see it stand with its eyes there", async () => {
    expect((await readHandle(page)).xr.height.avatarEyeY).toBeCloseTo(AVATAR_EYES, 2);
    // Standing mode: the real (seated) eye height, and a body sitting down.
    await untilEyesAt(SEATED_EYES);
    await pressPanelButton(page, HEAD, "heightMode");
    await untilEyesAt(AVATAR_EYES);
    const vera = await readHandle(page);
    expect(vera.xr.height.mode).toBe("seated");
    expect(vera.self.bodyScale).toBe(1);
    await page.waitForFunction(() => window.__kindred!.xr.ownBody.stance === "standing", undefined, { timeout: 10_000 });
    await untilOthersSeeEyesAt(AVATAR_EYES);
  });

  it("calibrates a lower seat, and keeps it over a reload", { timeout: 180_000 }, async () => {
    await holdHeadsetAt(LOW_SEAT_EYES);
    // The standard seated height is assumed until calibrated: these eyes stay 15 cm low.
    await untilEyesAt(AVATAR_EYES - (SEATED_EYES - LOW_SEAT_EYES));
    await pressPanelButton(page, HEAD, "calibrateHeight");
    await untilEyesAt(AVATAR_EYES);
    expect((await readHandle(page)).xr.height.seatedEyeHeight).toBeCloseTo(LOW_SEAT_EYES, 3);

    await reloadAndEnterVr(page, "Vera", LOW_SEAT_EYES);
    const after = (await readHandle(page)).xr.height;
    expect(after.mode).toBe("seated");
    expect(after.seatedEyeHeight).toBeCloseTo(LOW_SEAT_EYES, 3);
    await untilEyesAt(AVATAR_EYES);
    await untilOthersSeeEyesAt(AVATAR_EYES);
  });

  it("grows a very tall person's avatar as far as it goes and lowers their view to its eyes, as others see them too", async () => {
    await pressPanelButton(page, HEAD, "heightMode");
    expect((await readHandle(page)).xr.height.mode).toBe("standing");
    await holdHeadsetAt(VERY_TALL_EYES);
    await pressPanelButton(page, HEAD, "calibrateHeight");
    // The avatar as measured (AVATAR_EYES to the centimetre): a grown body multiplies the difference.
    const grownEyes = (await avatarEyes()) * MAX_BODY_SCALE;
    await untilEyesAt(grownEyes);
    await page.waitForFunction((max) => Math.abs(window.__kindred!.self.bodyScale - max) < 1e-3, MAX_BODY_SCALE, { timeout: 20_000 });
    const vera = await readHandle(page);
    expect(vera.xr.height.standingEyeHeight).toBeCloseTo(VERY_TALL_EYES, 3);
    expect(vera.xr.ownBody.stance).toBe("standing");
    await untilOthersSeeEyesAt(grownEyes);
    await untilScaledTo(MAX_BODY_SCALE);
  });

  it("shrinks the avatar back for a lower calibration and in seated mode, and others draw it at the size its wearer sees, sitting or not", async () => {
    const calibratedScale = TALL_EYES / (await avatarEyes());
    await holdHeadsetAt(TALL_EYES);
    await pressPanelButton(page, HEAD, "calibrateHeight");
    await untilEyesAt(TALL_EYES);
    await untilScaledTo(calibratedScale);

    // Sat down on a chair, then seated mode: the view is lifted to the avatar's own eyes, at its own size.
    await holdHeadsetAt(SEATED_EYES);
    await pressPanelButton(page, HEAD, "heightMode");
    expect((await readHandle(page)).xr.height.mode).toBe("seated");
    await untilScaledTo(1);

    // Standing mode again, still on the chair: the calibration grows the avatar at once, and others
    // see it so though the head they are sent is at seated height.
    await pressPanelButton(page, HEAD, "heightMode");
    expect((await readHandle(page)).xr.height.mode).toBe("standing");
    await untilScaledTo(calibratedScale);
    await untilOthersSeeEyesAt(SEATED_EYES);
  });

  it("switches to standing when its wearer stands up in seated mode, and says so on the panel", async () => {
    await pressPanelButton(page, HEAD, "heightMode");
    expect((await readHandle(page)).xr.height.mode).toBe("seated");
    await untilScaledTo(1);
    // A moment up (leaning, reaching) is no standing up. Timed in the page: a round trip from the
    // test can take seconds on a busy machine.
    await page.evaluate(
      ({ up, down, ms }) =>
        new Promise<void>((resolve) => {
          window.xrDevice!.position.set(0, up, 0);
          setTimeout(() => {
            window.xrDevice!.position.set(0, down, 0);
            resolve();
          }, ms);
        }),
      { up: TALL_EYES, down: SEATED_EYES, ms: STAND_UP_HOLD_S * 250 },
    );
    await waitFrames(page, 5);
    expect((await readHandle(page)).xr.height.mode).toBe("seated");

    const stoodAt = Date.now();
    await holdHeadsetAt(TALL_EYES);
    await page.waitForFunction(() => window.__kindred!.xr.height.mode === "standing", undefined, { timeout: 20_000, polling: 100 });
    expect(Date.now() - stoodAt).toBeGreaterThanOrEqual(STAND_UP_HOLD_S * 1000);
    expect((await readHandle(page)).xr.height.notice).toMatch(/^Standing: you stood up/);
    // Standing: the real (calibrated) eye height, the avatar grown to it, as others see it.
    await untilEyesAt(TALL_EYES);
    await untilScaledTo(TALL_EYES / (await avatarEyes()));
  });

  it("forgets the calibration with Reset height, in this visit and the next", async () => {
    await pressPanelButton(page, HEAD, "resetHeight");
    expect((await readHandle(page)).xr.height.standingEyeHeight).toBeNull();
    const stored = await page.evaluate((key) => JSON.parse(localStorage.getItem(key) ?? "null") as StoredHeight, HEIGHT_SETTING_KEY);
    expect(stored).toMatchObject({ mode: "standing", standingEyeHeight: null });
    // The other mode's calibration stays.
    expect(stored.seatedEyeHeight).toBeCloseTo(LOW_SEAT_EYES, 3);
  });

  it("refuses to calibrate from a headset no eye could be at, and says why on the panel", async () => {
    await holdHeadsetAt(0.3);
    await pressPanelButton(page, HEAD, "calibrateHeight");
    const height = (await readHandle(page)).xr.height;
    expect(height.standingEyeHeight).toBeNull();
    expect(height.refusal).toMatch(/^Not calibrated: the headset is 0\.30 m/);
  });
});
