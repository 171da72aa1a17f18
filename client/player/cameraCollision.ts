/** Space kept between the camera and the wall it backs into, so the near plane stays clear. */
export const CAMERA_WALL_MARGIN = 0.3;
/** Closest the camera comes to the head, even against a wall. */
export const CAMERA_MIN_DISTANCE = 0.7;
/** How fast the camera eases back out once the obstruction is gone (per second, exponential). */
const RECOVER_RATE = 4;

/** The farthest the camera may sit from the head, given the nearest solid hit along its line. */
export function allowedCameraDistance(desired: number, hitDistance: number | null): number {
  if (hitDistance === null || hitDistance - CAMERA_WALL_MARGIN >= desired) return desired;
  return Math.max(CAMERA_MIN_DISTANCE, Math.min(desired, hitDistance - CAMERA_WALL_MARGIN));
}

/**
 * The camera distance for this frame: it jumps in at once (never a frame inside a wall) and
 * eases back out smoothly (no popping when a pillar passes).
 */
export function nextCameraDistance(current: number, allowed: number, seconds: number): number {
  if (allowed <= current) return allowed;
  return current + (allowed - current) * (1 - Math.exp(-RECOVER_RATE * Math.max(0, seconds)));
}

/** The unit vector from the head to the camera for an orbit yaw and pitch (pitch > 0: above). */
export function cameraDirection(yaw: number, pitch: number, out: { x: number; y: number; z: number }) {
  const horizontal = Math.cos(pitch);
  out.x = -Math.sin(yaw) * horizontal;
  out.y = Math.sin(pitch);
  out.z = -Math.cos(yaw) * horizontal;
  return out;
}
