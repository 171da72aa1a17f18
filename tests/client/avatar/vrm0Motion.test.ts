import { describe, expect, it } from "vitest";
import { Group, Vector3 } from "three";
import type { VRMHumanBoneName } from "@pixiv/three-vrm";
import { createAvatarDriver } from "../../../client/avatar";
import { parseVrm } from "../../../client/avatar/loading/vrmParser";
import { seededRandom } from "../../../client/world/seededRandom";
import { plantedFootSpeed } from "./support/footSlide";
import { skeletonVrm0 } from "./support/skeletonVrm0";

async function driven() {
  const vrm = await parseVrm(skeletonVrm0());
  const root = new Group();
  root.add(vrm.scene);
  const driver = createAvatarDriver({ random: seededRandom(2) });
  driver.attach(vrm, root);
  const pose = { x: 0, y: 0, z: 0, yaw: 0, speed: 0 };
  const run = (seconds: number) => {
    for (let t = 0; t < seconds - 1e-9; t += 1 / 60) driver.update(1 / 60, pose);
  };
  const bone = (name: VRMHumanBoneName) => vrm.humanoid.getRawBoneNode(name)!.getWorldPosition(new Vector3());
  return { vrm, driver, run, bone };
}

describe("a VRM 0.x avatar", () => {
  it("is turned to face +Z like a 1.0 one", async () => {
    const { vrm, bone } = await driven();
    expect(vrm.meta.metaVersion).toBe("0");
    // Facing +Z, the avatar's left hand is on +X.
    expect(bone("leftHand").x).toBeGreaterThan(0.3);
  });

  it("rests with its arms down and waves with its right arm, as a 1.0 avatar does", async () => {
    const a = await driven();
    a.run(1);
    for (const side of ["left", "right"] as const) {
      expect(a.bone(`${side}UpperArm`).y - a.bone(`${side}Hand`).y).toBeGreaterThan(0.35);
    }
    const restElbow = a.bone("rightLowerArm").y;
    a.driver.playGesture("wave");
    a.run(0.8);
    expect(a.bone("rightLowerArm").y).toBeGreaterThan(restElbow + 0.15);
    expect(a.bone("rightHand").y).toBeGreaterThan(a.bone("rightUpperArm").y);
    expect(a.bone("rightHand").x).toBeLessThan(0);
  });

  it("walks with planted feet that stay put, as a 1.0 avatar does", async () => {
    const a = await driven();
    const pose = { x: 0, y: 0, z: 0, yaw: 0, speed: 1.4 };
    const slide = plantedFootSpeed(a.vrm, 5, 1 / 60, (dt) => {
      pose.z += pose.speed * dt;
      a.driver.update(dt, pose);
    });
    expect(slide.samples).toBeGreaterThan(200);
    expect(slide.speed).toBeLessThan(pose.speed * 0.15);
  });
});
