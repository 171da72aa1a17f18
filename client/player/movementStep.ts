import { RUN_SPEED, WALK_SPEED } from "../../shared/protocol";
import { slideMove, type Walkable } from "../../shared/world";
import { turnTowards } from "../math/angles";
import type { MovementIntent } from "./inputMapping";

/** Where the player stands and faces. Yaw 0 faces +Z; forward is (sin yaw, cos yaw). */
export interface Pose {
  x: number;
  y: number;
  z: number;
  yaw: number;
}

/**
 * Longest frame simulated: a slow software-rendered frame still moves at real speed, but a
 * background tab's minute-long pause does not become a teleport.
 */
export const MAX_STEP_SECONDS = 0.25;
/** Longest single sub-step, in metres: shorter than any wall is thick plus a body's width. */
const MAX_SUBSTEP_METRES = 0.2;
/** How quickly the body turns to face where it walks (per second, exponential). */
const TURN_RATE = 12;

const slid = { x: 0, z: 0 };

/**
 * Moves `pose` one frame according to `intent`, relative to the camera's yaw, sliding along
 * obstacles and bounds with the same rule the server checks. Returns the distance moved.
 */
export function stepMovement(pose: Pose, intent: MovementIntent, cameraYaw: number, seconds: number, walkable: Walkable): number {
  const dt = Math.min(Math.max(seconds, 0), MAX_STEP_SECONDS);
  if (intent.forward === 0 && intent.right === 0) return 0;
  const sin = Math.sin(cameraYaw);
  const cos = Math.cos(cameraYaw);
  // forward = (sin, cos); right = (−cos, sin): the camera's right when it looks along forward.
  const dx = sin * intent.forward - cos * intent.right;
  const dz = cos * intent.forward + sin * intent.right;
  const step = (intent.run ? RUN_SPEED : WALK_SPEED) * dt;
  const substeps = Math.max(1, Math.ceil(step / MAX_SUBSTEP_METRES));
  const part = step / substeps;
  let moved = 0;
  for (let i = 0; i < substeps; i++) {
    slideMove(walkable, pose.x, pose.z, pose.x + dx * part, pose.z + dz * part, slid);
    moved += Math.hypot(slid.x - pose.x, slid.z - pose.z);
    pose.x = slid.x;
    pose.z = slid.z;
  }
  pose.yaw = turnTowards(pose.yaw, Math.atan2(dx, dz), 1 - Math.exp(-TURN_RATE * dt));
  return moved;
}
