import { describe, expect, it } from "vitest";
import { Group, Quaternion, QuaternionKeyframeTrack, Vector3 } from "three";
import { VRMAnimation } from "@pixiv/three-vrm-animation";
import { createAvatarDriver } from "../../../client/avatar";
import { bindMotionClips } from "../../../client/avatar/loading/bindMotionClips";
import { parseVrm } from "../../../client/avatar/loading/vrmParser";
import { seededRandom } from "../../../client/world/seededRandom";
import { skeletonVrm0 } from "./support/skeletonVrm0";

/** A VRMA animation made in memory: the left arm straight up for a second (VRM 1.0 frame). */
function armsUpAnimation(): VRMAnimation {
  const animation = new VRMAnimation();
  animation.duration = 1;
  const up = new Quaternion().setFromAxisAngle(new Vector3(0, 0, 1), Math.PI / 2);
  animation.humanoidTracks.rotation.set(
    "leftUpperArm",
    new QuaternionKeyframeTrack("leftUpperArm.quaternion", [0, 1], [...up.toArray(), ...up.toArray()]),
  );
  return animation;
}

describe("VRMA gesture clips", () => {
  it("play instead of the procedural gesture when the avatar has one", async () => {
    const vrm = await parseVrm(skeletonVrm0());
    const root = new Group();
    root.add(vrm.scene);
    const driver = createAvatarDriver({ random: seededRandom(4) });
    driver.attach(vrm, root, bindMotionClips({ wave: armsUpAnimation() }, vrm));
    const pose = { x: 0, y: 0, z: 0, yaw: 0, speed: 0 };
    const at = (name: "leftHand" | "head") => vrm.humanoid.getRawBoneNode(name)!.getWorldPosition(new Vector3());
    const run = (s: number) => {
      for (let t = 0; t < s - 1e-9; t += 1 / 60) driver.update(1 / 60, pose);
    };
    run(0.5);
    expect(at("leftHand").y).toBeLessThan(at("head").y - 0.3);
    driver.playGesture("wave");
    run(0.5);
    expect(at("leftHand").y).toBeGreaterThan(at("head").y);
    run(0.6);
    expect(at("leftHand").y).toBeLessThan(at("head").y - 0.3);
  });
});
