import { TELEPORT_MAX_METRES } from "../../shared/protocol";
import { blockingObstacle, insideBounds, type Walkable } from "../../shared/world";

/** Launch speed of the aiming arc (m/s): about 7 m of reach from a hand at chest height. */
export const ARC_SPEED = 8;
export const ARC_GRAVITY = 9.8;
const ARC_STEP_SECONDS = 0.04;
/** Points of the drawn arc; an arc that has not landed by then has no target. */
export const ARC_MAX_POINTS = 64;

/** A traced arc: `count` points (x, y, z) in `points`, and where it meets the ground, if it does. */
export interface Arc {
  points: Float32Array;
  count: number;
  landed: boolean;
  x: number;
  z: number;
}

export function createArc(): Arc {
  return { points: new Float32Array(ARC_MAX_POINTS * 3), count: 0, landed: false, x: 0, z: 0 };
}

/**
 * Traces a thrown point from (x, y, z) along the unit direction (dx, dy, dz) until it falls to
 * `groundY`. The last point is the landing point, found by interpolating the final step.
 */
export function traceArc(x: number, y: number, z: number, dx: number, dy: number, dz: number, groundY: number, out: Arc): Arc {
  const vx = dx * ARC_SPEED;
  const vz = dz * ARC_SPEED;
  let vy = dy * ARC_SPEED;
  out.landed = false;
  out.count = 0;
  let px = x;
  let py = y;
  let pz = z;
  for (let i = 0; i < ARC_MAX_POINTS; i++) {
    out.points[i * 3] = px;
    out.points[i * 3 + 1] = py;
    out.points[i * 3 + 2] = pz;
    out.count = i + 1;
    const nx = px + vx * ARC_STEP_SECONDS;
    const ny = py + vy * ARC_STEP_SECONDS;
    const nz = pz + vz * ARC_STEP_SECONDS;
    vy -= ARC_GRAVITY * ARC_STEP_SECONDS;
    if (ny <= groundY && i + 1 < ARC_MAX_POINTS) {
      const t = (py - groundY) / (py - ny);
      out.x = px + (nx - px) * t;
      out.z = pz + (nz - pz) * t;
      out.points[(i + 1) * 3] = out.x;
      out.points[(i + 1) * 3 + 1] = groundY;
      out.points[(i + 1) * 3 + 2] = out.z;
      out.count = i + 2;
      out.landed = true;
      return out;
    }
    px = nx;
    py = ny;
    pz = nz;
  }
  return out;
}

/**
 * Why a teleport from (fromX, fromZ) to (toX, toZ) is refused, or null when it is allowed: the
 * room's own rule (server/rooms/teleportCheck) — walkable ground within TELEPORT_MAX_METRES. The
 * arc flies over obstacles on the way.
 */
export function teleportRefusal(walkable: Walkable, fromX: number, fromZ: number, toX: number, toZ: number): string | null {
  if (!insideBounds(walkable, toX, toZ)) return "outside the world";
  if (blockingObstacle(walkable, toX, toZ)) return "inside an obstacle";
  if (Math.hypot(toX - fromX, toZ - fromZ) > TELEPORT_MAX_METRES) return "too far";
  return null;
}
