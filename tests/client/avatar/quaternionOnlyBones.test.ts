import { describe, expect, it } from "vitest";
import { Euler, Group, Quaternion, Vector3 } from "three";
import type { VRM } from "@pixiv/three-vrm";
import { HumanoidCopy } from "../../../client/avatar/humanoidCopy";
import { parseVrm } from "../../../client/avatar/loading/vrmParser";
import { QuaternionOnlyBones } from "../../../client/avatar/quaternionOnlyBones";
import { seededRandom } from "../../../client/world/seededRandom";
import { presetBytes } from "./support/presetAvatar";

async function placed(): Promise<{ vrm: VRM; copy: HumanoidCopy }> {
  const vrm = await parseVrm(await presetBytes("juniper"));
  new Group().add(vrm.scene);
  return { vrm, copy: new HumanoidCopy(vrm) };
}

/** One frame of posing: random normalised bone rotations, copied to the raw skeleton, then the springs. */
function pose({ vrm, copy }: { vrm: VRM; copy: HumanoidCopy }, seed: number): void {
  const random = seededRandom(seed);
  for (const bone of Object.values(vrm.humanoid.normalizedHumanBones)) {
    bone.node.quaternion.multiply(new Quaternion().setFromEuler(new Euler((random() - 0.5) * 0.2, (random() - 0.5) * 0.2, (random() - 0.5) * 0.2)));
  }
  copy.update();
  vrm.springBoneManager!.update(1 / 60);
  vrm.scene.updateMatrixWorld(true);
}

const posedBones = (vrm: VRM) => vrm.springBoneManager!.joints.size + Object.values(vrm.humanoid.rawHumanBones).length;

describe("QuaternionOnlyBones", () => {
  it("poses the skeleton and the springs exactly as with three's Euler bookkeeping", async () => {
    const reference = await placed();
    const detached = await placed();
    new QuaternionOnlyBones().attach(detached.vrm);
    expect(posedBones(detached.vrm)).toBeGreaterThan(50);
    for (let seed = 1; seed <= 30; seed++) {
      pose(reference, seed);
      pose(detached, seed);
    }
    const nodes = (vrm: VRM) => {
      const all: number[][] = [];
      vrm.scene.traverse((o) => all.push(o.matrixWorld.toArray()));
      return all;
    };
    expect(nodes(detached.vrm)).toEqual(nodes(reference.vrm));
  });

  it("stops deriving the posed bones' Euler while attached, and brings it back in step on restore", async () => {
    const { vrm } = await placed();
    const head = vrm.humanoid.getRawBoneNode("head")!;
    const bones = new QuaternionOnlyBones();
    bones.attach(vrm);
    head.quaternion.setFromAxisAngle(new Vector3(0, 1, 0), 0.7);
    expect(head.rotation.y).toBe(0);
    bones.restore();
    expect(head.rotation.y).toBeCloseTo(0.7, 9);
    head.quaternion.setFromAxisAngle(new Vector3(1, 0, 0), 0.3);
    expect(head.rotation.x).toBeCloseTo(0.3, 9);
    // And writing the Euler still turns the bone.
    head.rotation.set(0, 0, 0.2);
    expect(head.quaternion.z).toBeCloseTo(Math.sin(0.1), 9);
  });
});
