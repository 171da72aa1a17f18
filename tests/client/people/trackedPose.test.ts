import { describe, expect, it } from "vitest";
import { Euler, Group, Quaternion, Vector3 } from "three";
import { XrPoseState } from "../../../shared/state";
import {
  applyTrackedPose,
  bodyMeasureOf,
  endTrackedPose,
  isWorn,
  jumpTrackedBody,
  trackedBodyScale,
  trackedHeadDrop,
  wearBody,
} from "../../../client/people/trackedPose";
import { MAX_BODY_SCALE } from "../../../client/people/bodyScale";
import { COMFORT_YAW } from "../../../client/people/bodyFacing";
import { createAvatarDriver } from "../../../client/avatar";
import { parseVrm } from "../../../client/avatar/loading/vrmParser";
import { drivenPreset, FRAME_S, type DrivenPreset } from "../avatar/support/presetAvatar";
import { skeletonVrm0 } from "../avatar/support/skeletonVrm0";

/** The horizontal angle (0 = +Z) the rendered head faces. */
function headYaw(head: { getWorldQuaternion(q: Quaternion): Quaternion }): number {
  const forward = new Vector3(0, 0, 1).applyQuaternion(head.getWorldQuaternion(new Quaternion()));
  return Math.atan2(forward.x, forward.z);
}

/** The way a pair of left/right bones faces (yaw, 0 = +Z): the body's left is its +x. */
function pairYaw(a: DrivenPreset, left: "leftUpperLeg" | "leftUpperArm", right: "rightUpperLeg" | "rightUpperArm"): number {
  const across = a.bone(left).sub(a.bone(right));
  return Math.atan2(-across.z, across.x);
}

function trackedPose(turn: number, left: [number, number, number] | null): XrPoseState {
  const q = new Quaternion().setFromEuler(new Euler(0, turn, 0));
  const xr = new XrPoseState();
  // Standing at about the preset's own eye height (1.44 m): neither grown nor crouched.
  xr.headHeight = 1.4;
  [xr.headX, xr.headY, xr.headZ, xr.headW] = [q.x, q.y, q.z, q.w];
  xr.leftTracked = left !== null;
  if (left) [xr.leftX, xr.leftY, xr.leftZ] = left;
  return xr;
}

describe("applyTrackedPose on a generated preset", () => {
  it("turns the rendered head the way the headset's head turns, relative to the body", async () => {
    const a = await drivenPreset();
    a.pose.yaw = 0.7;
    a.run(0.5);
    applyTrackedPose(a.vrm, a.pose, trackedPose(0.6, null), 1 / 60);
    const head = a.vrm.humanoid.getRawBoneNode("head")!;
    expect(headYaw(head)).toBeCloseTo(1.3, 2);
  });

  it("reaches the hand to where the controller is, elbow below, and leaves the other arm hanging", async () => {
    const a = await drivenPreset();
    a.pose.x = 2;
    a.pose.z = -1;
    a.pose.yaw = -0.4;
    a.run(0.5);
    const rightBefore = a.bone("rightHand");
    // Raised in front, on the body's left (+x of its frame).
    const local: [number, number, number] = [0.25, 1.35, 0.35];
    applyTrackedPose(a.vrm, a.pose, trackedPose(0, local), 1 / 60);
    const c = Math.cos(a.pose.yaw);
    const s = Math.sin(a.pose.yaw);
    const target = new Vector3(a.pose.x + local[0] * c + local[2] * s, local[1], a.pose.z - local[0] * s + local[2] * c);
    expect(a.bone("leftHand").distanceTo(target)).toBeLessThan(0.03);
    expect(a.bone("leftLowerArm").y).toBeLessThan(Math.max(a.bone("leftUpperArm").y, target.y));
    expect(a.bone("rightHand").distanceTo(rightBefore)).toBeLessThan(1e-6);
  });

  it("stretches towards a target out of reach without breaking the arm", async () => {
    const a = await drivenPreset();
    a.run(0.5);
    const armLength = a.bone("leftUpperArm").distanceTo(a.bone("leftLowerArm")) + a.bone("leftLowerArm").distanceTo(a.bone("leftHand"));
    applyTrackedPose(a.vrm, a.pose, trackedPose(0, [1.4, 2.6, 1.4]), 1 / 60);
    const shoulder = a.bone("leftUpperArm");
    const reach = a.bone("leftHand").sub(shoulder);
    expect(reach.length()).toBeGreaterThan(armLength * 0.97);
    expect(reach.length()).toBeLessThanOrEqual(armLength + 1e-4);
    const towards = new Vector3(1.4, 2.6, 1.4).sub(shoulder).normalize();
    expect(reach.normalize().dot(towards)).toBeGreaterThan(0.99);
  });

  it("reaches the same way on a VRM 0.x model, which three-vrm turns around", async () => {
    const vrm = await parseVrm(skeletonVrm0());
    const root = new Group();
    root.add(vrm.scene);
    const driver = createAvatarDriver();
    driver.attach(vrm, root);
    const pose = { x: 0, y: 0, z: 0, yaw: 1.1, speed: 0 };
    driver.update(1 / 60, pose);
    const local: [number, number, number] = [-0.2, 1.2, 0.4];
    const xr = trackedPose(0, null);
    xr.rightTracked = true;
    [xr.rightX, xr.rightY, xr.rightZ] = local;
    applyTrackedPose(vrm, pose, xr, 1 / 60);
    const c = Math.cos(pose.yaw);
    const s = Math.sin(pose.yaw);
    const target = new Vector3(local[0] * c + local[2] * s, local[1], -local[0] * s + local[2] * c);
    const hand = vrm.humanoid.getRawBoneNode("rightHand")!.getWorldPosition(new Vector3());
    expect(hand.distanceTo(target)).toBeLessThan(0.03);
  });

  it("seats someone whose eyes are far below the avatar's: hips down, knees bent forward, feet flat on the floor, eyes at their height", async () => {
    const a = await drivenPreset();
    a.pose.yaw = 0.5;
    a.run(0.5);
    const standingHips = a.bone("hips");
    const standingFoot = a.bone("leftFoot");
    const measure = bodyMeasureOf(a.vrm)!;
    const xr = trackedPose(0, null);
    xr.headHeight = measure.eyeY - 0.42;
    expect(applyTrackedPose(a.vrm, a.pose, xr, 1 / 60).kind).toBe("seated");

    const hips = a.bone("hips");
    expect(standingHips.y - hips.y).toBeCloseTo(0.42, 1);
    const forward = new Vector3(Math.sin(a.pose.yaw), 0, Math.cos(a.pose.yaw));
    for (const side of ["left", "right"] as const) {
      const knee = a.bone(side === "left" ? "leftLowerLeg" : "rightLowerLeg");
      const foot = a.bone(side === "left" ? "leftFoot" : "rightFoot");
      expect(foot.y).toBeCloseTo(standingFoot.y, 2);
      // Thighs come forward (the knee well ahead of the hips), shins stand down to the feet.
      expect(knee.clone().sub(hips).dot(forward)).toBeGreaterThan(0.25);
      expect(foot.clone().sub(hips).dot(forward)).toBeGreaterThan(0.25);
      const thigh = knee.clone().sub(a.bone(side === "left" ? "leftUpperLeg" : "rightUpperLeg")).normalize();
      const shin = foot.clone().sub(knee).normalize();
      expect(thigh.angleTo(shin)).toBeGreaterThan(Math.PI / 3);
      // The foot lies flat: its forward (body +z) stays level.
      const footForward = new Vector3(0, 0, 1).applyQuaternion(a.vrm.humanoid.getRawBoneNode(side === "left" ? "leftFoot" : "rightFoot")!.getWorldQuaternion(new Quaternion()));
      expect(Math.abs(footForward.y)).toBeLessThan(0.05);
    }
    const head = a.vrm.humanoid.getRawBoneNode("head")!;
    const eye = head.localToWorld(a.vrm.lookAt!.offsetFromHeadBone.clone());
    expect(eye.y).toBeCloseTo(xr.headHeight, 1);

    // Posed again without the animation running in between (a skipped frame): no lower.
    applyTrackedPose(a.vrm, a.pose, xr, 1 / 60);
    expect(a.bone("hips").y).toBeCloseTo(hips.y, 5);
  });

  it("leaves the legs to the walk when the eyes are at (or a little below) the avatar's height", async () => {
    const a = await drivenPreset();
    a.run(0.5);
    const before = [a.bone("hips"), a.bone("leftLowerLeg"), a.bone("rightFoot")];
    const xr = trackedPose(0, null);
    xr.headHeight = bodyMeasureOf(a.vrm)!.eyeY - 0.05;
    expect(applyTrackedPose(a.vrm, a.pose, xr, 1 / 60).kind).toBe("standing");
    const after = [a.bone("hips"), a.bone("leftLowerLeg"), a.bone("rightFoot")];
    after.forEach((p, i) => expect(p.distanceTo(before[i]!)).toBeLessThan(1e-6));
  });

  it("keeps the body's own facing while the head turns within range, the neck taking part of the turn, the hands still where the controllers are", async () => {
    const a = await drivenPreset();
    const xr = trackedPose(0, [0.2, 1.2, 0.35]);
    // The room's yaw is where the head looks: it turns 40° to the left of where the body stood.
    a.run(0.2, () => applyTrackedPose(a.vrm, a.pose, xr, FRAME_S));
    a.pose.yaw = 0.7;
    a.run(2, () => applyTrackedPose(a.vrm, a.pose, xr, FRAME_S));
    expect(pairYaw(a, "leftUpperLeg", "rightUpperLeg")).toBeCloseTo(0, 2);
    expect(pairYaw(a, "leftUpperArm", "rightUpperArm")).toBeCloseTo(0, 1);
    expect(headYaw(a.vrm.humanoid.getRawBoneNode("head")!)).toBeCloseTo(0.7, 2);
    const neck = headYaw(a.vrm.humanoid.getRawBoneNode("neck")!);
    expect(neck).toBeGreaterThan(0.15);
    expect(neck).toBeLessThan(0.55);
    const target = new Vector3(0.2 * Math.cos(0.7) + 0.35 * Math.sin(0.7), 1.2, -0.2 * Math.sin(0.7) + 0.35 * Math.cos(0.7));
    expect(a.bone("leftHand").distanceTo(target)).toBeLessThan(0.03);
  });

  it("turns the body to face the head when the head stays turned past the comfortable range", async () => {
    const a = await drivenPreset();
    const xr = trackedPose(0, null);
    a.run(0.2, () => applyTrackedPose(a.vrm, a.pose, xr, FRAME_S));
    a.pose.yaw = COMFORT_YAW + 0.3;
    a.run(0.1, () => applyTrackedPose(a.vrm, a.pose, xr, FRAME_S));
    expect(pairYaw(a, "leftUpperLeg", "rightUpperLeg")).toBeCloseTo(0, 2);
    a.run(1.5, () => applyTrackedPose(a.vrm, a.pose, xr, FRAME_S));
    expect(pairYaw(a, "leftUpperLeg", "rightUpperLeg")).toBeCloseTo(a.pose.yaw, 2);
    expect(headYaw(a.vrm.humanoid.getRawBoneNode("head")!)).toBeCloseTo(a.pose.yaw, 2);
  });

  it("grows the avatar by the scale its wearer's client sends, eyes at theirs, sits it down at that size, and gives it back its size when the session ends", async () => {
    const a = await drivenPreset();
    a.pose.yaw = 0.4;
    a.run(0.5);
    const measure = bodyMeasureOf(a.vrm)!;
    const root = a.vrm.scene.parent!;
    const xr = trackedPose(0, null);
    xr.headHeight = measure.eyeY + 0.25;
    xr.bodyScale = xr.headHeight / measure.eyeY;
    const eye = () => a.vrm.humanoid.getRawBoneNode("head")!.localToWorld(a.vrm.lookAt!.offsetFromHeadBone.clone());
    let kind = "";
    // At once: the wearer's client already watched them stand.
    a.run(FRAME_S, () => (kind = applyTrackedPose(a.vrm, a.pose, xr, FRAME_S).kind));
    expect(kind).toBe("standing");
    // The room's state keeps the scale to 16 bits.
    const grown = xr.bodyScale;
    expect(root.scale.x).toBeCloseTo(grown, 4);
    expect(trackedBodyScale(a.pose)).toBeCloseTo(grown, 4);
    // Standing, the eyes are at the headset's, not 25 cm below it; the feet stay on the floor.
    expect(eye().y).toBeCloseTo(xr.headHeight, 1);
    expect(a.bone("leftFoot").y).toBeLessThan(0.15);

    // The same person sits down: still their size, eyes at the seated eye height, feet on the floor.
    xr.headHeight = measure.eyeY * grown - 0.5;
    a.run(0.5, () => (kind = applyTrackedPose(a.vrm, a.pose, xr, FRAME_S).kind));
    expect(kind).toBe("seated");
    expect(root.scale.x).toBeCloseTo(grown, 4);
    expect(eye().y).toBeCloseTo(xr.headHeight, 1);
    expect(a.bone("leftFoot").y).toBeLessThan(0.15);

    endTrackedPose(a.pose);
    expect(root.scale.x).toBe(1);
    expect(trackedBodyScale(a.pose)).toBe(1);
  });

  it("never guesses the size from the head: a head held high at the sent scale 1 keeps the avatar's own size, and a sent scale shrinks it back", async () => {
    const a = await drivenPreset();
    a.run(0.5);
    const xr = trackedPose(0, null);
    xr.headHeight = 2.5;
    xr.bodyScale = MAX_BODY_SCALE;
    a.run(0.5, () => applyTrackedPose(a.vrm, a.pose, xr, FRAME_S));
    expect(a.vrm.scene.parent!.scale.x).toBeCloseTo(MAX_BODY_SCALE, 4);
    // The wearer recalibrated lower (or chose seated): their client sends 1, and the body is its own size again.
    xr.bodyScale = 1;
    a.run(0.5, () => applyTrackedPose(a.vrm, a.pose, xr, FRAME_S));
    expect(a.vrm.scene.parent!.scale.x).toBe(1);
    expect(trackedBodyScale(a.pose)).toBe(1);
  });

  it("turns the body with a snap turn at once, where a head turn as large leaves it standing", async () => {
    const a = await drivenPreset();
    const xr = trackedPose(0, null);
    a.run(0.5, () => applyTrackedPose(a.vrm, a.pose, xr, FRAME_S));
    expect(pairYaw(a, "leftUpperLeg", "rightUpperLeg")).toBeCloseTo(0, 2);
    // The world turns 30° round the person: the room's yaw (where the head looks) goes with it.
    a.pose.yaw = -Math.PI / 6;
    jumpTrackedBody(a.pose, -Math.PI / 6);
    a.run(FRAME_S, () => applyTrackedPose(a.vrm, a.pose, xr, FRAME_S));
    expect(pairYaw(a, "leftUpperLeg", "rightUpperLeg")).toBeCloseTo(-Math.PI / 6, 2);
    // A head turned as far, without a snap, leaves the body where it faced.
    a.pose.yaw = 0;
    a.run(2, () => applyTrackedPose(a.vrm, a.pose, xr, FRAME_S));
    expect(pairYaw(a, "leftUpperLeg", "rightUpperLeg")).toBeCloseTo(-Math.PI / 6, 2);
  });

  it("tells how far a seated body's head is below the standing head (for name tags), and forgets it when the session ends", async () => {
    const a = await drivenPreset();
    a.run(0.5);
    const xr = trackedPose(0, null);
    xr.headHeight = bodyMeasureOf(a.vrm)!.eyeY - 0.4;
    expect(trackedHeadDrop(a.pose)).toBe(0);
    a.run(0.5, () => applyTrackedPose(a.vrm, a.pose, xr, FRAME_S));
    const drop = trackedHeadDrop(a.pose);
    expect(drop).toBeCloseTo(0.4, 1);
    // The driver's head (where labels float from) lowered by it is where the drawn head is.
    const head = a.vrm.humanoid.getRawBoneNode("head")!.getWorldPosition(new Vector3());
    expect(a.driver.headPosition.y - drop).toBeCloseTo(head.y, 1);
    endTrackedPose(a.pose);
    expect(trackedHeadDrop(a.pose)).toBe(0);
  });

  it("knows the body worn in the headset (its placeholder is not drawn there) until the session ends, and only that body", () => {
    const own = { x: 0, y: 0, z: 0, yaw: 0 };
    const other = { x: 0, y: 0, z: 0, yaw: 0 };
    expect(isWorn(own)).toBe(false);
    wearBody(own, true);
    expect(isWorn(own)).toBe(true);
    expect(isWorn(other)).toBe(false);
    wearBody(own, false);
    expect(isWorn(own)).toBe(false);
  });
});
