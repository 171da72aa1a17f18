import type { Material } from "three";
import type { VRM, VRMExpression } from "@pixiv/three-vrm";
import { MorphExpressionApplier } from "./expressions/morphExpressionApplier";
import { HumanoidCopy } from "./humanoidCopy";
import { eyesFor, type Eyes } from "./lookAt/eyes";
import { updateLookAt } from "./lookAt/lookAtStep";
import { SpringStep } from "./springStep";
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

/** Longest time one spring step covers (as the driver's own step). */
const MAX_SPRING_STEP_S = 0.1;
/** Bodies take turns for strided spring steps: every other new updater starts one update further on. */
let nextSpringPhase = 0;

/**
 * What `vrm.update(delta)` does, with the parts a far avatar can skip left out: spring bones
 * (hair and cloth) and the eyes' lookAt. Order as in three-vrm: humanoid, lookAt, expressions,
 * constraints, springs, materials. The humanoid copy is {@link HumanoidCopy} (skips bones that
 * did not move); the eyes' lookAt is {@link updateLookAt} with {@link eyesFor}'s appliers
 * (three-vrm's without their garbage).
 * Springs step through {@link SpringStep} (three-vrm's maths without its garbage,
 * updating only the world matrices they read)
 * and step every `detail.springStride` updates, covering the time since their last step;
 * updaters are staggered so bodies at the same stride step in different frames. Expressions are applied only when some expression's weight changed, through
 * {@link MorphExpressionApplier} when the model's expressions move morph targets only (the
 * manager's own update allocates on every call), else by the manager. MToon
 * materials only need their per-frame update to scroll UV animations or to upload a changed
 * opacity; the rest of the time it would only re-upload the same uniforms (and make garbage),
 * so it runs just for those.
 */
export class VrmUpdater {
  private readonly all: UpdatableMaterial[];
  private readonly animated: UpdatableMaterial[];
  private readonly humanoid: HumanoidCopy;
  private readonly eyes: Eyes | null;
  private readonly expressions: readonly VRMExpression[];
  /** Each expression's weight when the manager last applied them (NaN: never). */
  private readonly appliedWeights: Float64Array;
  private readonly morphs: MorphExpressionApplier | null;
  private readonly springStep: SpringStep | null;
  private materialsChanged = true;
  /** Updates since the springs last stepped, and the time they covered. */
  private springUpdates: number;
  private springDelta = 0;

  constructor(private readonly vrm: VRM) {
    this.all = (vrm.materials ?? []).filter(isUpdatable);
    this.animated = this.all.filter(scrollsUv);
    this.humanoid = HumanoidCopy.of(vrm);
    this.eyes = vrm.lookAt ? eyesFor(vrm.lookAt.applier) : null;
    this.expressions = vrm.expressionManager?.expressions ?? [];
    this.appliedWeights = new Float64Array(this.expressions.length).fill(Number.NaN);
    this.morphs = vrm.expressionManager ? MorphExpressionApplier.forManager(vrm.expressionManager) : null;
    this.springUpdates = nextSpringPhase++ % 2;
    this.springStep = vrm.springBoneManager ? new SpringStep(vrm.springBoneManager) : null;
  }

  /** Material parameters that MToon uploads itself (opacity) changed: upload on the next update. */
  refreshMaterials(): void {
    this.materialsChanged = true;
  }

  /** `restartSprings`: hair and cloth start from rest (after a teleport, or springs that were skipped). */
  update(delta: number, detail: AvatarDetail, restartSprings = false): void {
    const vrm = this.vrm;
    this.humanoid.update();
    if (vrm.lookAt && this.eyes && detail.gaze) updateLookAt(vrm.lookAt, this.eyes);
    if (this.expressionsChanged()) {
      if (this.morphs) this.morphs.apply();
      else vrm.expressionManager?.update();
    }
    vrm.nodeConstraintManager?.update();
    const springs = detail.springs ? vrm.springBoneManager : undefined;
    if (springs) {
      if (restartSprings) {
        this.springStep!.reset();
        this.springDelta = 0;
      }
      this.springDelta = Math.min(this.springDelta + delta, MAX_SPRING_STEP_S);
      if (++this.springUpdates >= detail.springStride) {
        this.springStep!.update(this.springDelta);
        this.springUpdates = 0;
        this.springDelta = 0;
      }
    }
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
