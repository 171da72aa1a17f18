import type { Page } from "playwright-core";

/**
 * Waits until the page owner's companion has settled: neither it nor its drawn position has
 * moved for a second and a half.
 */
export async function waitForOwnCompanionToSettle(page: Page, timeout = 45_000): Promise<void> {
  await page.waitForFunction(
    () => {
      const k = window.__kindred!;
      const own = Object.values(k.companions).find((c) => c.ownerId === k.userId);
      if (!own) return false;
      const w = window as unknown as { settle?: { x: number; z: number; since: number } };
      const now = performance.now();
      if (!w.settle || Math.hypot(own.x - w.settle.x, own.z - w.settle.z) > 0.02 || own.speed > 0.05) {
        w.settle = { x: own.x, z: own.z, since: now };
        return false;
      }
      return now - w.settle.since > 1500;
    },
    undefined,
    { timeout, polling: 100 },
  );
}
