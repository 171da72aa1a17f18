import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MAX_BODY_SCALE } from "../../client/people/bodyScale";
import { HEIGHT_SETTING_KEY, type StoredHeight } from "../../client/xr/heightStorage";
import { joinAsCompanionOwner, type CompanionOwner } from "../../bench/support/companionOwner";
import { launchChromium } from "./support/chromium";
import { installEmulatedHeadset } from "./support/emulatedHeadset";
import { joinAndEnterVr, pressPanelButton, readHandle, reloadAndEnterVr } from "./support/headsetPage";
import { startTestServer, type TestServer } from "./support/kindredServer";

/** The preset avatar's (wren's) own eye height standing, m. */
const AVATAR_EYES = 1.44;
/** Where a seated person's eyes are (tracked space, m above the real floor): a chair, then a lower one. */
const SEATED_EYES = 1.2;
const LOW_SEAT_EYES = 1.05;
/** A very tall person: taller than the avatar can grow to (1.4 × 1.44 ≈ 2.02 m). */
const VERY_TALL_EYES = 2.3;
const HEAD = { x: 0, z: 0 };

/**
 * Seated and standing height in the (emulated) headset: the panel's seated choice and height
 * calibration move the view to the avatar's eyes, as seen from inside (the rendered camera) and
 * by others (the eye height the room passes on), and a reload keeps them.
 */
describe("eye height in immersive mode", () => {
  let kindred: TestServer;
  let browser: Browser;
  let page: Page;
  let observer: CompanionOwner;

  beforeAll(async () => {
    kindred = await startTestServer();
    browser = await launchChromium();
    page = await (await browser.newContext({ viewport: { width: 640, height: 480 } })).newPage();
    await installEmulatedHeadset(page);
    await joinAndEnterVr(page, kindred.server.url, "Vera", SEATED_EYES);
    await page.waitForFunction(() => window.__kindred!.xr.height.avatarEyeY > 0 && window.__kindred!.self.loaded, undefined, { timeout: 60_000 });
    observer = await joinAsCompanionOwner(kindred.server.url, "Otto", "plaza");
  }, 180_000);

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
    const grownEyes = AVATAR_EYES * MAX_BODY_SCALE;
    await untilEyesAt(grownEyes);
    await page.waitForFunction((max) => Math.abs(window.__kindred!.self.bodyScale - max) < 1e-3, MAX_BODY_SCALE, { timeout: 20_000 });
    const vera = await readHandle(page);
    expect(vera.xr.height.standingEyeHeight).toBeCloseTo(VERY_TALL_EYES, 3);
    expect(vera.xr.ownBody.stance).toBe("standing");
    await untilOthersSeeEyesAt(grownEyes);
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
