import { describe, expect, it } from "vitest";
import { Color, MeshBasicMaterial, type Mesh } from "three";
import { VRMExpression, VRMExpressionManager, VRMExpressionMaterialColorBind, type VRM } from "@pixiv/three-vrm";
import { MorphExpressionApplier } from "../../../client/avatar/expressions/morphExpressionApplier";
import { parseVrm } from "../../../client/avatar/loading/vrmParser";
import { seededRandom } from "../../../client/world/seededRandom";
import { presetBytes } from "./support/presetAvatar";

function influences(vrm: VRM): number[] {
  const all: number[] = [];
  vrm.scene.traverse((o) => all.push(...((o as Mesh).morphTargetInfluences ?? [])));
  return all;
}

/** Sets the same random weights (and the same binary and override flags) on both models' expressions. */
function randomFace(models: VRM[], seed: number): void {
  const random = seededRandom(seed);
  const count = models[0]!.expressionManager!.expressions.length;
  for (let i = 0; i < count; i++) {
    const weight = random() < 0.4 ? 0 : random();
    const binary = random() < 0.2;
    const override = (["none", "blend", "block"] as const)[Math.floor(random() * 3)]!;
    for (const vrm of models) {
      const e = vrm.expressionManager!.expressions[i]!;
      e.weight = weight;
      e.isBinary = binary;
      e.overrideMouth = override;
      e.overrideBlink = override === "none" ? e.overrideBlink : override;
    }
  }
}

describe("MorphExpressionApplier", () => {
  it("moves every morph target exactly as three-vrm's expression manager does, overrides and binary expressions included", async () => {
    const reference = await parseVrm(await presetBytes("kit"));
    const applied = await parseVrm(await presetBytes("kit"));
    const applier = MorphExpressionApplier.forManager(applied.expressionManager!);
    expect(applier).not.toBeNull();
    for (let seed = 1; seed <= 12; seed++) {
      randomFace([reference, applied], seed);
      reference.expressionManager!.update();
      applier!.apply();
      const expected = influences(reference);
      expect(expected.some((v) => v > 0)).toBe(true);
      expect(influences(applied)).toEqual(expected);
    }
  });

  it("clears what the last call set: a face back at neutral has no morph left", async () => {
    const vrm = await parseVrm(await presetBytes());
    const applier = MorphExpressionApplier.forManager(vrm.expressionManager!)!;
    vrm.expressionManager!.setValue("happy", 1);
    vrm.expressionManager!.setValue("aa", 0.7);
    applier.apply();
    expect(influences(vrm).some((v) => v > 0)).toBe(true);
    vrm.expressionManager!.setValue("happy", 0);
    vrm.expressionManager!.setValue("aa", 0);
    applier.apply();
    expect(influences(vrm).every((v) => v === 0)).toBe(true);
  });

  it("declines a model whose expressions also change materials (the manager's own update handles those)", () => {
    const manager = new VRMExpressionManager();
    const blush = new VRMExpression("blush");
    blush.addBind(new VRMExpressionMaterialColorBind({ material: new MeshBasicMaterial(), type: "color", targetValue: new Color(1, 0, 0) }));
    manager.registerExpression(blush);
    expect(MorphExpressionApplier.forManager(manager)).toBeNull();
  });
});
