import type { Page } from "playwright-core";
import { Quaternion, Vector3 } from "three";
import type { KindredHandle } from "../../../client/automation/kindredHandle";
import type { PanelTarget } from "../../../client/xr/xrStatus";

/** Where a test holds the right controller when it presses a panel button: at hand height (tracked space, m). */
export const HAND_HEIGHT = 1.2;

/** A copy of the page's automation handle (`window.__kindred`) as it is now. */
export function readHandle(page: Page): Promise<KindredHandle> {
  return page.evaluate(() => JSON.parse(JSON.stringify(window.__kindred)) as KindredHandle);
}

/** Waits until the page has rendered `count` more frames. */
export async function waitFrames(page: Page, count: number): Promise<void> {
  const start = await page.evaluate(() => window.__kindred!.frame.count);
  await page.waitForFunction((until) => window.__kindred!.frame.count >= until, start + count, { timeout: 30_000 });
}

/**
 * Holds the right controller at hand height under the headset (at `head`, tracked space), its ray
 * on the panel button `name`, and pulls and releases the trigger; the trigger on the panel must
 * not aim a teleport.
 */
export async function pressPanelButton(page: Page, head: { x: number; z: number }, name: PanelTarget): Promise<void> {
  const target = (await readHandle(page)).xr.panel.targets[name];
  const hand = new Vector3(head.x + 0.1, HAND_HEIGHT, head.z - 0.1);
  const along = new Vector3(target.x, target.y, target.z).sub(hand).normalize();
  const q = new Quaternion().setFromUnitVectors(new Vector3(0, 0, -1), along);
  await page.evaluate(
    ({ p, q }) => {
      const right = window.xrDevice!.controllers.right;
      right.position.set(p.x, p.y, p.z);
      right.quaternion.set(q.x, q.y, q.z, q.w);
    },
    { p: { x: hand.x, y: hand.y, z: hand.z }, q: { x: q.x, y: q.y, z: q.z, w: q.w } },
  );
  await page.waitForFunction(() => window.__kindred!.xr.panel.pointed > 0, undefined, { timeout: 20_000 });
  await page.evaluate(() => window.xrDevice!.controllers.right.updateButtonValue("trigger", 1));
  await waitFrames(page, 3);
  if ((await readHandle(page)).xr.teleport.aiming) throw new Error(`pulling the trigger on the panel's ${name} button aimed a teleport`);
  await page.evaluate(() => window.xrDevice!.controllers.right.updateButtonValue("trigger", 0));
  await waitFrames(page, 3);
}

/** Signs in as `name` on the page (which has the emulated headset installed), waits for the world, and enters VR with the headset level at `eyeHeight`. */
export async function joinAndEnterVr(page: Page, url: string, name: string, eyeHeight: number): Promise<void> {
  await page.goto(url);
  await page.getByTestId("name-input").fill(name);
  await joinWithHeadsetAt(page, eyeHeight);
}

/** Signs in as `name` on a page without a headset (someone watching from the desktop) and waits for the world. */
export async function joinOnDesktop(page: Page, url: string, name: string): Promise<void> {
  await page.goto(url);
  await page.getByTestId("name-input").fill(name);
  await join(page);
}

/**
 * Reloads the page (the browser keeps its storage), signs in again under the remembered name
 * `name`, and enters VR with the headset level at `eyeHeight`.
 */
export async function reloadAndEnterVr(page: Page, name: string, eyeHeight: number): Promise<void> {
  await page.reload();
  await page.waitForFunction((want) => (document.querySelector("[data-testid=name-input]") as HTMLInputElement | null)?.value === want, name, { timeout: 20_000 });
  await joinWithHeadsetAt(page, eyeHeight);
}

async function join(page: Page): Promise<void> {
  await page.getByTestId("join-button").click();
  await page.waitForFunction(() => window.__kindred?.ready === true, undefined, { timeout: 60_000 });
}

async function joinWithHeadsetAt(page: Page, eyeHeight: number): Promise<void> {
  await join(page);
  await page.evaluate((y) => {
    window.xrDevice!.position.set(0, y, 0);
    window.xrDevice!.quaternion.set(0, 0, 0, 1);
  }, eyeHeight);
  await enterVr(page);
}

/** Presses Enter VR and waits until the session runs and one's own body is worn (drawn from inside). */
export async function enterVr(page: Page): Promise<void> {
  await page.getByTestId("enter-vr").click();
  await page.waitForFunction(() => window.__kindred!.xr.presenting && window.__kindred!.xr.ownBody.firstPerson, undefined, { timeout: 60_000 });
}
