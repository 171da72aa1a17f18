import { RUN_SPEED } from "../../shared/protocol";
import type { GroundPoint } from "./rig";

/** How often the head pose goes to the room while it changes (the room accepts up to 30 a second). */
export const XR_MOVE_SEND_HZ = 20;
/**
 * The longest interval the catch-up counts: the room counts at most a second of elapsed time
 * for its speed check, so a long pause must not bank a long jump.
 */
const MAX_COUNTED_SECONDS = 1;

/**
 * The position to report next when the body is at `target` and `sent` was reported `elapsedMs`
 * ago. A fast head move is reported as a run towards the new place (at most RUN_SPEED),
 * because the room refuses poses that move faster than a person can (a teleport goes as its
 * own flagged jump instead).
 */
export function nextReported(sent: GroundPoint, target: GroundPoint, elapsedMs: number, out: GroundPoint): GroundPoint {
  const dx = target.x - sent.x;
  const dz = target.z - sent.z;
  const distance = Math.hypot(dx, dz);
  const allowed = RUN_SPEED * Math.min(Math.max(elapsedMs, 0) / 1000, MAX_COUNTED_SECONDS);
  if (distance <= allowed) {
    out.x = target.x;
    out.z = target.z;
  } else {
    out.x = sent.x + (dx / distance) * allowed;
    out.z = sent.z + (dz / distance) * allowed;
  }
  return out;
}
