import { VRMLookAtBoneApplier, VRMLookAtExpressionApplier, type VRMLookAtApplier } from "@pixiv/three-vrm";
import { BoneEyes } from "./boneEyes";
import { ExpressionEyes } from "./expressionEyes";

/** Where the eyes point, in degrees, as VRMLookAt keeps it (its protected fields). */
export interface EyeAngles {
  readonly _yaw: number;
  readonly _pitch: number;
}

/**
 * Moves a model's eyes as its three-vrm lookAt applier (`source`) does. The angles are read
 * from the lookAt itself rather than passed: numbers handed to a call the optimiser does not
 * inline are boxed on the heap, every frame.
 */
export interface Eyes {
  readonly source: VRMLookAtApplier;
  apply(angles: EyeAngles): void;
}

/** An applier of another kind (a model's own): its `applyYawPitch`, as three-vrm calls it. */
class ApplierEyes implements Eyes {
  constructor(readonly source: VRMLookAtApplier) {}

  apply(angles: EyeAngles): void {
    this.source.applyYawPitch(angles._yaw, angles._pitch);
  }
}

/** Garbage-free eyes for three-vrm's bone and expression appliers, the applier itself for any other. */
export function eyesFor(applier: VRMLookAtApplier): Eyes {
  if (applier instanceof VRMLookAtBoneApplier) return new BoneEyes(applier);
  if (applier instanceof VRMLookAtExpressionApplier) return new ExpressionEyes(applier);
  return new ApplierEyes(applier);
}
