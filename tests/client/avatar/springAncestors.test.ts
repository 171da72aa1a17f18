import { describe, expect, it } from "vitest";
import { Group, type Object3D } from "three";
import type { VRM } from "@pixiv/three-vrm";
import { pruneSpringAncestors } from "../../../client/avatar/springAncestors";
import { placedPreset } from "./support/presetAvatar";

const ancestors = (vrm: VRM) => (vrm.springBoneManager as unknown as { _ancestors: Object3D[] })._ancestors;

/** Sways the hips and turns the head a little each step, moving the root as a walk would. */
function step(vrm: VRM, root: Group, i: number): void {
  root.position.x = i * 0.02;
  root.rotation.y = Math.sin(i * 0.1) * 0.8;
  vrm.humanoid.getRawBoneNode("hips")!.rotation.z = Math.sin(i * 0.3) * 0.2;
  vrm.humanoid.getRawBoneNode("head")!.rotation.y = Math.sin(i * 0.2) * 0.6;
  vrm.humanoid.getRawBoneNode("leftUpperArm")!.rotation.z = Math.sin(i * 0.25);
  vrm.springBoneManager!.update(1 / 60);
}


describe("pruneSpringAncestors", () => {
  for (const id of ["juniper", "wren"]) {
    it(`leaves ${id}'s hair and cloth swinging exactly as before, updating fewer nodes`, async () => {
      const reference = await placedPreset(id);
      const pruned = await placedPreset(id);
      const before = [...ancestors(pruned.vrm)];
      const rest = [...pruned.vrm.springBoneManager!.joints].map((joint) => joint.bone.quaternion.clone());
      expect(pruneSpringAncestors(pruned.vrm.springBoneManager!)).toBe(true);
      const after = ancestors(pruned.vrm);
      expect(after.length).toBeLessThan(before.length);
      // The common ancestor stays first: the manager brings its parents up to date through it.
      expect(after[0]).toBe(before[0]);
      for (let i = 0; i < 120; i++) {
        step(reference.vrm, reference.root, i);
        step(pruned.vrm, pruned.root, i);
      }
      const joints = [...pruned.vrm.springBoneManager!.joints];
      const referenceJoints = [...reference.vrm.springBoneManager!.joints];
      expect(joints.length).toBeGreaterThan(0);
      let moved = 0;
      joints.forEach((joint, j) => {
        const expected = referenceJoints[j]!.bone.quaternion;
        expect(joint.bone.quaternion.toArray()).toEqual(expected.toArray());
        if (Math.abs(expected.dot(rest[j]!)) < 0.99999) moved++;
      });
      // The motion did swing the springs (an idle model would pass trivially).
      expect(moved).toBeGreaterThan(0);
    });
  }
});
