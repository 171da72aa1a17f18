import { slideMove, type Walkable } from "../../shared/world";
import type { GroundPoint } from "./rig";

/** Longest sub-step, metres: shorter than any wall is thick plus a body's width (as on foot). */
const MAX_SUBSTEP_METRES = 0.2;
const slid = { x: 0, z: 0 };

/**
 * Moves `body` towards where the headset is (toX, toZ), sliding along walls with the room's own
 * rule. Returns the distance moved; where a wall stopped it, the caller pushes the view back.
 */
export function followHead(walkable: Walkable, body: GroundPoint, toX: number, toZ: number): number {
  const distance = Math.hypot(toX - body.x, toZ - body.z);
  if (distance < 1e-6) return 0;
  const substeps = Math.ceil(distance / MAX_SUBSTEP_METRES);
  const stepX = (toX - body.x) / substeps;
  const stepZ = (toZ - body.z) / substeps;
  let moved = 0;
  for (let i = 1; i <= substeps; i++) {
    // The last step aims at the head itself, so open ground leaves no rounding drift (only
    // when that is a short step: a body held back by a wall must not hop through it).
    const last = i === substeps && Math.hypot(toX - body.x, toZ - body.z) <= MAX_SUBSTEP_METRES;
    slideMove(walkable, body.x, body.z, last ? toX : body.x + stepX, last ? toZ : body.z + stepZ, slid);
    moved += Math.hypot(slid.x - body.x, slid.z - body.z);
    body.x = slid.x;
    body.z = slid.z;
  }
  return moved;
}
