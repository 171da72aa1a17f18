import { VRMExpressionMorphTargetBind, type VRMExpression, type VRMExpressionManager } from "@pixiv/three-vrm";
import type { Mesh } from "three";

/** One morph target one expression moves: `mesh.morphTargetInfluences[index] += weight × expression`. */
interface MorphTarget {
  mesh: Mesh;
  index: number;
  weight: number;
}

/** Which of three-vrm's override groups an expression belongs to (its weight is scaled by that group's multiplier). */
const BLINK = 1;
const LOOK_AT = 2;
const MOUTH = 4;

/**
 * The same result as `VRMExpressionManager.update()` for a model whose expressions move only
 * morph targets (the generated avatars, most VRoid models' faces), without its per-call garbage
 * (a multiplier object per expression, closures) and without looking every expression's name
 * up in three lists: the binds are flattened once. Order of the sums is the manager's, so the
 * influences come out identical. {@link forManager} gives null when some expression has a
 * material or texture bind: such models keep the manager's own update.
 */
export class MorphExpressionApplier {
  /** Every influence some expression writes, zeroed before the sums (as the manager clears them). */
  private readonly cleared: readonly MorphTarget[];

  private constructor(
    private readonly expressions: readonly VRMExpression[],
    private readonly groups: Uint8Array,
    private readonly targets: readonly (readonly MorphTarget[])[],
  ) {
    this.cleared = targets.flat();
  }

  static forManager(manager: VRMExpressionManager): MorphExpressionApplier | null {
    const expressions = manager.expressions;
    const groups = new Uint8Array(expressions.length);
    const targets: MorphTarget[][] = [];
    for (let i = 0; i < expressions.length; i++) {
      const expression = expressions[i]!;
      const name = expression.expressionName;
      groups[i] =
        (manager.blinkExpressionNames.includes(name) ? BLINK : 0) |
        (manager.lookAtExpressionNames.includes(name) ? LOOK_AT : 0) |
        (manager.mouthExpressionNames.includes(name) ? MOUTH : 0);
      const own: MorphTarget[] = [];
      for (const bind of expression.binds) {
        if (!(bind instanceof VRMExpressionMorphTargetBind)) return null;
        for (const mesh of bind.primitives) {
          if (mesh.morphTargetInfluences?.[bind.index] != null) own.push({ mesh, index: bind.index, weight: bind.weight });
        }
      }
      targets.push(own);
    }
    return new MorphExpressionApplier(expressions, groups, targets);
  }

  apply(): void {
    const expressions = this.expressions;
    let blink = 1;
    let lookAt = 1;
    let mouth = 1;
    for (let i = 0; i < expressions.length; i++) {
      const e = expressions[i]!;
      blink -= e.overrideBlinkAmount;
      lookAt -= e.overrideLookAtAmount;
      mouth -= e.overrideMouthAmount;
    }
    blink = Math.max(0, blink);
    lookAt = Math.max(0, lookAt);
    mouth = Math.max(0, mouth);

    const cleared = this.cleared;
    for (let i = 0; i < cleared.length; i++) {
      const t = cleared[i]!;
      t.mesh.morphTargetInfluences![t.index] = 0;
    }
    for (let i = 0; i < expressions.length; i++) {
      const e = expressions[i]!;
      const group = this.groups[i]!;
      let multiplier = 1;
      if (group & BLINK) multiplier *= blink;
      if (group & LOOK_AT) multiplier *= lookAt;
      if (group & MOUTH) multiplier *= mouth;
      let weight = e.outputWeight * multiplier;
      if (e.isBinary && weight < 1) weight = 0;
      const own = this.targets[i]!;
      for (let j = 0; j < own.length; j++) {
        const t = own[j]!;
        t.mesh.morphTargetInfluences![t.index]! += t.weight * weight;
      }
    }
  }
}
