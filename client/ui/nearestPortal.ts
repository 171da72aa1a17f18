import type { Portal } from "../../shared/world";

/** The closest portal within `range` metres of (x, z) on the ground, if any. */
export function nearestPortal(portals: readonly Portal[], x: number, z: number, range: number): Portal | null {
  let best: Portal | null = null;
  let bestDistance = range;
  for (const portal of portals) {
    const distance = Math.hypot(portal.position[0] - x, portal.position[2] - z);
    if (distance <= bestDistance) {
      best = portal;
      bestDistance = distance;
    }
  }
  return best;
}
