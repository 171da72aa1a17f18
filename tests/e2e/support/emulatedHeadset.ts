import { createRequire } from "node:module";
import type { Page } from "playwright-core";

/** iwer's browser build: it defines `IWER` on the page before any of the app's scripts run. */
const IWER_BUILD = createRequire(import.meta.url).resolve("iwer/build/iwer.min.js");

/** What the page keeps of the emulated Quest 3 (`window.xrDevice`), for tests and benchmarks to drive. */
export interface EmulatedHeadset {
  position: { x: number; y: number; z: number; set(x: number, y: number, z: number): void };
  quaternion: { set(x: number, y: number, z: number, w: number): void };
  activeSession?: { end(): Promise<void> };
  controllers: Record<
    "left" | "right",
    {
      position: { set(x: number, y: number, z: number): void };
      quaternion: { set(x: number, y: number, z: number, w: number): void };
      updateAxes(id: string, x: number, y: number): void;
      updateButtonValue(id: string, value: number): void;
    }
  >;
}
declare global {
  interface Window {
    xrDevice?: EmulatedHeadset;
  }
}

/**
 * Headless Chromium's own navigator.xr offers no VR: installs iwer's runtime (an emulated Quest 3,
 * forceInstall) on every page `page` loads from now on, before the app's scripts run.
 */
export async function installEmulatedHeadset(page: Page): Promise<void> {
  await page.addInitScript({ path: IWER_BUILD });
  await page.addInitScript(() => {
    const IWER = (window as unknown as { IWER: { XRDevice: new (config: unknown) => EmulatedHeadset & { installRuntime(o: object): void }; metaQuest3: unknown } }).IWER;
    const device = new IWER.XRDevice(IWER.metaQuest3);
    device.installRuntime({ forceInstall: true });
    (window as unknown as { xrDevice: EmulatedHeadset }).xrDevice = device;
  });
}
