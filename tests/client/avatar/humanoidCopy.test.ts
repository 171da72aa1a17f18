import { describe, expect, it, vi } from "vitest";
import { Quaternion, Vector3 } from "three";
import type { VRM } from "@pixiv/three-vrm";
import { copyHumanoidPose, HumanoidCopy } from "../../../client/avatar/humanoidCopy";
import { parseVrm } from "../../../client/avatar/loading/vrmParser";
import { seededRandom } from "../../../client/world/seededRandom";
import { heapGrowthPerCall } from "./support/heapGrowth";
import { drivenPreset, presetBytes } from "./support/presetAvatar";
import { skeletonVrm0 } from "./support/skeletonVrm0";

/** A twisted rest pose: every joint's rest rotation is this, so parent and rest rotations matter. */
const TWIST = new Quaternion().setFromAxisAngle(new Vector3(1, 2, 0.5).normalize(), 0.6);
const TURN = new Quaternion().setFromAxisAngle(new Vector3(0, 1, 0), 0.5);

type Source = () => Promise<ArrayBuffer>;
const SOURCES: [name: string, bytes: Source][] = [
  ["a generated VRM 1.0 preset", () => presetBytes("juniper")],
  [
    "a VRM 0.x rig with twisted rest rotations under a moved armature",
    async () => skeletonVrm0({ restRotation: [TWIST.x, TWIST.y, TWIST.z, TWIST.w], armature: { translation: [0.3, 0.1, -0.2], rotation: [TURN.x, TURN.y, TURN.z, TURN.w] } }),
  ],
];

/** Puts every normalised bone of `vrm` in a random pose (the same for the same seed), hips moved too. */
function randomPose(vrm: VRM, seed: number): void {
  const random = seededRandom(seed);
  for (const node of Object.values(vrm.humanoid.normalizedHumanBones)) {
    node.node.quaternion.set(random() - 0.5, random() - 0.5, random() - 0.5, random() - 0.5).normalize();
  }
  vrm.humanoid.getNormalizedBoneNode("hips")!.position.add(new Vector3(random() - 0.5, random() * 0.2, random() - 0.5));
}

/** The default preset with its HumanoidCopy, posed at random once. */
async function posedPreset(seed: number): Promise<{ vrm: VRM; copy: HumanoidCopy }> {
  const vrm = await parseVrm(await presetBytes());
  const copy = new HumanoidCopy(vrm);
  randomPose(vrm, seed);
  copy.update();
  return { vrm, copy };
}

function expectSameRawPose(copied: VRM, reference: VRM): void {
  for (const [name, bone] of Object.entries(reference.humanoid.rawHumanBones)) {
    const mine = copied.humanoid.getRawBoneNode(name as never)!;
    // q and −q are the same rotation.
    expect(Math.abs(mine.quaternion.dot(bone.node.quaternion)), name).toBeCloseTo(1, 9);
  }
  const hips = reference.humanoid.getRawBoneNode("hips")!.position;
  expect(copied.humanoid.getRawBoneNode("hips")!.position.distanceTo(hips)).toBeLessThan(1e-9);
}

describe("HumanoidCopy", () => {
  for (const [name, bytes] of SOURCES) {
    it(`poses the raw bones of ${name} exactly as three-vrm's humanoid update does`, async () => {
      const reference = await parseVrm(await bytes());
      const copied = await parseVrm(await bytes());
      const copy = new HumanoidCopy(copied);
      for (let seed = 1; seed <= 4; seed++) {
        randomPose(reference, seed);
        randomPose(copied, seed);
        reference.humanoid.update();
        copy.update();
        expectSameRawPose(copied, reference);
      }
    });
  }

  it("skips bones whose pose did not change, but restores a raw bone someone else wrote", async () => {
    const { vrm, copy } = await posedPreset(9);
    const neck = vrm.humanoid.getRawBoneNode("neck")!;
    const posed = neck.quaternion.clone();
    const writes = vi.spyOn(neck.quaternion, "copy");
    copy.update();
    expect(writes).not.toHaveBeenCalled();
    neck.quaternion.set(0, 0, 0, 1);
    copy.update();
    expect(writes).toHaveBeenCalledTimes(1);
    expect(neck.quaternion.equals(posed)).toBe(true);
  });

  it("is shared by a VRM's driver and the layers that pose it further, which copy only what they changed", async () => {
    const body = await drivenPreset("wren");
    body.run(0.5);
    const reference = await parseVrm(await presetBytes("wren"));
    expect(HumanoidCopy.of(body.vrm)).toBe(HumanoidCopy.of(body.vrm));
    expect(HumanoidCopy.of(reference)).not.toBe(HumanoidCopy.of(body.vrm));
    // A tracked head turned after the driver's update: only that bone is copied again.
    const head = body.vrm.humanoid.getNormalizedBoneNode("head")!;
    head.quaternion.setFromAxisAngle(new Vector3(0, 1, 0), 0.7);
    const rawHead = body.vrm.humanoid.getRawBoneNode("head")!.quaternion;
    const rawNeck = body.vrm.humanoid.getRawBoneNode("neck")!.quaternion;
    const headWrites = vi.spyOn(rawHead, "copy");
    const neckWrites = vi.spyOn(rawNeck, "copy");
    copyHumanoidPose(body.vrm);
    expect(headWrites).toHaveBeenCalledTimes(1);
    expect(neckWrites).not.toHaveBeenCalled();
    // The same raw pose as three-vrm's full copy of the same normalised pose.
    for (const [name, bone] of Object.entries(body.vrm.humanoid.normalizedHumanBones)) {
      reference.humanoid.getNormalizedBoneNode(name as never)!.quaternion.copy(bone.node.quaternion);
      reference.humanoid.getNormalizedBoneNode(name as never)!.position.copy(bone.node.position);
    }
    reference.humanoid.update();
    expectSameRawPose(body.vrm, reference);
  });

  it("copies a moving pose without making garbage", async () => {
    const { vrm, copy } = await posedPreset(5);
    const neck = vrm.humanoid.getNormalizedBoneNode("neck")!.quaternion;
    const hips = vrm.humanoid.getNormalizedBoneNode("hips")!.position;
    const clock = new Float64Array(1);
    const bytes = heapGrowthPerCall(
      () => {
        clock[0] = clock[0]! + 0.01;
        neck.x = Math.sin(clock[0]!) * 0.1;
        hips.y = 0.9 + Math.sin(clock[0]!) * 0.01;
        copy.update();
      },
      { warmUp: 5000, calls: 5000 },
    );
    expect(bytes).toBeLessThan(1);
  });

  it("leaves the normalised rig out of the scene's matrix pass, yet its world positions stay right when asked for", async () => {
    const { vrm } = await posedPreset(3);
    const normalizedHand = vrm.humanoid.getNormalizedBoneNode("leftHand")!;
    const before = normalizedHand.matrixWorld.clone();
    vrm.scene.position.set(2, 0, -1);
    vrm.scene.updateMatrixWorld();
    expect(normalizedHand.matrixWorld.equals(before)).toBe(true);
    const asked = normalizedHand.getWorldPosition(new Vector3());
    const raw = vrm.humanoid.getRawBoneNode("leftHand")!.getWorldPosition(new Vector3());
    expect(asked.distanceTo(raw)).toBeLessThan(1e-6);
  });
});
