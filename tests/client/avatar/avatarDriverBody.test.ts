import { describe, expect, it, onTestFinished, vi } from "vitest";
import { Quaternion, Vector3 } from "three";
import { AvatarRig } from "../../../client/avatar/motion/avatarRig";
import { GaitPhase } from "../../../client/avatar/motion/gaitPhase";
import { SpringStep } from "../../../client/avatar/springStep";
import { plantedFootSpeed } from "./support/footSlide";
import { drivenPreset, FRAME_S, type DrivenPreset } from "./support/presetAvatar";

/** How far below its shoulder each hand hangs (m); about an arm's length in a relaxed stance. */
function handDrop(a: DrivenPreset, side: "left" | "right"): number {
  return a.bone(`${side}UpperArm`).y - a.bone(`${side}Hand`).y;
}

/** The horizontal angle (radians) the head faces, 0 = +Z, + towards +X. */
function headYaw(a: DrivenPreset): number {
  const head = a.vrm.humanoid.getRawBoneNode("head")!;
  const forward = new Vector3(0, 0, 1).applyQuaternion(head.getWorldQuaternion(new Quaternion()));
  return Math.atan2(forward.x, forward.z);
}

describe("avatar driver on a generated preset: body", () => {
  it("never stands in a T-pose: over 10 s with no input, arms hang at the sides", async () => {
    const a = await drivenPreset();
    const armLength = a.bone("leftUpperArm").distanceTo(a.bone("leftHand"));
    a.run(10, (t) => {
      if (Math.round(t * 60) % 30 !== 0) return;
      expect(handDrop(a, "left")).toBeGreaterThan(armLength * 0.8);
      expect(handDrop(a, "right")).toBeGreaterThan(armLength * 0.8);
    });
  });

  it("breathes and shifts its weight while standing", async () => {
    const a = await drivenPreset();
    const chest = a.vrm.humanoid.getNormalizedBoneNode("chest")!;
    const seen = new Set<string>();
    a.run(6, () => seen.add(chest.quaternion.x.toFixed(4)));
    expect(seen.size).toBeGreaterThan(20);
  });

  it("glances aside now and then when it has no one to look at", async () => {
    const a = await drivenPreset();
    let widest = 0;
    a.run(40, () => (widest = Math.max(widest, Math.abs(headYaw(a)))));
    expect(widest).toBeGreaterThan(0.3);
  });

  it("steps at a rate matched to ground speed, one foot swinging at a time", async () => {
    const a = await drivenPreset();
    const speed = 1.4;
    a.pose.speed = speed;
    const left = a.vrm.humanoid.getNormalizedBoneNode("leftLowerLeg")!;
    const right = a.vrm.humanoid.getNormalizedBoneNode("rightLowerLeg")!;
    let strikes = 0;
    let wasSwinging = false;
    let maxKnee = 0;
    const seconds = 10;
    a.run(seconds, () => {
      a.pose.z += speed * FRAME_S;
      const swinging = left.quaternion.x > 0.005;
      expect(swinging && right.quaternion.x > 0.005).toBe(false);
      if (wasSwinging && !swinging) strikes++;
      wasSwinging = swinging;
      maxKnee = Math.max(maxKnee, left.quaternion.x);
    });
    const cycles = (speed * seconds) / new GaitPhase(new AvatarRig(a.vrm).hipHeight).cycleLength(speed);
    expect(Math.abs(strikes - cycles)).toBeLessThanOrEqual(1);
    expect(maxKnee).toBeGreaterThan(0.2);
  });

  it("steps on the spot while turning in place, and stands still when not", async () => {
    const a = await drivenPreset();
    const knee = a.vrm.humanoid.getNormalizedBoneNode("leftLowerLeg")!;
    let bent = 0;
    a.run(2, () => (bent = Math.max(bent, knee.quaternion.x)));
    expect(bent).toBeLessThan(0.01);
    a.run(2, () => {
      a.pose.yaw += 2 * FRAME_S;
      bent = Math.max(bent, knee.quaternion.x);
    });
    expect(bent).toBeGreaterThan(0.1);
  });

  it("keeps planted feet from sliding: a foot on the ground moves far slower than the body", async () => {
    const a = await drivenPreset();
    const speed = 1.4;
    a.pose.speed = speed;
    const slide = plantedFootSpeed(a.vrm, 5, FRAME_S, (dt) => {
      a.pose.z += speed * dt;
      a.driver.update(dt, a.pose);
    });
    expect(slide.samples).toBeGreaterThan(200);
    expect(slide.speed).toBeLessThan(speed * 0.15);
  });

  it("waves with the right arm raised, then lowers it again", async () => {
    const a = await drivenPreset();
    a.run(0.5);
    const restElbow = a.bone("rightLowerArm").y;
    const restLeftHand = a.bone("leftHand").y;
    a.driver.playGesture("wave");
    a.run(0.8);
    expect(a.bone("rightLowerArm").y).toBeGreaterThan(restElbow + 0.15);
    expect(a.bone("rightHand").y).toBeGreaterThan(a.bone("rightUpperArm").y);
    expect(Math.abs(a.bone("leftHand").y - restLeftHand)).toBeLessThan(0.05);
    a.run(2.5);
    expect(Math.abs(a.bone("rightLowerArm").y - restElbow)).toBeLessThan(0.05);
  });

  it("nods and shakes its head", async () => {
    const a = await drivenPreset();
    a.run(0.5);
    const head = a.vrm.humanoid.getNormalizedBoneNode("head")!;
    a.driver.playGesture("nod");
    let maxPitch = 0;
    a.run(1.1, () => (maxPitch = Math.max(maxPitch, head.quaternion.x)));
    expect(maxPitch).toBeGreaterThan(0.08);
    a.driver.playGesture("shake");
    let left = 0;
    let right = 0;
    a.run(1.3, () => {
      left = Math.max(left, head.quaternion.y);
      right = Math.min(right, head.quaternion.y);
    });
    expect(left).toBeGreaterThan(0.08);
    expect(right).toBeLessThan(-0.08);
  });

  it("points the nearer arm at a place", async () => {
    const a = await drivenPreset();
    a.run(0.3);
    const target = new Vector3(3, 1.5, 3); // ahead and to the avatar's left (+X at yaw 0)
    a.driver.playGesture("point", target);
    a.run(1);
    const shoulder = a.bone("leftUpperArm");
    const arm = a.bone("leftHand").sub(shoulder).normalize();
    const wanted = target.clone().sub(shoulder).normalize();
    expect(arm.angleTo(wanted)).toBeLessThan(0.3);
  });

  it("turns its head towards whom it looks at before the body turns", async () => {
    const a = await drivenPreset();
    a.run(0.3);
    a.driver.lookAt({ x: 2, y: 1.5, z: 1 });
    a.run(0.6);
    expect(headYaw(a)).toBeGreaterThan(0.5);
    expect(a.root.rotation.y).toBe(0);
    expect(a.vrm.lookAt!.yaw).toBeGreaterThan(0);
    a.driver.lookAt(null);
    a.run(1);
    expect(Math.abs(headYaw(a))).toBeLessThan(0.3);
  });

  it("reports where its head is, following the pose", async () => {
    const a = await drivenPreset();
    a.pose.x = 4;
    a.pose.z = -2;
    a.run(0.1);
    const head = a.driver.headPosition;
    expect(head.y).toBeGreaterThan(1);
    expect(head.y).toBeLessThan(2);
    expect(Math.hypot(head.x - 4, head.z + 2)).toBeLessThan(0.3);
    expect(a.driver.lastUpdateMs).toBeGreaterThan(0);
  });

  it("skips springs and gaze when far, and updates at a reduced rate farther still", async () => {
    const a = await drivenPreset();
    // One body in this test: every spring step is its own.
    const springs = vi.spyOn(SpringStep.prototype, "update");
    onTestFinished(() => springs.mockRestore());
    a.driver.setDistance(5);
    a.run(1);
    expect(springs).toHaveBeenCalledTimes(60);
    springs.mockClear();
    a.driver.setDistance(20);
    a.run(1);
    expect(springs).not.toHaveBeenCalled();
    a.driver.setDistance(40);
    const spine = a.vrm.humanoid.getRawBoneNode("spine")!.quaternion;
    const last = spine.clone();
    let posed = 0;
    a.run(1, () => {
      if (!spine.equals(last)) posed++;
      last.copy(spine);
    });
    expect(posed).toBeGreaterThan(5);
    expect(posed).toBeLessThan(15);
  });

  it("fades its materials for warps, down to the MToon shader's own opacity", async () => {
    const a = await drivenPreset();
    const mtoon = (a.vrm.materials ?? []) as { opacity: number; uniforms?: { opacity?: { value: number } } }[];
    const uploaded = () => mtoon.flatMap((m) => (m.uniforms?.opacity ? [m.uniforms.opacity.value] : []));
    a.run(0.1);
    expect(uploaded().length).toBeGreaterThan(3);
    a.driver.setFade(0.25);
    a.run(FRAME_S);
    expect(Math.max(...mtoon.map((m) => m.opacity))).toBeLessThanOrEqual(0.25);
    expect(Math.max(...uploaded())).toBeLessThanOrEqual(0.25);
    a.driver.setFade(1);
    a.run(FRAME_S);
    expect(Math.min(...uploaded())).toBe(1);
    expect(a.vrm.scene.visible).toBe(true);
  });
});
