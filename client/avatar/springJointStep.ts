import { Matrix4, type Object3D, type Quaternion, type Vector3 } from "three";
import type { VRMSpringBoneJoint } from "@pixiv/three-vrm";
import { collideTail, collisionHit, collisionQuery } from "./springCollision";

/** The state three-vrm keeps in a joint (private there), read and written as its own update does. */
export interface JointInternals {
  readonly bone: Object3D;
  readonly child: Object3D | null;
  settings: VRMSpringBoneJoint["settings"];
  colliderGroups: VRMSpringBoneJoint["colliderGroups"];
  _currentTail: Vector3;
  _prevTail: Vector3;
  _boneAxis: Vector3;
  _worldSpaceBoneLength: number;
  _initialLocalMatrix: Matrix4;
  _initialLocalRotation: Quaternion;
  _initialLocalChildPosition: Vector3;
  _getMatrixCenterToWorld(): Matrix4;
  _getMatrixWorldToCenter(): Matrix4;
}

interface QuaternionFields {
  _x: number;
  _y: number;
  _z: number;
  _w: number;
  _onChangeCallback(): void;
}

const IDENTITY = new Matrix4();
const initialWorldInverse = new Matrix4();

/**
 * One step of a spring joint: `VRMSpringBoneJoint.update` of three-vrm 3.5 (verlet integration
 * of the tail, stiffness towards the rest axis, gravity, drag, length kept, collisions, then the
 * bone turned to point at the tail), the same operations in the same order on plain numbers.
 * Each vector method three-vrm chains hands numbers across calls (`length()`, `dot()`,
 * `multiplyScalar(s)`), and in a function that size the optimiser stops inlining them, so
 * every step boxed a few hundred numbers on the heap. `delta` comes in {@link stepDelta}[0].
 */
export const stepDelta = new Float64Array(1);

export function stepJoint(joint: JointInternals): void {
  const delta = stepDelta[0]!;
  if (delta <= 0) return;
  const bone = joint.bone;
  const settings = joint.settings;
  const bw = bone.matrixWorld.elements;
  const pm = (bone.parent ? bone.parent.matrixWorld : IDENTITY).elements;

  // The bone's length in world space: from the bone to its child (or its rest tail).
  const wx = bw[12]!;
  const wy = bw[13]!;
  const wz = bw[14]!;
  let cx: number, cy: number, cz: number;
  if (joint.child) {
    const ce = joint.child.matrixWorld.elements;
    cx = ce[12]!;
    cy = ce[13]!;
    cz = ce[14]!;
  } else {
    const p = joint._initialLocalChildPosition;
    const w = 1 / (bw[3]! * p.x + bw[7]! * p.y + bw[11]! * p.z + bw[15]!);
    cx = (bw[0]! * p.x + bw[4]! * p.y + bw[8]! * p.z + bw[12]!) * w;
    cy = (bw[1]! * p.x + bw[5]! * p.y + bw[9]! * p.z + bw[13]!) * w;
    cz = (bw[2]! * p.x + bw[6]! * p.y + bw[10]! * p.z + bw[14]!) * w;
  }
  let dx = wx - cx;
  let dy = wy - cy;
  let dz = wz - cz;
  const boneLength = Math.sqrt(dx * dx + dy * dy + dz * dz);
  joint._worldSpaceBoneLength = boneLength;

  // The rest axis in world space: through the initial local matrix, then the parent's.
  const axis = joint._boneAxis;
  const il = joint._initialLocalMatrix.elements;
  let ax = il[0]! * axis.x + il[4]! * axis.y + il[8]! * axis.z;
  let ay = il[1]! * axis.x + il[5]! * axis.y + il[9]! * axis.z;
  let az = il[2]! * axis.x + il[6]! * axis.y + il[10]! * axis.z;
  let s = 1 / (Math.sqrt(ax * ax + ay * ay + az * az) || 1);
  ax *= s;
  ay *= s;
  az *= s;
  dx = pm[0]! * ax + pm[4]! * ay + pm[8]! * az;
  dy = pm[1]! * ax + pm[5]! * ay + pm[9]! * az;
  dz = pm[2]! * ax + pm[6]! * ay + pm[10]! * az;
  s = 1 / (Math.sqrt(dx * dx + dy * dy + dz * dz) || 1);
  ax = dx * s;
  ay = dy * s;
  az = dz * s;

  // Next tail (verlet with drag) in centre space, to world space, then stiffness and gravity.
  const current = joint._currentTail;
  const prev = joint._prevTail;
  const keep = 1 - settings.dragForce;
  let tx = current.x + (current.x - prev.x) * keep;
  let ty = current.y + (current.y - prev.y) * keep;
  let tz = current.z + (current.z - prev.z) * keep;
  let e = joint._getMatrixCenterToWorld().elements;
  let w = 1 / (e[3]! * tx + e[7]! * ty + e[11]! * tz + e[15]!);
  dx = (e[0]! * tx + e[4]! * ty + e[8]! * tz + e[12]!) * w;
  dy = (e[1]! * tx + e[5]! * ty + e[9]! * tz + e[13]!) * w;
  dz = (e[2]! * tx + e[6]! * ty + e[10]! * tz + e[14]!) * w;
  const stiffness = settings.stiffness * delta;
  tx = dx + ax * stiffness;
  ty = dy + ay * stiffness;
  tz = dz + az * stiffness;
  const gravity = settings.gravityPower * delta;
  const g = settings.gravityDir;
  tx += g.x * gravity;
  ty += g.y * gravity;
  tz += g.z * gravity;

  // Keep the bone's length.
  tx -= wx;
  ty -= wy;
  tz -= wz;
  s = 1 / (Math.sqrt(tx * tx + ty * ty + tz * tz) || 1);
  tx = tx * s * boneLength + wx;
  ty = ty * s * boneLength + wy;
  tz = tz * s * boneLength + wz;

  // Collisions: pushed out of each collider, then back to the bone's length.
  const groups = joint.colliderGroups;
  const query = collisionQuery;
  const hit = collisionHit;
  query[3] = settings.hitRadius;
  for (let cg = 0; cg < groups.length; cg++) {
    const colliders = groups[cg]!.colliders;
    for (let c = 0; c < colliders.length; c++) {
      query[0] = tx;
      query[1] = ty;
      query[2] = tz;
      collideTail(colliders[c]!);
      const distance = hit[0]!;
      if (distance < 0) {
        tx = tx + hit[1]! * -distance - wx;
        ty = ty + hit[2]! * -distance - wy;
        tz = tz + hit[3]! * -distance - wz;
        s = boneLength / Math.sqrt(tx * tx + ty * ty + tz * tz);
        tx = tx * s + wx;
        ty = ty * s + wy;
        tz = tz * s + wz;
      }
    }
  }

  prev.copy(current);
  e = joint._getMatrixWorldToCenter().elements;
  w = 1 / (e[3]! * tx + e[7]! * ty + e[11]! * tz + e[15]!);
  current.x = (e[0]! * tx + e[4]! * ty + e[8]! * tz + e[12]!) * w;
  current.y = (e[1]! * tx + e[5]! * ty + e[9]! * tz + e[13]!) * w;
  current.z = (e[2]! * tx + e[6]! * ty + e[10]! * tz + e[14]!) * w;

  // Turn the bone from its rest axis to the tail, in its rest frame.
  e = initialWorldInverse.multiplyMatrices(bone.parent ? bone.parent.matrixWorld : IDENTITY, joint._initialLocalMatrix).invert().elements;
  w = 1 / (e[3]! * tx + e[7]! * ty + e[11]! * tz + e[15]!);
  dx = (e[0]! * tx + e[4]! * ty + e[8]! * tz + e[12]!) * w;
  dy = (e[1]! * tx + e[5]! * ty + e[9]! * tz + e[13]!) * w;
  dz = (e[2]! * tx + e[6]! * ty + e[10]! * tz + e[14]!) * w;
  s = 1 / (Math.sqrt(dx * dx + dy * dy + dz * dz) || 1);
  aim[0] = dx * s;
  aim[1] = dy * s;
  aim[2] = dz * s;
  writeRotation(bone.quaternion as unknown as QuaternionFields, axis, joint._initialLocalRotation as unknown as QuaternionFields);
  bone.updateMatrix();
  bone.matrixWorld.multiplyMatrices(bone.parent ? bone.parent.matrixWorld : IDENTITY, bone.matrix);
}

/** The unit direction the bone turns to, in its rest frame (numbers kept off the heap). */
const aim = new Float64Array(3);

/**
 * `q.setFromUnitVectors(from, aim).premultiply(rest)`, as three computes it (opposite vectors
 * included), calling `q`'s change callback once.
 */
function writeRotation(q: QuaternionFields, from: Vector3, rest: QuaternionFields): void {
  const x = aim[0]!;
  const y = aim[1]!;
  const z = aim[2]!;
  let r = from.x * x + from.y * y + from.z * z + 1;
  let qx: number, qy: number, qz: number;
  if (r < 1e-8) {
    r = 0;
    if (Math.abs(from.x) > Math.abs(from.z)) {
      qx = -from.y;
      qy = from.x;
      qz = 0;
    } else {
      qx = 0;
      qy = -from.z;
      qz = from.y;
    }
  } else {
    qx = from.y * z - from.z * y;
    qy = from.z * x - from.x * z;
    qz = from.x * y - from.y * x;
  }
  let qw = r;
  let l = Math.sqrt(qx * qx + qy * qy + qz * qz + qw * qw);
  if (l === 0) {
    qx = 0;
    qy = 0;
    qz = 0;
    qw = 1;
  } else {
    l = 1 / l;
    qx = qx * l;
    qy = qy * l;
    qz = qz * l;
    qw = qw * l;
  }
  const ax = rest._x, ay = rest._y, az = rest._z, aw = rest._w;
  q._x = ax * qw + aw * qx + ay * qz - az * qy;
  q._y = ay * qw + aw * qy + az * qx - ax * qz;
  q._z = az * qw + aw * qz + ax * qy - ay * qx;
  q._w = aw * qw - ax * qx - ay * qy - az * qz;
  q._onChangeCallback();
}
