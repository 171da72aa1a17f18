import { describe, expect, it } from "vitest";
import { Quaternion, Vector3 } from "three";
import type { VRM } from "@pixiv/three-vrm";
import { parseVrm } from "../../../../client/avatar/loading/vrmParser";
import { AvatarRig } from "../../../../client/avatar/motion/avatarRig";
import { BodyPose } from "../../../../client/avatar/motion/bodyPose";
import { GesturePlayer } from "../../../../client/avatar/motion/gesturePlayer";
import { presetBytes } from "../support/presetAvatar";
import { shippedClips } from "../support/shippedClips";

const FRAME_S = 1 / 60;
/** Where the gaze has turned the head (radians, + the avatar's left), added to the pose each frame. */
const GAZE_YAW = 0.5;

function headAngles(vrm: VRM): { yaw: number; pitch: number } {
  const forward = new Vector3(0, 0, 1).applyQuaternion(vrm.humanoid.getRawBoneNode("head")!.getWorldQuaternion(new Quaternion()));
  return { yaw: Math.atan2(forward.x, forward.z), pitch: Math.asin(-forward.y) };
}

async function player() {
  const vrm = await parseVrm(await presetBytes("wren"));
  const rig = new AvatarRig(vrm);
  const gestures = new GesturePlayer(rig);
  gestures.useClips(await shippedClips(vrm));
  const pose = new BodyPose();
  const step = () => {
    gestures.update(FRAME_S);
    pose.clear();
    pose.add("head", 0, GAZE_YAW, 0);
    rig.apply(pose, gestures.frame);
    vrm.humanoid.update();
    vrm.scene.updateMatrixWorld(true);
  };
  return { vrm, gestures, step };
}

describe("gestures from the shipped VRMA clips", () => {
  it("nod plays from its clip on top of the gaze: the head dips while still turned to its target", async () => {
    const { vrm, gestures, step } = await player();
    step();
    const before = headAngles(vrm);
    gestures.play("nod");
    let deepest = 0;
    for (let t = 0; t < 1.25; t += FRAME_S) {
      step();
      if (gestures.playing) expect(gestures.playingClip).toBe(true);
      const now = headAngles(vrm);
      expect(Math.abs(now.yaw - before.yaw)).toBeLessThan(0.05);
      deepest = Math.max(deepest, now.pitch - before.pitch);
    }
    expect(deepest).toBeGreaterThan(0.15);
    expect(gestures.playing).toBeNull();
  });

  it("shake turns the head either way around where the gaze holds it", async () => {
    const { vrm, gestures, step } = await player();
    step();
    const before = headAngles(vrm).yaw;
    gestures.play("shake");
    let left = 0;
    let right = 0;
    for (let t = 0; t < 1.4; t += FRAME_S) {
      step();
      const offset = headAngles(vrm).yaw - before;
      left = Math.max(left, offset);
      right = Math.min(right, offset);
    }
    expect(left).toBeGreaterThan(0.15);
    expect(right).toBeLessThan(-0.15);
  });

  it("wave lifts the right hand above the head, palm forward, then lowers it", async () => {
    const { vrm, gestures, step } = await player();
    const y = (bone: "rightHand" | "head") => vrm.humanoid.getRawBoneNode(bone)!.getWorldPosition(new Vector3()).y;
    step();
    const restHand = y("rightHand");
    gestures.play("wave");
    expect(gestures.playingClip).toBe(true);
    let highest = -Infinity;
    for (let t = 0; t < 1.2; t += FRAME_S) {
      step();
      highest = Math.max(highest, y("rightHand") - y("head"));
    }
    expect(highest).toBeGreaterThan(0.1);
    const palm = new Vector3(0, -1, 0).applyQuaternion(vrm.humanoid.getRawBoneNode("rightHand")!.getWorldQuaternion(new Quaternion()));
    expect(palm.z).toBeGreaterThan(0.7);
    for (let t = 0; t < 1.5; t += FRAME_S) step();
    expect(gestures.playing).toBeNull();
    expect(y("rightHand")).toBeCloseTo(restHand, 3);
  });

  it("point stays aimed procedurally even when a clip is offered for it", async () => {
    const { vrm, gestures, step } = await player();
    const clips = await shippedClips(vrm);
    gestures.useClips({ ...clips, point: clips.wave });
    gestures.play("point", { x: -2, y: 1.2, z: 1 });
    step();
    expect(gestures.playing).toBe("point");
    expect(gestures.playingClip).toBe(false);
  });
});
