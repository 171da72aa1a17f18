/**
 * The XR origin (where the tracked space's floor origin stands in the world, and how it is
 * turned) and the maths between the headset's tracked pose and the world. Yaw 0 faces +Z, like
 * the rest of the client; three.js' rotation.y adds to it.
 */
export interface XrOrigin {
  x: number;
  y: number;
  z: number;
  yaw: number;
}

/** A point on the ground plane. */
export interface GroundPoint {
  x: number;
  z: number;
}

/** Where a point of the tracked space (local x, z) lies in the world. */
export function trackedToWorld(origin: XrOrigin, localX: number, localZ: number, out: GroundPoint): GroundPoint {
  const c = Math.cos(origin.yaw);
  const s = Math.sin(origin.yaw);
  out.x = origin.x + localX * c + localZ * s;
  out.z = origin.z - localX * s + localZ * c;
  return out;
}

/** The world yaw of a tracked forward direction (local x, z); the camera looks along its −Z. */
export function trackedYaw(origin: XrOrigin, forwardX: number, forwardZ: number): number {
  return origin.yaw + Math.atan2(forwardX, forwardZ);
}

const head = { x: 0, z: 0 };

/**
 * Moves the origin so that the tracked head (local x, z) stands at world (x, z): teleports,
 * server corrections and walls pushing the view back all come down to this.
 */
export function placeHead(origin: XrOrigin, headX: number, headZ: number, x: number, z: number): void {
  trackedToWorld(origin, headX, headZ, head);
  origin.x += x - head.x;
  origin.z += z - head.z;
}

/** Turns the origin by `angle` radians about the head, so the head stays where it is. */
export function turnAboutHead(origin: XrOrigin, headX: number, headZ: number, angle: number): void {
  trackedToWorld(origin, headX, headZ, head);
  const x = head.x;
  const z = head.z;
  origin.yaw += angle;
  placeHead(origin, headX, headZ, x, z);
}
