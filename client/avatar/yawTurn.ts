import type { Vector3 } from "three";

/**
 * `v.applyAxisAngle(UP, direction * body.yaw)` with UP = +Y, three's arithmetic step for step
 * (the quaternion of `setFromAxisAngle`, then `applyQuaternion`), so the result is the same to
 * the bit. The angle is read from `body` (and its sign given as a small integer) rather than
 * passed: a number handed to a call the optimiser does not inline is boxed on the heap, and the
 * driver turns a head position this way every update.
 */
export function turnAboutUp(v: Vector3, body: { readonly yaw: number }, direction: 1 | -1): Vector3 {
  const halfAngle = (direction * body.yaw) / 2;
  const s = Math.sin(halfAngle);
  const qx = 0 * s;
  const qy = 1 * s;
  const qz = 0 * s;
  const qw = Math.cos(halfAngle);
  const vx = v.x;
  const vy = v.y;
  const vz = v.z;
  const tx = 2 * (qy * vz - qz * vy);
  const ty = 2 * (qz * vx - qx * vz);
  const tz = 2 * (qx * vy - qy * vx);
  v.x = vx + qw * tx + qy * tz - qz * ty;
  v.y = vy + qw * ty + qz * tx - qx * tz;
  v.z = vz + qw * tz + qx * ty - qy * tx;
  return v;
}
