import { describe, expect, it } from "vitest";
import { Group, Object3D, Vector3 } from "three";
import {
  VRMSpringBoneColliderShapeCapsule,
  VRMSpringBoneColliderShapePlane,
  VRMSpringBoneJoint,
  type VRM,
} from "@pixiv/three-vrm";
import { SpringStep } from "../../../client/avatar/springStep";
import { heapGrowthPerCall } from "./support/heapGrowth";
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

  it("restarts hair and cloth from rest after a jump as three-vrm's reset does on a freshly updated model", async () => {
    for (const id of ["juniper", "wren"]) {
      const reference = await placedPreset(id);
      const ours = await placedPreset(id);
      const step = new SpringStep(ours.vrm.springBoneManager!);
      compare(reference, ours, 90, step);
      for (const placed of [reference, ours]) {
        // Jumped far away and turned, in a pose the springs have not seen: no matrix is up to date.
        pose(placed, 200);
        placed.root.position.set(25, 0.5, -14);
      }
      reference.vrm.scene.updateWorldMatrix(true, true);
      reference.vrm.springBoneManager!.reset();
      step.reset();
      const expected = joints(reference.vrm);
      let largest = 0;
      joints(ours.vrm).forEach((joint, j) => {
        const mine = joint as unknown as { _currentTail: Vector3; _prevTail: Vector3 };
        const theirs = expected[j] as unknown as { _currentTail: Vector3; _prevTail: Vector3 };
        largest = Math.max(largest, mine._currentTail.distanceTo(theirs._currentTail), mine._prevTail.distanceTo(theirs._prevTail));
        largest = Math.max(largest, Math.abs(joint.bone.quaternion.angleTo(expected[j]!.bone.quaternion)));
        largest = Math.max(largest, joint.bone.getWorldPosition(new Vector3()).distanceTo(expected[j]!.bone.getWorldPosition(new Vector3())));
      });
      expect(largest, id).toBeLessThan(TOLERANCE);
      // The tails start where the jumped body is, not where it was.
      expect((joints(ours.vrm)[0] as unknown as { _currentTail: Vector3 })._currentTail.x, id).toBeGreaterThan(20);
      const after = compare(reference, ours, 60, step);
      expect(after.rotation, id).toBeLessThan(TOLERANCE);
      expect(after.position, id).toBeLessThan(TOLERANCE);
    }
  });

  it("steps a swinging body without making garbage", async () => {
    const placed = await placedPreset("juniper");
    const step = new SpringStep(placed.vrm.springBoneManager!);
    const frame = new Float64Array(1);
    const bytes = heapGrowthPerCall(
      () => {
        frame[0] = frame[0]! + 1;
        placed.root.position.x = frame[0]! * 0.03;
        placed.root.rotation.y = Math.sin(frame[0]! * 0.15) * 1.5;
        step.update(1 / 60);
      },
      { warmUp: 3000, calls: 3000 },
    );
    expect(bytes).toBeLessThan(1);
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
