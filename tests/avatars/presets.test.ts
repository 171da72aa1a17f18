/**
 * Loads every generated preset the way the client does (GLTFLoader + VRMLoaderPlugin) and checks
 * what the companion's body relies on: the humanoid, the 18 expressions, blink overrides, spring
 * bones, MToon materials named by tint key, licence, first-person annotations and size.
 */
import { readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { MToonMaterial, VRMExpressionMorphTargetBind, VRMLookAtExpressionApplier, type VRM, type VRMHumanBoneName } from "@pixiv/three-vrm";
import { Vector3, type Material, type Mesh, type SkinnedMesh } from "three";
import { beforeAll, describe, expect, it } from "vitest";
import { AVATAR_PRESET_IDS, AVATAR_PRESETS, AVATAR_TINT_KEYS } from "../../shared/avatars/presets";
import { loadVrm } from "../support/loadVrm";

const PRESETS_DIR = join(import.meta.dirname, "../../avatars/presets");

const REQUIRED_BONES = [
  "hips", "spine", "head",
  "leftUpperArm", "leftLowerArm", "leftHand", "rightUpperArm", "rightLowerArm", "rightHand",
  "leftUpperLeg", "leftLowerLeg", "leftFoot", "rightUpperLeg", "rightLowerLeg", "rightFoot",
] as const;
const FINGERS = ["ThumbMetacarpal", "ThumbProximal", "ThumbDistal"].concat(
  ...["Index", "Middle", "Ring", "Little"].map((f) => [`${f}Proximal`, `${f}Intermediate`, `${f}Distal`]),
);
const EXTRA_BONES = [
  "chest", "upperChest", "neck", "leftShoulder", "rightShoulder", "leftToes", "rightToes",
  ...FINGERS.flatMap((f) => [`left${f}`, `right${f}`]),
] as VRMHumanBoneName[];
const EXPRESSIONS = [
  "happy", "angry", "sad", "relaxed", "surprised", "neutral",
  "blink", "blinkLeft", "blinkRight", "aa", "ih", "ou", "ee", "oh",
  "lookUp", "lookDown", "lookLeft", "lookRight",
] as const;
/** Face details that no persona tint recolours. */
const UNTINTED = ["sclera", "pupil", "highlight", "lash", "mouthInner", "tongue", "teeth", "blush", "bottoms", "legwear", "shoes", "sole", "ribbon"];

function resetExpressions(vrm: VRM): void {
  for (const name of EXPRESSIONS) vrm.expressionManager!.setValue(name, 0);
  vrm.expressionManager!.update();
}

/** Largest distance any vertex of the expression's meshes moved, after morphs and skinning. */
function displacementOf(vrm: VRM, name: string): number {
  const expression = vrm.expressionManager!.getExpression(name)!;
  const meshes = expression.binds.flatMap((b) => (b instanceof VRMExpressionMorphTargetBind ? b.primitives : []));
  const before = meshes.map((mesh) => positions(mesh));
  vrm.expressionManager!.setValue(name, 1);
  vrm.expressionManager!.update();
  let max = 0;
  meshes.forEach((mesh, m) => {
    const after = positions(mesh);
    after.forEach((p, i) => (max = Math.max(max, p.distanceTo(before[m]![i]!))));
  });
  resetExpressions(vrm);
  return max;
}

function positions(mesh: Mesh): Vector3[] {
  const count = mesh.geometry.getAttribute("position").count;
  return Array.from({ length: count }, (_, i) => mesh.getVertexPosition(i, new Vector3()));
}

function morphInfluence(vrm: VRM, name: string): number {
  const bind = vrm.expressionManager!.getExpression(name)!.binds[0] as VRMExpressionMorphTargetBind;
  return bind.primitives[0]!.morphTargetInfluences![bind.index]!;
}

function materialsOf(vrm: VRM): Material[] {
  const found = new Set<Material>();
  vrm.scene.traverse((o) => {
    const mesh = o as Mesh;
    if (!mesh.isMesh) return;
    for (const m of Array.isArray(mesh.material) ? mesh.material : [mesh.material]) found.add(m);
  });
  return [...found];
}

describe.each(AVATAR_PRESET_IDS)("preset %s", (id) => {
  let vrm: VRM;
  const file = join(PRESETS_DIR, `${id}.vrm`);

  beforeAll(async () => {
    ({ vrm } = await loadVrm(readFileSync(file)));
    vrm.scene.updateMatrixWorld(true);
  });

  it("is a VRM 1.0 file under 1.5 MB", () => {
    expect(vrm.meta.metaVersion).toBe("1");
    expect(statSync(file).size).toBeLessThan(1.5 * 1024 * 1024);
  });

  it("resolves every required humanoid bone, plus neck, chest, shoulders, toes and fingers", () => {
    for (const bone of [...REQUIRED_BONES, ...EXTRA_BONES]) {
      expect(vrm.humanoid.getRawBoneNode(bone), bone).not.toBeNull();
    }
  });

  it("stands in a T-pose facing +Z, head above hips above feet, left hand on +X", () => {
    const y = (bone: (typeof REQUIRED_BONES)[number]) => vrm.humanoid.getRawBoneNode(bone)!.getWorldPosition(new Vector3());
    expect(y("head").y).toBeGreaterThan(y("hips").y);
    expect(y("hips").y).toBeGreaterThan(y("leftFoot").y);
    expect(y("leftHand").x).toBeGreaterThan(0.4);
    expect(y("rightHand").x).toBeLessThan(-0.4);
    expect(Math.abs(y("leftHand").y - y("leftUpperArm").y)).toBeLessThan(0.02);
  });

  it.each(EXPRESSIONS)("expression %s exists and moves vertices", (name) => {
    expect(vrm.expressionManager!.getExpression(name), name).not.toBeNull();
    expect(displacementOf(vrm, name)).toBeGreaterThan(0.0008);
  });

  it("blocks blinking while happy or surprised, and blinks otherwise", () => {
    const em = vrm.expressionManager!;
    em.setValue("blink", 1);
    em.update();
    expect(morphInfluence(vrm, "blink")).toBe(1);
    for (const emotion of ["happy", "surprised", "relaxed", "angry", "sad"]) {
      em.setValue(emotion, 1);
      em.setValue("blink", 1);
      em.update();
      expect(em.getExpression(emotion)!.overrideBlinkAmount, emotion).toBe(1);
      expect(morphInfluence(vrm, "blink"), `blink under ${emotion}`).toBe(0);
      em.setValue(emotion, 0);
    }
    resetExpressions(vrm);
  });

  it("looks around through the look expressions", () => {
    expect(vrm.lookAt).toBeTruthy();
    expect(vrm.lookAt!.applier).toBeInstanceOf(VRMLookAtExpressionApplier);
    vrm.lookAt!.lookAt(new Vector3(5, vrm.lookAt!.getLookAtWorldPosition(new Vector3()).y, 1));
    vrm.lookAt!.update(0.016);
    expect(vrm.expressionManager!.getValue("lookLeft")).toBeGreaterThan(0.5);
    vrm.lookAt!.lookAt(new Vector3(0, 10, 1));
    vrm.lookAt!.update(0.016);
    expect(vrm.expressionManager!.getValue("lookUp")).toBeGreaterThan(0.5);
    resetExpressions(vrm);
  });

  it("has hair on spring bones that collide with head and body, and that swing when the body turns", () => {
    const springs = vrm.springBoneManager!;
    expect(springs.joints.size).toBeGreaterThan(0);
    expect(springs.colliders.length).toBeGreaterThan(0);
    const joints = [...springs.joints];
    expect(joints.every((j) => j.bone.name.startsWith("hair")), "spring joints are hair bones").toBe(true);
    const rest = joints.map((j) => j.bone.quaternion.clone());
    vrm.humanoid.getNormalizedBoneNode("hips")!.rotation.y = 1.2;
    for (let i = 0; i < 20; i++) vrm.update(1 / 60);
    const swing = Math.max(...joints.map((j, i) => j.bone.quaternion.angleTo(rest[i]!)));
    vrm.humanoid.getNormalizedBoneNode("hips")!.rotation.y = 0;
    springs.reset();
    vrm.update(1 / 60);
    expect(swing).toBeGreaterThan(0.05);
  });

  it("uses MToon materials named by tint key, with every tint key present", () => {
    const materials = materialsOf(vrm);
    for (const m of materials) expect((m as MToonMaterial).isMToonMaterial, m.name).toBe(true);
    const names = materials.map((m) => m.name);
    for (const key of AVATAR_TINT_KEYS) expect(names.some((n) => n.startsWith(key)), key).toBe(true);
    for (const n of names) {
      const known = AVATAR_TINT_KEYS.some((key) => n.startsWith(key)) || UNTINTED.some((u) => n.startsWith(u));
      expect(known, n).toBe(true);
    }
  });

  it("is generated in the colours the shared preset table lists as its tints", () => {
    const byName = new Map(materialsOf(vrm).map((m) => [m.name, m as MToonMaterial]));
    for (const key of AVATAR_TINT_KEYS) {
      expect(`#${byName.get(key)!.color.getHexString()}`, key).toBe(AVATAR_PRESETS[id].tints[key]);
    }
  });

  it("allows reuse: redistribution and modification, credited to Kindred", () => {
    const meta = vrm.meta;
    if (meta.metaVersion !== "1") throw new Error("expected VRM 1.0 meta");
    expect(meta.authors).toContain("Kindred");
    expect(meta.licenseUrl).toBe("https://vrm.dev/licenses/1.0/");
    expect(meta.allowRedistribution).toBe(true);
    expect(meta.modification).toBe("allowModificationRedistribution");
    expect(meta.avatarPermission).toBe("everyone");
  });

  it("hides head, face and hair from its own first-person view", () => {
    const annotations = vrm.firstPerson!.meshAnnotations;
    const usesHeadMaterial = (mesh: Mesh) =>
      (Array.isArray(mesh.material) ? mesh.material : [mesh.material]).some((m) => /^(hair|eyes|sclera|mouthInner)/.test(m.name));
    const headParts = annotations.filter((a) => a.meshes.some(usesHeadMaterial));
    expect(headParts.length).toBeGreaterThanOrEqual(2);
    for (const a of headParts) expect(a.type).toBe("thirdPersonOnly");
    expect(annotations.some((a) => a.type === "both" || a.type === "auto")).toBe(true);
  });

  it("blends skin weights across elbows and knees", () => {
    const boneIndex = (mesh: SkinnedMesh, name: VRMHumanBoneName) =>
      mesh.skeleton.bones.findIndex((bone) => bone === vrm.humanoid.getRawBoneNode(name));
    const body = vrm.scene.getObjectByName("Body")?.children.find((o): o is SkinnedMesh => (o as SkinnedMesh).isSkinnedMesh);
    expect(body).toBeDefined();
    const shared = (a: Parameters<typeof boneIndex>[1], b: Parameters<typeof boneIndex>[1]): number => {
      const index = body!.geometry.getAttribute("skinIndex");
      const weight = body!.geometry.getAttribute("skinWeight");
      const [ia, ib] = [boneIndex(body!, a), boneIndex(body!, b)];
      let count = 0;
      for (let v = 0; v < index.count; v++) {
        let wa = 0;
        let wb = 0;
        for (let c = 0; c < 4; c++) {
          if (index.getComponent(v, c) === ia) wa += weight.getComponent(v, c);
          if (index.getComponent(v, c) === ib) wb += weight.getComponent(v, c);
        }
        if (wa > 0.2 && wb > 0.2) count++;
      }
      return count;
    };
    expect(shared("leftUpperArm", "leftLowerArm")).toBeGreaterThan(10);
    expect(shared("rightUpperLeg", "rightLowerLeg")).toBeGreaterThan(10);
    expect(shared("leftIndexProximal", "leftIndexIntermediate")).toBeGreaterThan(4);
  });
});
