import { Quaternion, Vector3, type Object3D } from "three";
import type { VRM } from "@pixiv/three-vrm";
import type { XrPoseState } from "../../shared/state";

/** Where the body stands (feet) and faces (yaw 0 faces +Z). */
export interface TrackedBodyPose {
  x: number;
  y: number;
  z: number;
  yaw: number;
}

const rootQuat = new Quaternion();
const parentQuat = new Quaternion();
const desired = new Quaternion();
const swing = new Quaternion();
const shoulder = new Vector3();
const elbow = new Vector3();
const wrist = new Vector3();
const target = new Vector3();
const direction = new Vector3();
const pole = new Vector3();
const from = new Vector3();
const to = new Vector3();
/** Keeps a fully stretched arm from snapping straight (and the maths away from its singularity). */
const REACH_MARGIN = 0.995;

/**
 * Turns a loaded VRM's head and reaches its arms the way a headset wearer's head and hands are
 * (the room's `xr` pose), after the avatar's own animation has posed it this frame. Works on the
 * normalised rig (rest = identity in the model's frame), then copies it to the skinned bones.
 */
export function applyTrackedPose(vrm: VRM, body: TrackedBodyPose, xr: XrPoseState): void {
  const humanoid = vrm.humanoid;
  const head = humanoid.getNormalizedBoneNode("head");
  const root = vrm.scene.parent;
  if (!head?.parent || !root) return;
  root.getWorldQuaternion(rootQuat);
  // The body-frame rotation, turned into the model's own frame (VRM 0.x models stand turned around).
  desired.set(xr.headX, xr.headY, xr.headZ, xr.headW).normalize();
  desired.premultiply(rootQuat).multiply(vrm.scene.quaternion);
  setWorldRotation(head, desired);

  if (xr.leftTracked) reach(vrm, "left", body, xr.leftX, xr.leftY, xr.leftZ);
  if (xr.rightTracked) reach(vrm, "right", body, xr.rightX, xr.rightY, xr.rightZ);
  humanoid.update();
}

/** Two-bone reach: the upper arm swings so the elbow bends downwards, the forearm points at the hand. */
function reach(vrm: VRM, side: "left" | "right", body: TrackedBodyPose, x: number, y: number, z: number): void {
  const humanoid = vrm.humanoid;
  const upper = humanoid.getNormalizedBoneNode(side === "left" ? "leftUpperArm" : "rightUpperArm");
  const lower = humanoid.getNormalizedBoneNode(side === "left" ? "leftLowerArm" : "rightLowerArm");
  const hand = humanoid.getNormalizedBoneNode(side === "left" ? "leftHand" : "rightHand");
  if (!upper || !lower || !hand) return;
  const c = Math.cos(body.yaw);
  const s = Math.sin(body.yaw);
  target.set(body.x + x * c + z * s, body.y + y, body.z - x * s + z * c);
  upper.getWorldPosition(shoulder);
  lower.getWorldPosition(elbow);
  hand.getWorldPosition(wrist);
  const upperLength = shoulder.distanceTo(elbow);
  const lowerLength = elbow.distanceTo(wrist);
  if (upperLength < 1e-4 || lowerLength < 1e-4) return;

  direction.subVectors(target, shoulder);
  const wanted = direction.length();
  if (wanted < 1e-4) return;
  direction.divideScalar(wanted);
  const span = Math.min(Math.max(wanted, Math.abs(upperLength - lowerLength) + 1e-3), (upperLength + lowerLength) * REACH_MARGIN);
  // Law of cosines: the angle at the shoulder between the reach and the upper arm.
  const cosShoulder = (upperLength ** 2 + span ** 2 - lowerLength ** 2) / (2 * upperLength * span);
  const sinShoulder = Math.sqrt(Math.max(0, 1 - cosShoulder ** 2));
  // Elbows hang down (and back, when the hand is low) like a relaxed arm's.
  pole.set(0, -1, 0).addScaledVector(direction, direction.y);
  if (pole.lengthSq() < 1e-6) pole.set(-s, 0, -c);
  pole.normalize();

  from.subVectors(elbow, shoulder).normalize();
  to.copy(direction).multiplyScalar(cosShoulder).addScaledVector(pole, sinShoulder).normalize();
  rotateInWorld(upper, from, to);

  lower.getWorldPosition(elbow);
  hand.getWorldPosition(wrist);
  from.subVectors(wrist, elbow).normalize();
  to.copy(shoulder).addScaledVector(direction, span).sub(elbow).normalize();
  rotateInWorld(lower, from, to);
}

/** Turns `bone` in world space by the rotation taking direction `a` to `b` (unit vectors). */
function rotateInWorld(bone: Object3D, a: Vector3, b: Vector3): void {
  swing.setFromUnitVectors(a, b);
  bone.getWorldQuaternion(desired);
  desired.premultiply(swing);
  setWorldRotation(bone, desired);
}

/** Gives `bone` the world rotation `world` (its parent's world matrix must be current). */
function setWorldRotation(bone: Object3D, world: Quaternion): void {
  bone.parent!.getWorldQuaternion(parentQuat);
  bone.quaternion.copy(parentQuat.invert().multiply(world));
  bone.updateWorldMatrix(false, true);
}
