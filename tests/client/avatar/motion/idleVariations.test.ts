import { describe, expect, it } from "vitest";
import { AnimationClip, Group, QuaternionKeyframeTrack, Vector3 } from "three";
import { createAvatarDriver } from "../../../../client/avatar";
import { parseVrm } from "../../../../client/avatar/loading/vrmParser";
import { IDLE_CLIP_FADE_S } from "../../../../client/avatar/motion/idleVariations";
import type { IdleVariation } from "../../../../client/avatar/motion/motionClips";
import { presetBytes } from "../support/presetAvatar";
import { shippedClips } from "../support/shippedClips";
import { skeletonVrm0 } from "../support/skeletonVrm0";
import { FRAME_S, StandingIdle } from "../support/standingIdle";
import { seededRandom } from "../../../../client/world/seededRandom";

async function standingPreset(names?: IdleVariation[], seed = 3): Promise<StandingIdle> {
  const vrm = await parseVrm(await presetBytes("wren"));
  return new StandingIdle(vrm, await shippedClips(vrm, names), seed);
}

describe("idle variations from VRMA clips", () => {
  it("standing calm, plays the shipped variations now and then, never the same one twice in a row", async () => {
    const a = await standingPreset();
    const played: IdleVariation[] = [];
    let calmFrames = 0;
    let before: IdleVariation | null = null;
    let widestLook = 0;
    for (let t = 0; t < 120; t += FRAME_S) {
      a.step();
      const now = a.idle.variations.playing;
      if (now && !before) played.push(now);
      before = now;
      if (!now) calmFrames++;
      // The lookAround clip stands in for the procedural glance: the head turns only while it plays.
      if (now !== "lookAround") expect(Math.abs(a.idle.glanceYaw)).toBeLessThan(1e-3);
      else widestLook = Math.max(widestLook, Math.abs(a.idle.glanceYaw));
    }
    expect(played.length).toBeGreaterThanOrEqual(5);
    expect(new Set(played)).toEqual(new Set(["stretch", "lookAround", "shiftWeight"]));
    played.slice(1).forEach((name, i) => expect(name).not.toBe(played[i]));
    // lookAround turns head and neck ≈ 50° at the most (0.87 rad), through the gaze.
    expect(widestLook).toBeGreaterThan(0.7);
    // Gaps of plain standing between them (7–16 s each).
    expect(calmFrames * FRAME_S).toBeGreaterThan(played.length * 6);
  });

  it("the stretch clip raises both hands above the head, and the arms come back down after it", async () => {
    const a = await standingPreset(["stretch"]);
    const handsUp = () => a.bone("leftHand").y > a.bone("head").y && a.bone("rightHand").y > a.bone("head").y;
    expect(a.runUntil(60, handsUp)).toBe(true);
    expect(a.idle.variations.playing).toBe("stretch");
    expect(a.runUntil(10, () => a.idle.variations.playing === null)).toBe(true);
    a.step();
    expect(a.bone("leftHand").y).toBeLessThan(a.bone("leftUpperArm").y - 0.3);
  });

  it.each([
    ["a generated VRM 1.0", async () => parseVrm(await presetBytes("wren"))],
    ["a VRM 0.x (mirrored frame)", async () => parseVrm(skeletonVrm0())],
  ] as const)("on %s: stretch starts from the arms down and lifts them; shiftWeight slides the hips to the avatar's left", async (_, load) => {
    const vrm = await load();
    const a = new StandingIdle(vrm, await shippedClips(vrm, ["stretch", "shiftWeight"]), 5);
    const handsUp = () => a.bone("leftHand").y > a.bone("head").y && a.bone("rightHand").y > a.bone("head").y;
    const restHipsX = a.bone("hips").x;
    expect(a.runUntil(120, () => a.idle.variations.playing === "stretch")).toBe(true);
    a.runUntil(0.1, () => false);
    expect(a.bone("leftHand").y).toBeLessThan(a.bone("leftUpperArm").y - 0.2);
    a.runUntil(1.4, () => false);
    expect(handsUp()).toBe(true);
    let shift = 0;
    a.runUntil(120, () => {
      if (a.idle.variations.playing === "shiftWeight") shift = Math.max(shift, a.bone("hips").x - restHipsX);
      return shift > 0 && a.idle.variations.playing === null;
    });
    // Both bodies face +Z, so the avatar's left is +X; ~3 cm scaled to the body, over the procedural sway.
    expect(shift).toBeGreaterThan(0.025);
  });

  it("starts none while the body is busy or walking", async () => {
    const a = await standingPreset();
    expect(a.runUntil(60, () => a.idle.variations.playing !== null, 1, true)).toBe(false);
    expect(a.runUntil(60, () => a.idle.variations.playing !== null, 0, false)).toBe(false);
  });

  it("fades a playing variation out smoothly when the body gets busy", async () => {
    const a = await standingPreset(["stretch"]);
    expect(a.runUntil(60, () => a.idle.variations.playing === "stretch")).toBe(true);
    a.runUntil(1.2, () => false);
    const hand = () => a.bone("leftHand").y;
    let last = hand();
    let biggestStep = 0;
    const stopped = a.runUntil(
      IDLE_CLIP_FADE_S + 2 * FRAME_S,
      () => {
        biggestStep = Math.max(biggestStep, Math.abs(hand() - last));
        last = hand();
        return a.idle.variations.playing === null;
      },
      1,
      true,
    );
    expect(stopped).toBe(true);
    expect(a.bone("leftHand").y).toBeLessThan(a.bone("leftUpperArm").y - 0.3);
    // The hand comes down over the fade, not in one jump (arm ≈ 0.5 m, 18 frames).
    expect(biggestStep).toBeLessThan(0.12);
  });

  it("falls back to the procedural glance when there is no lookAround clip", async () => {
    const a = await standingPreset(["stretch", "shiftWeight"]);
    expect(a.idle.variations.has("lookAround")).toBe(false);
    expect(a.runUntil(60, () => Math.abs(a.idle.glanceYaw) > 0.2)).toBe(true);
  });

  it("treats a clip that moves none of the body's bones as missing", async () => {
    const vrm = await parseVrm(await presetBytes("wren"));
    const stray = new AnimationClip("lookAround", 2, [new QuaternionKeyframeTrack("NoSuchBone.quaternion", [0, 2], [0, 0, 0, 1, 0, 0, 0, 1])]);
    const a = new StandingIdle(vrm, { lookAround: stray });
    expect(a.idle.variations.has("lookAround")).toBe(false);
    expect(a.runUntil(60, () => a.idle.variations.playing !== null)).toBe(false);
    expect(a.runUntil(60, () => Math.abs(a.idle.glanceYaw) > 0.2)).toBe(true);
  });

  it("play through the avatar driver once it is given the clips, while the gaze still follows its target", async () => {
    const vrm = await parseVrm(await presetBytes("wren"));
    const root = new Group();
    root.add(vrm.scene);
    const driver = createAvatarDriver({ random: seededRandom(2) });
    driver.attach(vrm, root, await shippedClips(vrm, ["stretch"]));
    driver.lookAt({ x: 0, y: 1.4, z: 2 });
    const pose = { x: 0, y: 0, z: 0, yaw: 0, speed: 0 };
    const y = (bone: "leftHand" | "rightHand" | "head") => vrm.humanoid.getRawBoneNode(bone)!.getWorldPosition(new Vector3()).y;
    let stretched = false;
    for (let t = 0; t < 60 && !stretched; t += FRAME_S) {
      driver.update(FRAME_S, pose);
      stretched = y("leftHand") > y("head") && y("rightHand") > y("head");
    }
    expect(stretched).toBe(true);
  });

  it("out of view nothing is posed, but the variation's clock runs on: back in view, a finished stretch is over", async () => {
    const vrm = await parseVrm(await presetBytes("wren"));
    const root = new Group();
    root.add(vrm.scene);
    const driver = createAvatarDriver({ random: seededRandom(2) });
    driver.attach(vrm, root, await shippedClips(vrm, ["stretch"]));
    const pose = { x: 0, y: 0, z: 0, yaw: 0, speed: 0 };
    const y = (bone: "leftHand" | "head") => vrm.humanoid.getRawBoneNode(bone)!.getWorldPosition(new Vector3()).y;
    let t = 0;
    for (; t < 60 && !(y("leftHand") > y("head")); t += FRAME_S) driver.update(FRAME_S, pose);
    expect(y("leftHand")).toBeGreaterThan(y("head"));
    driver.setInView(false);
    const arm = vrm.humanoid.getNormalizedBoneNode("leftUpperArm")!.quaternion.clone();
    for (let s = 0; s < 5; s += FRAME_S) {
      driver.update(FRAME_S, pose);
      expect(vrm.humanoid.getNormalizedBoneNode("leftUpperArm")!.quaternion.equals(arm)).toBe(true);
    }
    driver.setInView(true);
    driver.update(FRAME_S, pose);
    expect(y("leftHand")).toBeLessThan(y("head") - 0.3);
  });
});
