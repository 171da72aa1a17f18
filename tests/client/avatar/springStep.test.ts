import { describe, expect, it } from "vitest";
import { Group, Object3D, Vector3 } from "three";
import {
  VRMSpringBoneColliderShapeCapsule,
  VRMSpringBoneColliderShapePlane,
  VRMSpringBoneJoint,
  type VRM,
} from "@pixiv/three-vrm";
import { SpringStep } from "../../../client/avatar/springStep";
import { placedPreset } from "./support/presetAvatar";

interface Placed {
  vrm: VRM;
  root: Group;
}


/** A walk with sharp turns and a head shaken hard: hair and skirts swing into their colliders. */
function pose({ vrm, root }: Placed, i: number): void {
  root.position.x = i * 0.03;
  root.rotation.y = Math.sin(i * 0.15) * 1.5;
  vrm.humanoid.getRawBoneNode("hips")!.quaternion.setFromAxisAngle(new Vector3(0, 0, 1), Math.sin(i * 0.3) * 0.3);
  vrm.humanoid.getRawBoneNode("head")!.quaternion.setFromAxisAngle(new Vector3(1, 0.5, 0).normalize(), Math.sin(i * 0.4) * 0.9);
  vrm.humanoid.getRawBoneNode("leftUpperLeg")!.quaternion.setFromAxisAngle(new Vector3(1, 0, 0), Math.sin(i * 0.25) * 0.8);
}

const joints = (vrm: VRM) => [...vrm.springBoneManager!.joints];
const tails = (vrm: VRM) => joints(vrm).map((j) => j.bone.getWorldPosition(new Vector3()));

/**
 * Runs three-vrm's own spring update on one copy and {@link SpringStep} on another, frame by
 * frame, and returns the largest difference of any joint's rotation (quaternion component) and
 * world position, plus how far the springs swung from rest.
 */
function compare(reference: Placed, ours: Placed, frames: number, step = new SpringStep(ours.vrm.springBoneManager!)) {
  const delta = (i: number) => 1 / 60 + (i % 3) * 0.004;
  const rest = tails(reference.vrm);
  let rotation = 0;
  let position = 0;
  let swing = 0;
  for (let i = 0; i < frames; i++) {
    pose(reference, i);
    pose(ours, i);
    reference.vrm.springBoneManager!.update(delta(i));
    step.update(delta(i));
    const expected = joints(reference.vrm);
    joints(ours.vrm).forEach((joint, j) => {
      const q = joint.bone.quaternion;
      const e = expected[j]!.bone.quaternion;
      rotation = Math.max(rotation, Math.abs(q.x - e.x), Math.abs(q.y - e.y), Math.abs(q.z - e.z), Math.abs(q.w - e.w));
      const p = joint.bone.getWorldPosition(new Vector3());
      position = Math.max(position, p.distanceTo(expected[j]!.bone.getWorldPosition(new Vector3())));
    });
    tails(reference.vrm).forEach((p, j) => (swing = Math.max(swing, p.distanceTo(rest[j]!))));
  }
  return { rotation, position, swing };
}

const TOLERANCE = 1e-12;

describe("SpringStep", () => {
  for (const id of ["juniper", "wren", "sol", "kit"]) {
    it(`swings ${id}'s hair and cloth as three-vrm's own update does, frame by frame`, async () => {
      const { rotation, position, swing } = compare(await placedPreset(id), await placedPreset(id), 300);
      expect(swing).toBeGreaterThan(0.01);
      expect(rotation).toBeLessThan(TOLERANCE);
      expect(position).toBeLessThan(TOLERANCE);
    });
  }

  it("the scene does push joints out of colliders (without them the springs end elsewhere)", async () => {
    const withColliders = await placedPreset("juniper");
    const without = await placedPreset("juniper");
    for (const joint of joints(without.vrm)) joint.colliderGroups = [];
    const { rotation } = compare(withColliders, without, 300);
    expect(rotation).toBeGreaterThan(1e-3);
  });

  it("handles capsule and plane colliders and a spring centre as three-vrm does", async () => {
    const reference = await placedPreset("wren");
    const ours = await placedPreset("wren");
    for (const { vrm } of [reference, ours]) {
      const colliders = vrm.springBoneManager!.colliders;
      expect(colliders.length).toBeGreaterThan(2);
      // Shapes are read-only in the types; three-vrm reads them on every step.
      Object.assign(colliders[0]!, { shape: new VRMSpringBoneColliderShapeCapsule({ offset: new Vector3(0, 0.02, 0), tail: new Vector3(0.05, -0.1, 0.02), radius: 0.08 }) });
      Object.assign(colliders[1]!, { shape: new VRMSpringBoneColliderShapePlane({ offset: new Vector3(0, 0, 0.02), normal: new Vector3(0, 0.3, 1).normalize() }) });
      Object.assign(colliders[2]!, { shape: new VRMSpringBoneColliderShapeCapsule({ offset: new Vector3(), tail: new Vector3(0, 0.1, 0), radius: 0.2, inside: true }) });
      const centre = vrm.humanoid.getRawBoneNode("hips")!;
      joints(vrm).forEach((joint, j) => {
        if (j % 2 === 0) joint.center = centre;
      });
      vrm.springBoneManager!.setInitState();
    }
    const { rotation, position, swing } = compare(reference, ours, 240);
    expect(swing).toBeGreaterThan(0.01);
    expect(rotation).toBeLessThan(TOLERANCE);
    expect(position).toBeLessThan(TOLERANCE);
  });

  it("follows joints added after it was made, and a step of no time moves nothing", async () => {
    const reference = await placedPreset("kit");
    const ours = await placedPreset("kit");
    const step = new SpringStep(ours.vrm.springBoneManager!);
    reference.vrm.springBoneManager!.update(1 / 60);
    step.update(1 / 60);
    for (const { vrm } of [reference, ours]) {
      const arm = vrm.humanoid.getRawBoneNode("leftLowerArm")!;
      const tip = new Object3D();
      tip.position.set(0, -0.1, 0);
      arm.add(tip);
      const joint = new VRMSpringBoneJoint(arm, tip, { stiffness: 0.5, gravityPower: 1, dragForce: 0.3, hitRadius: 0.02 });
      vrm.springBoneManager!.addJoint(joint);
      vrm.springBoneManager!.setInitState();
    }
    const { rotation, position } = compare(reference, ours, 120, step);
    expect(rotation).toBeLessThan(TOLERANCE);
    expect(position).toBeLessThan(TOLERANCE);

    const before = joints(ours.vrm).map((j) => j.bone.quaternion.clone());
    const rested = new SpringStep(ours.vrm.springBoneManager!);
    rested.update(0);
    joints(ours.vrm).forEach((joint, j) => expect(joint.bone.quaternion.equals(before[j]!)).toBe(true));
  });
});
