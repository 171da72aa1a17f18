import { describe, expect, it } from "vitest";
import { Group, Object3D, Vector3 } from "three";
import type { VRM } from "@pixiv/three-vrm";
import { parseVrm } from "../../../client/avatar/loading/vrmParser";
import { eyesFor } from "../../../client/avatar/lookAt/eyes";
import { updateLookAt } from "../../../client/avatar/lookAt/lookAtStep";
import { presetBytes } from "./support/presetAvatar";

async function placed(id: string): Promise<{ vrm: VRM; root: Group; target: Object3D }> {
  const vrm = await parseVrm(await presetBytes(id));
  const root = new Group();
  root.add(vrm.scene);
  const target = new Object3D();
  vrm.lookAt!.target = target;
  vrm.lookAt!.autoUpdate = true;
  return { vrm, root, target };
}

/** A target circling the head at changing heights, passing behind it, while the body turns and the head nods. */
function frame({ vrm, root, target }: Awaited<ReturnType<typeof placed>>, i: number): void {
  root.rotation.y = Math.sin(i * 0.05) * 2;
  vrm.humanoid.getRawBoneNode("head")!.quaternion.setFromAxisAngle(new Vector3(1, 0.2, 0).normalize(), Math.sin(i * 0.3) * 0.4);
  target.position.set(Math.cos(i * 0.11) * 1.5, 1.4 + Math.sin(i * 0.07), Math.sin(i * 0.11) * 1.5);
  root.updateMatrixWorld(true);
}

/** What the eyes show: the lookAt angles, the eye bones' rotations and the lookAt expressions' weights. */
function eyeState(vrm: VRM): number[] {
  const out = [vrm.lookAt!.yaw, vrm.lookAt!.pitch];
  for (const name of ["leftEye", "rightEye"] as const) out.push(...(vrm.humanoid.getRawBoneNode(name)?.quaternion.toArray() ?? []));
  for (const name of ["lookLeft", "lookRight", "lookUp", "lookDown"]) out.push(vrm.expressionManager?.getExpression(name)?.weight ?? 0);
  return out;
}

describe("updateLookAt", () => {
  for (const id of ["wren", "sol"]) {
    it(`points ${id}'s eyes as three-vrm's own lookAt update does`, async () => {
      const reference = await placed(id);
      const ours = await placed(id);
      const eyes = eyesFor(ours.vrm.lookAt!.applier);
      let largest = 0;
      let yawSpan = 0;
      for (let i = 0; i < 200; i++) {
        frame(reference, i);
        frame(ours, i);
        reference.vrm.lookAt!.update(1 / 60);
        updateLookAt(ours.vrm.lookAt!, eyes);
        const expected = eyeState(reference.vrm);
        eyeState(ours.vrm).forEach((value, k) => (largest = Math.max(largest, Math.abs(value - expected[k]!))));
        yawSpan = Math.max(yawSpan, Math.abs(reference.vrm.lookAt!.yaw));
      }
      // The target went far enough round for the eyes to turn (and to clamp at their limits).
      expect(yawSpan).toBeGreaterThan(90);
      expect(largest).toBeLessThan(1e-9);
    });
  }

  it("applies set angles without a target, and leaves the eyes alone with nothing new", async () => {
    const { vrm } = await placed("kit");
    const eyes = eyesFor(vrm.lookAt!.applier);
    vrm.lookAt!.target = null;
    vrm.lookAt!.yaw = 20;
    vrm.lookAt!.pitch = -10;
    updateLookAt(vrm.lookAt!, eyes);
    const turned = eyeState(vrm).slice(2);
    vrm.lookAt!.applier.applyYawPitch(0, 0);
    const ahead = eyeState(vrm).slice(2);
    expect(turned).not.toEqual(ahead);
    updateLookAt(vrm.lookAt!, eyes);
    expect(eyeState(vrm).slice(2)).toEqual(ahead);
  });

  it("moves the eyes by the lookAt's applier of the moment, should it have been replaced", async () => {
    const { vrm } = await placed("kit");
    const eyes = eyesFor(vrm.lookAt!.applier);
    const seen: number[][] = [];
    vrm.lookAt!.applier = { applyYawPitch: (yaw, pitch) => seen.push([yaw, pitch]), lookAt: () => {} };
    vrm.lookAt!.target = null;
    vrm.lookAt!.yaw = 15;
    vrm.lookAt!.pitch = 5;
    const before = eyeState(vrm).slice(2);
    updateLookAt(vrm.lookAt!, eyes);
    expect(seen).toEqual([[15, 5]]);
    expect(eyeState(vrm).slice(2)).toEqual(before);
  });
});
