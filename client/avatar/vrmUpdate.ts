import type { Material } from "three";
import type { VRM, VRMExpression } from "@pixiv/three-vrm";
import { HumanoidCopy } from "./humanoidCopy";
import type { AvatarDetail } from "./lod";

interface UpdatableMaterial extends Material {
  update(delta: number): void;
  uvAnimationScrollXSpeedFactor?: number;
  uvAnimationScrollYSpeedFactor?: number;
  uvAnimationRotationSpeedFactor?: number;
}

function isUpdatable(material: Material): material is UpdatableMaterial {
  return typeof (material as Partial<UpdatableMaterial>).update === "function";
}

function scrollsUv(m: UpdatableMaterial): boolean {
  return !!(m.uvAnimationScrollXSpeedFactor || m.uvAnimationScrollYSpeedFactor || m.uvAnimationRotationSpeedFactor);
}

/**
 * What `vrm.update(delta)` does, with the parts a far avatar can skip left out: spring bones
 * (hair and cloth) and the eyes' lookAt. Order as in three-vrm: humanoid, lookAt, expressions,
 * constraints, springs, materials. The humanoid copy is {@link HumanoidCopy} (skips bones that
 * did not move). The expression manager re-applies every morph and material bind, and
 * allocates, each time it runs: it runs only when some expression's weight changed. MToon
 * materials only need their per-frame update to scroll UV animations or to upload a changed
 * opacity; the rest of the time it would only re-upload the same uniforms (and make garbage),
 * so it runs just for those.
 */
export class VrmUpdater {
  private readonly all: UpdatableMaterial[];
  private readonly animated: UpdatableMaterial[];
  private readonly humanoid: HumanoidCopy;
  private readonly expressions: readonly VRMExpression[];
  /** Each expression's weight when the manager last applied them (NaN: never). */
  private readonly appliedWeights: Float64Array;
  private materialsChanged = true;

  constructor(private readonly vrm: VRM) {
    this.all = (vrm.materials ?? []).filter(isUpdatable);
    this.animated = this.all.filter(scrollsUv);
    this.humanoid = new HumanoidCopy(vrm);
    this.expressions = vrm.expressionManager?.expressions ?? [];
    this.appliedWeights = new Float64Array(this.expressions.length).fill(Number.NaN);
  }

  /** Material parameters that MToon uploads itself (opacity) changed: upload on the next update. */
  refreshMaterials(): void {
    this.materialsChanged = true;
  }

  /** `restartSprings`: hair and cloth start from rest (after a teleport, or springs that were skipped). */
  update(delta: number, detail: AvatarDetail, restartSprings = false): void {
    const vrm = this.vrm;
    this.humanoid.update();
    if (vrm.lookAt && detail.gaze) vrm.lookAt.update(delta);
    if (this.expressionsChanged()) vrm.expressionManager?.update();
    vrm.nodeConstraintManager?.update();
    const springs = detail.springs ? vrm.springBoneManager : undefined;
    if (springs && restartSprings) {
      // reset() reads the joints' parents' world matrices: bring the posed skeleton's up to date first.
      vrm.scene.updateWorldMatrix(true, true);
      springs.reset();
    }
    springs?.update(delta);
    const materials = this.materialsChanged ? this.all : this.animated;
    this.materialsChanged = false;
    for (let i = 0; i < materials.length; i++) materials[i]!.update(delta);
  }

  /** True (and remembers the new weights) when any expression's weight differs from the last applied. */
  private expressionsChanged(): boolean {
    const expressions = this.expressions;
    const applied = this.appliedWeights;
    let changed = false;
    for (let i = 0; i < expressions.length; i++) {
      const weight = expressions[i]!.weight;
      if (weight !== applied[i]) {
        applied[i] = weight;
        changed = true;
      }
    }
    return changed;
  }
}
