/** Assembles one preset: skeleton, body, head, face, hair and outfit meshes, and the VRM description of them. */
import { Object3D, Skeleton, type SkinnedMesh } from "three";
import { bodyColliders } from "./colliders";
import type { AvatarDescription } from "./description";
import { EXPRESSIONS, EXPRESSION_NAMES } from "./expressions";
import { addHand, addShoe } from "./extremities";
import { addFace } from "./face";
import { addHair } from "./hairStyles";
import { addHead, HeadSurface } from "./head";
import { computeLayout } from "./layout";
import { addArm, addLeg, addNeck } from "./limbs";
import { createMaterials } from "./materials";
import { MeshBuilder } from "./meshBuilder";
import { addOutfit } from "./outfit";
import { Rig } from "./rig";
import { addTorso } from "./torso";
import type { VrmSpec } from "./vrmPlugin";

export interface BuiltAvatar {
  scene: Object3D;
  spec: VrmSpec;
  meshes: SkinnedMesh[];
}

export function buildAvatar(desc: AvatarDescription): BuiltAvatar {
  const layout = computeLayout(desc.body);
  const rig = new Rig(layout);
  const surface = new HeadSurface(layout, desc.face.jawTaper);
  const materials = createMaterials(desc);
  const hk = layout.headHeight / 0.25;

  const body = new MeshBuilder("Body");
  addTorso(body, rig, desc);
  addNeck(body, rig);
  for (const side of ["left", "right"] as const) {
    addArm(body, rig, desc, side);
    addHand(body, rig, side);
    addLeg(body, rig, desc, side);
    addShoe(body, rig, desc, side);
  }
  addOutfit(body, rig, desc);

  const head = new MeshBuilder("Head");
  addHead(head, rig, surface);
  const face = new MeshBuilder("Face");
  addFace(face, surface, desc.face, rig.index("head"), hk);
  const hair = new MeshBuilder("Hair");
  const springs = addHair(hair, rig, surface, desc);

  const scene = new Object3D();
  scene.name = desc.displayName;
  scene.add(rig.root);
  scene.updateMatrixWorld(true);
  const skeleton = new Skeleton(rig.bones);
  const [bodyMesh, headMesh, faceMesh, hairMesh] = [
    body.build(materials.byName, skeleton),
    head.build(materials.byName, skeleton),
    face.build(materials.byName, skeleton, EXPRESSION_NAMES),
    hair.build(materials.byName, skeleton),
  ] as const;
  const meshes = [bodyMesh, headMesh, faceMesh, hairMesh];
  scene.add(...meshes);

  const hipsToHead = [layout.headCenter[0] - layout.joints.head[0], 0, 0];
  const eyeY = layout.headCenter[1] - 0.014 * hk - layout.joints.head[1];
  const spec: VrmSpec = {
    name: desc.displayName,
    humanBones: Object.fromEntries(rig.humanoid.map((name) => [name, rig.bone(name)])),
    expressions: EXPRESSIONS.map((definition, morphIndex) => ({ definition, mesh: faceMesh, morphIndex })),
    lookAtOffset: [hipsToHead[0]!, eyeY, layout.headRadii[2] * 0.85 - layout.joints.head[2]],
    firstPerson: [
      { mesh: bodyMesh, type: "both" },
      { mesh: headMesh, type: "thirdPersonOnly" },
      { mesh: faceMesh, type: "thirdPersonOnly" },
      { mesh: hairMesh, type: "thirdPersonOnly" },
    ],
    toon: materials.toon,
    springs: springs.map((s) => ({
      name: s.name,
      joints: s.bones.map((b) => rig.bone(b)),
      hitRadius: s.hitRadius,
      stiffness: s.stiffness,
      gravityPower: s.gravityPower,
      dragForce: s.dragForce,
      colliderGroups: s.colliderGroups,
    })),
    colliders: bodyColliders(rig),
  };
  return { scene, spec, meshes };
}
