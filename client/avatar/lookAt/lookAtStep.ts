import { MathUtils, Matrix4, Quaternion, Vector3 } from "three";
import type { VRMLookAt } from "@pixiv/three-vrm";
import type { Eyes } from "./eyes";

/** What VRMLookAt keeps to itself (protected and private there). */
interface LookAtInternals {
  _yaw: number;
  _pitch: number;
  _needsUpdate: boolean;
  _restHeadWorldQuaternion: Quaternion;
}

const headRotation = new Quaternion();
const unscaled = new Matrix4();
const targetPosition = new Vector3();

/**
 * `VRMLookAt.update()` of three-vrm 3.5 without its garbage: where the eyes point (yaw and
 * pitch from the head to the target, in the head's rest frame, relative to `faceFront`) is the
 * same arithmetic in the same order on plain numbers; three-vrm's version builds two arrays
 * per call for the angles (and destructures them through iterators). The eyes are then moved
 * by `eyes` (see `eyesFor`), made for the model's applier; should the lookAt have been
 * given another applier since, by that applier, as three-vrm does.
 */
export function updateLookAt(lookAt: VRMLookAt, eyes: Eyes): void {
  const internals = lookAt as unknown as LookAtInternals;
  const target = lookAt.target;
  if (target && lookAt.autoUpdate) {
    target.getWorldPosition(targetPosition);
    const head = lookAt.humanoid.getRawBoneNode("head");
    if (!head) throw new Error("lookAt needs the humanoid's head bone");
    // The head's turn from its rest pose, undone: rest * inverse(current).
    worldRotation(head.matrixWorld, headRotation);
    const rest = internals._restHeadWorldQuaternion;
    const ax = rest.x, ay = rest.y, az = rest.z, aw = rest.w;
    const bx = -headRotation.x, by = -headRotation.y, bz = -headRotation.z, bw = headRotation.w;
    const qx = ax * bw + aw * bx + ay * bz - az * by;
    const qy = ay * bw + aw * by + az * bx - ax * bz;
    const qz = az * bw + aw * bz + ax * by - ay * bx;
    const qw = aw * bw - ax * bx - ay * by - az * bz;
    // From the eyes' origin to the target, turned by that.
    const o = lookAt.offsetFromHeadBone;
    const e = head.matrixWorld.elements;
    const w = 1 / (e[3]! * o.x + e[7]! * o.y + e[11]! * o.z + e[15]!);
    const vx = targetPosition.x - (e[0]! * o.x + e[4]! * o.y + e[8]! * o.z + e[12]!) * w;
    const vy = targetPosition.y - (e[1]! * o.x + e[5]! * o.y + e[9]! * o.z + e[13]!) * w;
    const vz = targetPosition.z - (e[2]! * o.x + e[6]! * o.y + e[10]! * o.z + e[14]!) * w;
    const tx = 2 * (qy * vz - qz * vy);
    const ty = 2 * (qz * vx - qx * vz);
    const tz = 2 * (qx * vy - qy * vx);
    let dx = vx + qw * tx + qy * tz - qz * ty;
    let dy = vy + qw * ty + qz * tx - qx * tz;
    let dz = vz + qw * tz + qx * ty - qy * tx;
    const s = 1 / (Math.sqrt(dx * dx + dy * dy + dz * dz) || 1);
    dx *= s;
    dy *= s;
    dz *= s;
    const front = lookAt.faceFront;
    const azimuthFrom = Math.atan2(-front.z, front.x);
    const altitudeFrom = Math.atan2(front.y, Math.sqrt(front.x * front.x + front.z * front.z));
    const azimuthTo = Math.atan2(-dz, dx);
    const altitudeTo = Math.atan2(dy, Math.sqrt(dx * dx + dz * dz));
    let yaw = azimuthTo - azimuthFrom;
    yaw -= 2 * Math.PI * Math.round(yaw / 2 / Math.PI);
    let pitch = altitudeFrom - altitudeTo;
    pitch -= 2 * Math.PI * Math.round(pitch / 2 / Math.PI);
    internals._yaw = MathUtils.RAD2DEG * yaw;
    internals._pitch = MathUtils.RAD2DEG * pitch;
    internals._needsUpdate = true;
  }
  if (internals._needsUpdate) {
    internals._needsUpdate = false;
    if (eyes.source === lookAt.applier) eyes.apply(internals);
    else lookAt.applier.applyYawPitch(internals._yaw, internals._pitch);
  }
}

/**
 * The rotation `matrix.decompose()` gives, computed as three does (scale taken out of each
 * column, the first one negated when the matrix mirrors) without numbers passed across calls.
 */
function worldRotation(matrix: Matrix4, out: Quaternion): void {
  const te = matrix.elements;
  const n11 = te[0]!, n12 = te[4]!, n13 = te[8]!;
  const n21 = te[1]!, n22 = te[5]!, n23 = te[9]!;
  const n31 = te[2]!, n32 = te[6]!, n33 = te[10]!;
  const det = n11 * (n22 * n33 - n23 * n32) - n12 * (n21 * n33 - n23 * n31) + n13 * (n21 * n32 - n22 * n31);
  if (det === 0) {
    out.identity();
    return;
  }
  let sx = Math.sqrt(n11 * n11 + n21 * n21 + n31 * n31);
  const sy = Math.sqrt(n12 * n12 + n22 * n22 + n32 * n32);
  const sz = Math.sqrt(n13 * n13 + n23 * n23 + n33 * n33);
  if (det < 0) sx = -sx;
  const u = unscaled.copy(matrix).elements;
  const invSX = 1 / sx;
  const invSY = 1 / sy;
  const invSZ = 1 / sz;
  u[0]! *= invSX;
  u[1]! *= invSX;
  u[2]! *= invSX;
  u[4]! *= invSY;
  u[5]! *= invSY;
  u[6]! *= invSY;
  u[8]! *= invSZ;
  u[9]! *= invSZ;
  u[10]! *= invSZ;
  out.setFromRotationMatrix(unscaled);
}
