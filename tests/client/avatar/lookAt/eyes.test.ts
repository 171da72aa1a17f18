import { describe, expect, it } from "vitest";
import { Quaternion, Vector3 } from "three";
import { VRMLookAtBoneApplier, VRMLookAtExpressionApplier, type VRM, type VRMLookAtApplier } from "@pixiv/three-vrm";
import { parseVrm } from "../../../../client/avatar/loading/vrmParser";
import { BoneEyes } from "../../../../client/avatar/lookAt/boneEyes";
import { eyesFor } from "../../../../client/avatar/lookAt/eyes";
import { ExpressionEyes } from "../../../../client/avatar/lookAt/expressionEyes";
import { QuaternionOnlyBones } from "../../../../client/avatar/quaternionOnlyBones";
import { heapGrowthPerCall } from "../support/heapGrowth";
import { presetBytes } from "../support/presetAvatar";
import { skeletonVrm0 } from "../support/skeletonVrm0";

/** A 0.x body with eye bones whose rest pose is turned and whose armature is moved and turned, so no quaternion is trivial. */
const TWISTED_EYES = () => {
  const twist = new Quaternion().setFromAxisAngle(new Vector3(0.3, 1, 0.2).normalize(), 0.35);
  const turn = new Quaternion().setFromAxisAngle(new Vector3(0, 1, 0.1).normalize(), 0.8);
  return skeletonVrm0({ eyes: true, restRotation: [twist.x, twist.y, twist.z, twist.w], armature: { translation: [0.3, 0.1, -0.2], rotation: [turn.x, turn.y, turn.z, turn.w] } });
};

/** Yaw and pitch in degrees: both signs, zero of both signs, within and beyond the maps' ranges. */
const ANGLES: [yaw: number, pitch: number][] = [
  [0, 0],
  [-0, -0],
  [0, -0],
  ...Array.from({ length: 61 }, (_, i): [number, number] => [-150 + i * 5.13, 95 - i * 3.17]),
  ...Array.from({ length: 40 }, (_, i): [number, number] => [Math.sin(i) * 40, Math.cos(i * 1.7) * 35]),
];

/** Every bit of a number (so +0 and −0 differ, as do NaNs). */
function bits(values: readonly number[]): string[] {
  const view = new DataView(new ArrayBuffer(8));
  return values.map((v) => {
    view.setFloat64(0, v);
    return view.getBigUint64(0).toString(16);
  });
}

/** Angles a lookAt writes each frame, held as a lookAt holds them (fields that always held fractions). */
class MovingAngles {
  _yaw = 0.5;
  _pitch = 0.5;
}

function eyeBones(vrm: VRM): number[] {
  const out: number[] = [];
  for (const name of ["leftEye", "rightEye"] as const) {
    out.push(...vrm.humanoid.getRawBoneNode(name)!.quaternion.toArray(), ...vrm.humanoid.getNormalizedBoneNode(name)!.quaternion.toArray());
  }
  return out;
}

function lookWeights(vrm: VRM): number[] {
  return ["lookUp", "lookDown", "lookLeft", "lookRight"].map((name) => vrm.expressionManager!.getExpression(name)!.weight);
}

describe("BoneEyes", () => {
  for (const [frame, faceFront] of [
    ["a VRM 0.x face (looking down −Z)", null],
    ["a VRM 1.0 face (looking down +Z)", new Vector3(0, 0, 1)],
  ] as const) {
    it(`turns the eye bones of ${frame} exactly as three-vrm's bone applier does`, async () => {
      const reference = await parseVrm(TWISTED_EYES());
      const ours = await parseVrm(TWISTED_EYES());
      const theirs = reference.lookAt!.applier as VRMLookAtBoneApplier;
      expect(theirs).toBeInstanceOf(VRMLookAtBoneApplier);
      const eyes = new BoneEyes(ours.lookAt!.applier as VRMLookAtBoneApplier);
      if (faceFront) {
        theirs.faceFront.copy(faceFront);
        eyes.source.faceFront.copy(faceFront);
      }
      const rest = eyeBones(ours);
      for (const [yaw, pitch] of ANGLES) {
        theirs.applyYawPitch(yaw, pitch);
        eyes.apply({ _yaw: yaw, _pitch: pitch });
        expect(bits(eyeBones(ours)), `yaw ${yaw}, pitch ${pitch}`).toEqual(bits(eyeBones(reference)));
      }
      expect(eyeBones(ours)).not.toEqual(rest);
    });
  }

  it("allocates nothing (on bones that do not derive their Euler, as a driver holds them)", async () => {
    const vrm = await parseVrm(TWISTED_EYES());
    new QuaternionOnlyBones().attach(vrm);
    const eyes = new BoneEyes(vrm.lookAt!.applier as VRMLookAtBoneApplier);
    const angles = new MovingAngles();
    let i = 0;
    const run = () => {
      angles._yaw = Math.sin(i) * 30;
      angles._pitch = Math.cos(i++) * 20;
      eyes.apply(angles);
    };
    const bytes = heapGrowthPerCall(run);
    expect(bytes).toBeLessThan(1);
  });
});

describe("ExpressionEyes", () => {
  it("weights the look expressions exactly as three-vrm's expression applier does, clamped maps included", async () => {
    const reference = await parseVrm(await presetBytes("wren"));
    const ours = await parseVrm(await presetBytes("wren"));
    const theirs = reference.lookAt!.applier as VRMLookAtExpressionApplier;
    expect(theirs).toBeInstanceOf(VRMLookAtExpressionApplier);
    const eyes = new ExpressionEyes(ours.lookAt!.applier as VRMLookAtExpressionApplier);
    // An output scale above 1 makes the weight's own clamp matter.
    for (const applier of [theirs, eyes.source]) applier.rangeMapVerticalUp.outputScale = 1.6;
    let turned = 0;
    for (const [yaw, pitch] of ANGLES) {
      theirs.applyYawPitch(yaw, pitch);
      eyes.apply({ _yaw: yaw, _pitch: pitch });
      expect(bits(lookWeights(ours)), `yaw ${yaw}, pitch ${pitch}`).toEqual(bits(lookWeights(reference)));
      if (lookWeights(ours).some((w) => w > 0.5)) turned++;
    }
    expect(turned).toBeGreaterThan(10);
  });

  it("allocates nothing", async () => {
    const vrm = await parseVrm(await presetBytes("kit"));
    const eyes = new ExpressionEyes(vrm.lookAt!.applier as VRMLookAtExpressionApplier);
    const angles = new MovingAngles();
    let i = 0;
    const bytes = heapGrowthPerCall(() => {
      angles._yaw = Math.sin(i) * 30;
      angles._pitch = Math.cos(i++) * 20;
      eyes.apply(angles);
    });
    expect(bytes).toBeLessThan(1);
  });
});

describe("eyesFor", () => {
  it("gives three-vrm's bone and expression appliers their garbage-free eyes, and any other applier itself", async () => {
    const boned = await parseVrm(skeletonVrm0({ eyes: true }));
    expect(eyesFor(boned.lookAt!.applier)).toBeInstanceOf(BoneEyes);
    const preset = await parseVrm(await presetBytes("sol"));
    expect(eyesFor(preset.lookAt!.applier)).toBeInstanceOf(ExpressionEyes);
    const calls: number[][] = [];
    const custom: VRMLookAtApplier = { applyYawPitch: (yaw, pitch) => calls.push([yaw, pitch]), lookAt: () => {} };
    const eyes = eyesFor(custom);
    expect(eyes.source).toBe(custom);
    eyes.apply({ _yaw: 12.5, _pitch: -3.25 });
    expect(calls).toEqual([[12.5, -3.25]]);
  });
});
