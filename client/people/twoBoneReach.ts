import { Quaternion, Vector3, type Object3D } from "three";

const parentQuat = new Quaternion();
const worldQuat = new Quaternion();
const swing = new Quaternion();
const root = new Vector3();
const joint = new Vector3();
const end = new Vector3();
const direction = new Vector3();
const pole = new Vector3();
const from = new Vector3();
const to = new Vector3();
/** Keeps a fully stretched limb from snapping straight (and the maths away from its singularity). */
const REACH_MARGIN = 0.995;

/**
 * Two-bone reach (an arm to a hand, a leg to a foot): `upper` swings so that its joint bends
 * towards `poleHint` (world direction: down for elbows, forward for knees), `lower` points at
 * `target` (world). Out of reach, the limb stretches towards it. `fallback` is the bend when the
 * target lies along the pole hint itself. World matrices down from `upper` must be current.
 */
export function twoBoneReach(upper: Object3D, lower: Object3D, tip: Object3D, target: Vector3, poleHint: Vector3, fallback: Vector3): void {
  upper.getWorldPosition(root);
  lower.getWorldPosition(joint);
  tip.getWorldPosition(end);
  const upperLength = root.distanceTo(joint);
  const lowerLength = joint.distanceTo(end);
  if (upperLength < 1e-4 || lowerLength < 1e-4) return;

  direction.subVectors(target, root);
  const wanted = direction.length();
  if (wanted < 1e-4) return;
  direction.divideScalar(wanted);
  const span = Math.min(Math.max(wanted, Math.abs(upperLength - lowerLength) + 1e-3), (upperLength + lowerLength) * REACH_MARGIN);
  // Law of cosines: the angle at the root between the reach and the upper bone.
  const cosRoot = (upperLength ** 2 + span ** 2 - lowerLength ** 2) / (2 * upperLength * span);
  const sinRoot = Math.sqrt(Math.max(0, 1 - cosRoot ** 2));
  // The bend: the pole hint, made square to the reach.
  pole.copy(poleHint).addScaledVector(direction, -poleHint.dot(direction));
  if (pole.lengthSq() < 1e-6) pole.copy(fallback);
  pole.normalize();

  from.subVectors(joint, root).normalize();
  to.copy(direction).multiplyScalar(cosRoot).addScaledVector(pole, sinRoot).normalize();
  rotateInWorld(upper, from, to);

  lower.getWorldPosition(joint);
  tip.getWorldPosition(end);
  from.subVectors(end, joint).normalize();
  to.copy(root).addScaledVector(direction, span).sub(joint).normalize();
  rotateInWorld(lower, from, to);
}

/** Turns `bone` in world space by the rotation taking direction `a` to `b` (unit vectors). */
function rotateInWorld(bone: Object3D, a: Vector3, b: Vector3): void {
  swing.setFromUnitVectors(a, b);
  bone.getWorldQuaternion(worldQuat);
  worldQuat.premultiply(swing);
  setWorldRotation(bone, worldQuat);
}

/** Gives `bone` the world rotation `world` (its parent's world matrix must be current). */
export function setWorldRotation(bone: Object3D, world: Quaternion): void {
  bone.parent!.getWorldQuaternion(parentQuat);
  bone.quaternion.copy(parentQuat.invert().multiply(world));
  bone.updateWorldMatrix(false, true);
}
