import { Quaternion, Vector3, type Object3D } from "three";
import type { VRM } from "@pixiv/three-vrm";
import type { XrPoseState } from "../../shared/state";
import { copyHumanoidPose } from "../avatar";
import { BodyFacing, wrapAngle } from "./bodyFacing";
import { chooseStance, measureBody, type BodyMeasure, type Stance } from "./bodyStance";
import { setWorldRotation, twoBoneReach } from "./twoBoneReach";

/** Where the body stands (feet), and the room's yaw: where the head looks (0 faces +Z); the body's own facing lags it (BodyFacing). */
export interface TrackedBodyPose {
  x: number;
  y: number;
  z: number;
  yaw: number;
}

/** A headset's head and hands in the frame of the room's yaw: the room's `xr` state, or the local headset's own. */
export type TrackedPose = Pick<
  XrPoseState,
  "headHeight" | "headX" | "headY" | "headZ" | "headW" | "bodyScale" | "leftTracked" | "leftX" | "leftY" | "leftZ" | "rightTracked" | "rightX" | "rightY" | "rightZ"
>;

const rootQuat = new Quaternion();
const bodyQuat = new Quaternion();
const desired = new Quaternion();
const neckTurn = new Quaternion();
const target = new Vector3();
const forward = new Vector3();
const down = new Vector3(0, -1, 0);
const up = new Vector3(0, 1, 0);
const backward = new Vector3();
const SIDES = ["left", "right"] as const;
/** The stance last chosen: one object, overwritten by every call. */
const stance: Stance = { kind: "standing", hipsDrop: 0, feetForward: 0 };
/** Each loaded body's proportions, measured the first time it is posed (null: it cannot sit). */
const measures = new WeakMap<VRM, BodyMeasure | null>();
/** The neck takes this share of the head's turn away from the body, the head bone the rest. */
const NECK_SHARE = 0.4;

/** What a tracked person's body keeps between frames, by their pose object. */
interface TrackedBody {
  facing: BodyFacing;
  /** The scale last applied (the wearer's client's: grown for someone taller than their avatar). */
  scale: number;
  /** The avatar root it scaled, given back its own size when the headset is gone. */
  root: Object3D | null;
  /** How far the head is below where the avatar's own animation holds it (m): the stance's hips drop. */
  lowered: number;
}
const trackedBodies = new WeakMap<TrackedBodyPose, TrackedBody>();

function trackedBodyOf(body: TrackedBodyPose): TrackedBody {
  let tracked = trackedBodies.get(body);
  if (!tracked) {
    tracked = { facing: new BodyFacing(), scale: 1, root: null, lowered: 0 };
    trackedBodies.set(body, tracked);
  }
  return tracked;
}

/**
 * How far below its standing height the head of the body posed from `body` was last drawn (m):
 * the seated or crouched stance's drop, 0 standing or when not tracked. For what floats above
 * heads (name tags).
 */
export function trackedHeadDrop(body: TrackedBodyPose): number {
  return trackedBodies.get(body)?.lowered ?? 0;
}

/** The headset is gone (session over): the body forgets its own facing and stance; the next session starts afresh. */
export function endTrackedPose(body: TrackedBodyPose): void {
  const tracked = trackedBodies.get(body);
  if (!tracked) return;
  tracked.root?.scale.setScalar(1);
  trackedBodies.delete(body);
}

/**
 * The person was moved and turned by `turn` radians at once (a snap turn, a teleport): their body
 * turns with them now instead of catching up with the head later, and the jump is no walk.
 */
export function jumpTrackedBody(body: TrackedBodyPose, turn: number): void {
  trackedBodies.get(body)?.facing.jump(turn, body.x, body.z);
}

/** How much the body posed from `body` is grown to meet its wearer's eyes (1: its own size, or not tracked). */
export function trackedBodyScale(body: TrackedBodyPose): number {
  return trackedBodies.get(body)?.scale ?? 1;
}

/** Bodies worn in this browser's headset now (one's own, seen from inside). */
const worn = new WeakSet<TrackedBodyPose>();

/** `body` is worn in the headset (true) or no longer (false): until its avatar loads, no placeholder stands round the eyes. */
export function wearBody(body: TrackedBodyPose, on: boolean): void {
  if (on) worn.add(body);
  else worn.delete(body);
}

export function isWorn(body: TrackedBodyPose): boolean {
  return worn.has(body);
}

/** The loaded body's proportions at rest (measured once, then kept with the VRM). */
export function bodyMeasureOf(vrm: VRM): BodyMeasure | null {
  let measure = measures.get(vrm);
  if (measure === undefined) {
    measure = measureBody(vrm);
    measures.set(vrm, measure);
  }
  return measure;
}

/**
 * Poses a loaded VRM the way a headset wearer holds themselves (the room's `xr` pose, in the
 * frame of `body`, whose yaw is where the head looks), after the avatar's own animation has
 * posed it this frame, `dt` seconds after the last: the body turned to its own facing
 * (BodyFacing: it lags the head), hips down and knees bent when their eyes are well below the
 * avatar's (sitting, crouching), grown by the pose's `bodyScale` (the wearer's own client decides it,
 * knowing their calibration; see client/xr/viewHeight), neck and head turned to the head's rotation, the arms reaching
 * for the hands. Works on the normalised rig (rest = identity in the model's frame), then copies
 * it to the skinned bones. Returns the stance it chose (a shared object: read it before the next call).
 */
export function applyTrackedPose(vrm: VRM, body: TrackedBodyPose, xr: TrackedPose, dt: number): Stance {
  const humanoid = vrm.humanoid;
  const head = humanoid.getNormalizedBoneNode("head");
  const root = vrm.scene.parent;
  stance.kind = "standing";
  if (!head?.parent || !root) return stance;
  const tracked = trackedBodyOf(body);
  // The head's frame (the room's yaw); the body turns on its own (set outright: a frame the animation skipped turns it no further).
  rootQuat.setFromAxisAngle(up, body.yaw);
  if (root.parent) rootQuat.premultiply(root.parent.getWorldQuaternion(bodyQuat));
  const twist = wrapAngle(tracked.facing.update(body.yaw, body.x, body.z, dt) - body.yaw);
  const facing = body.yaw + twist;
  if (root.rotation.y !== facing || root.rotation.x !== 0 || root.rotation.z !== 0) {
    root.rotation.set(0, facing, 0);
    root.updateWorldMatrix(false, true);
  }
  forward.set(Math.sin(facing), 0, Math.cos(facing));
  backward.copy(forward).negate();

  const measure = bodyMeasureOf(vrm);
  // A taller wearer's avatar grows to their eyes; its stance is chosen in its own (unscaled) measure.
  const scale = xr.bodyScale;
  tracked.scale = scale;
  if (root.scale.x !== scale) {
    root.scale.setScalar(scale);
    root.updateWorldMatrix(false, true);
  }
  tracked.root = root;
  if (measure && chooseStance(measure, xr.headHeight / scale, stance).kind !== "standing") sit(vrm, body, measure, scale);
  tracked.lowered = stance.kind === "standing" ? 0 : stance.hipsDrop * scale;

  const neck = humanoid.getNormalizedBoneNode("neck");
  if (neck?.parent && twist !== 0) {
    // Set outright, at rest but for the turn (the head bone is set outright too, over the animation's).
    desired.copy(root.getWorldQuaternion(bodyQuat)).multiply(vrm.scene.quaternion);
    setWorldRotation(neck, desired.premultiply(neckTurn.setFromAxisAngle(up, -twist * NECK_SHARE)));
  }
  // The head-frame rotation, turned into the model's own frame (VRM 0.x models stand turned around).
  desired.set(xr.headX, xr.headY, xr.headZ, xr.headW).normalize();
  desired.premultiply(rootQuat).multiply(vrm.scene.quaternion);
  setWorldRotation(head, desired);

  // Hands are placed in the head's frame.
  forward.set(Math.sin(body.yaw), 0, Math.cos(body.yaw));
  if (xr.leftTracked) reach(vrm, "left", body, xr.leftX, xr.leftY, xr.leftZ);
  if (xr.rightTracked) reach(vrm, "right", body, xr.rightX, xr.rightY, xr.rightZ);
  // Only the bones changed since the avatar's own update copied its pose (three-vrm's update copies all 55).
  copyHumanoidPose(vrm);
  return stance;
}

/** Elbows hang down (and back, when the hand is low) like a relaxed arm's. */
function reach(vrm: VRM, side: "left" | "right", body: TrackedBodyPose, x: number, y: number, z: number): void {
  const humanoid = vrm.humanoid;
  const upper = humanoid.getNormalizedBoneNode(side === "left" ? "leftUpperArm" : "rightUpperArm");
  const lower = humanoid.getNormalizedBoneNode(side === "left" ? "leftLowerArm" : "rightLowerArm");
  const hand = humanoid.getNormalizedBoneNode(side === "left" ? "leftHand" : "rightHand");
  if (!upper || !lower || !hand) return;
  target.set(body.x + x * forward.z + z * forward.x, body.y + y, body.z - x * forward.x + z * forward.z);
  twoBoneReach(upper, lower, hand, target, down, backward);
}

/**
 * Lowers the hips by the stance's drop (set outright, so a frame the animation skipped does not
 * lower them twice) and plants each foot flat on the floor, forward of its hip, knees bending
 * forward.
 */
function sit(vrm: VRM, body: TrackedBodyPose, measure: BodyMeasure, scale: number): void {
  const humanoid = vrm.humanoid;
  const hips = humanoid.getNormalizedBoneNode("hips");
  if (!hips) return;
  hips.position.y = measure.hipsY - stance.hipsDrop;
  hips.updateWorldMatrix(false, true);
  // The rest orientation of a bone in the world: the body's turn (a foot's, flat on the ground).
  vrm.scene.parent!.getWorldQuaternion(bodyQuat);
  desired.copy(bodyQuat).multiply(vrm.scene.quaternion);
  for (const side of SIDES) {
    const upper = humanoid.getNormalizedBoneNode(side === "left" ? "leftUpperLeg" : "rightUpperLeg");
    const lower = humanoid.getNormalizedBoneNode(side === "left" ? "leftLowerLeg" : "rightLowerLeg");
    const foot = humanoid.getNormalizedBoneNode(side === "left" ? "leftFoot" : "rightFoot");
    if (!upper || !lower || !foot) continue;
    upper.getWorldPosition(target).addScaledVector(forward, stance.feetForward * scale);
    target.y = body.y + measure.ankleY * scale;
    twoBoneReach(upper, lower, foot, target, forward, up);
    setWorldRotation(foot, desired);
  }
}
