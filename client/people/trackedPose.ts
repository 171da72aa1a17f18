import { Quaternion, Vector3 } from "three";
import type { VRM } from "@pixiv/three-vrm";
import type { XrPoseState } from "../../shared/state";
import { chooseStance, measureBody, type BodyMeasure, type Stance } from "./bodyStance";
import { setWorldRotation, twoBoneReach } from "./twoBoneReach";

/** Where the body stands (feet) and faces (yaw 0 faces +Z). */
export interface TrackedBodyPose {
  x: number;
  y: number;
  z: number;
  yaw: number;
}

/** A headset's head and hands in the body's frame: the room's `xr` state, or the local headset's own. */
export type TrackedPose = Pick<
  XrPoseState,
  "headHeight" | "headX" | "headY" | "headZ" | "headW" | "leftTracked" | "leftX" | "leftY" | "leftZ" | "rightTracked" | "rightX" | "rightY" | "rightZ"
>;

const rootQuat = new Quaternion();
const desired = new Quaternion();
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
 * Poses a loaded VRM the way a headset wearer holds themselves (the room's `xr` pose), after the
 * avatar's own animation has posed it this frame: hips down and knees bent when their eyes are
 * well below the avatar's (sitting, crouching), the head turned, the arms reaching for the
 * hands. Works on the normalised rig (rest = identity in the model's frame), then copies it to
 * the skinned bones. Returns the stance it chose (a shared object: read it before the next call).
 */
export function applyTrackedPose(vrm: VRM, body: TrackedBodyPose, xr: TrackedPose): Stance {
  const humanoid = vrm.humanoid;
  const head = humanoid.getNormalizedBoneNode("head");
  const root = vrm.scene.parent;
  stance.kind = "standing";
  if (!head?.parent || !root) return stance;
  root.getWorldQuaternion(rootQuat);
  const c = Math.cos(body.yaw);
  const s = Math.sin(body.yaw);
  forward.set(s, 0, c);

  const measure = bodyMeasureOf(vrm);
  if (measure && chooseStance(measure, xr.headHeight, stance).kind !== "standing") sit(vrm, body, measure);

  // The body-frame rotation, turned into the model's own frame (VRM 0.x models stand turned around).
  desired.set(xr.headX, xr.headY, xr.headZ, xr.headW).normalize();
  desired.premultiply(rootQuat).multiply(vrm.scene.quaternion);
  setWorldRotation(head, desired);

  backward.set(-s, 0, -c);
  if (xr.leftTracked) reach(vrm, "left", body, xr.leftX, xr.leftY, xr.leftZ);
  if (xr.rightTracked) reach(vrm, "right", body, xr.rightX, xr.rightY, xr.rightZ);
  humanoid.update();
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
function sit(vrm: VRM, body: TrackedBodyPose, measure: BodyMeasure): void {
  const humanoid = vrm.humanoid;
  const hips = humanoid.getNormalizedBoneNode("hips");
  if (!hips) return;
  hips.position.y = measure.hipsY - stance.hipsDrop;
  hips.updateWorldMatrix(false, true);
  // The rest orientation of a bone in the world: the body's turn (a foot's, flat on the ground).
  desired.copy(rootQuat).multiply(vrm.scene.quaternion);
  for (const side of SIDES) {
    const upper = humanoid.getNormalizedBoneNode(side === "left" ? "leftUpperLeg" : "rightUpperLeg");
    const lower = humanoid.getNormalizedBoneNode(side === "left" ? "leftLowerLeg" : "rightLowerLeg");
    const foot = humanoid.getNormalizedBoneNode(side === "left" ? "leftFoot" : "rightFoot");
    if (!upper || !lower || !foot) continue;
    upper.getWorldPosition(target).addScaledVector(forward, stance.feetForward);
    target.y = body.y + measure.ankleY;
    twoBoneReach(upper, lower, foot, target, forward, up);
    setWorldRotation(foot, desired);
  }
}
