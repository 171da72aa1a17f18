import { VRMFirstPerson, type VRM } from "@pixiv/three-vrm";
import type { Camera, Mesh, Object3D } from "three";

/** three-vrm's layers for parts drawn only from inside the body (a headless copy) and only from outside (the head). */
export const FIRST_PERSON_ONLY_LAYER = VRMFirstPerson.DEFAULT_FIRSTPERSON_ONLY_LAYER;
export const THIRD_PERSON_ONLY_LAYER = VRMFirstPerson.DEFAULT_THIRDPERSON_ONLY_LAYER;

/** Bodies whose first-person split is done (it adds meshes: once per VRM). */
const splitBodies = new WeakSet<VRM>();

/**
 * Splits a VRM for being worn (once per VRM): meshes annotated third-person only (the head, face
 * and hair of the generated presets) go to THIRD_PERSON_ONLY_LAYER, "auto" meshes get a headless
 * copy on FIRST_PERSON_ONLY_LAYER (the original keeps the head for the outside view). A VRM 0.x
 * file without annotations is split the "auto" way, mesh by mesh.
 */
export function splitForFirstPerson(vrm: VRM): void {
  if (splitBodies.has(vrm)) return;
  splitBodies.add(vrm);
  const firstPerson = vrm.firstPerson ?? new VRMFirstPerson(vrm.humanoid, [{ meshes: meshesOf(vrm.scene), type: "auto" }]);
  firstPerson.setup({ firstPersonOnlyLayer: FIRST_PERSON_ONLY_LAYER, thirdPersonOnlyLayer: THIRD_PERSON_ONLY_LAYER });
}

/**
 * The camera sees from inside one's own body: first-person-only parts, not third-person-only
 * ones. In a WebXR session three.js gives each eye's camera the main camera's layers every frame.
 */
export function seeFromInside(camera: Camera): void {
  camera.layers.enable(FIRST_PERSON_ONLY_LAYER);
  camera.layers.disable(THIRD_PERSON_ONLY_LAYER);
}

/** The camera sees bodies from outside (the desktop's third-person view): the head, not the headless copies. */
export function seeFromOutside(camera: Camera): void {
  camera.layers.enable(THIRD_PERSON_ONLY_LAYER);
  camera.layers.disable(FIRST_PERSON_ONLY_LAYER);
}

/**
 * The parts of the VRM (glTF meshes: "Body", "Head"…, a mesh of several primitives counted once)
 * that a camera with these layers draws, or with `drawn` false does not, sorted.
 */
export function partsSeen(vrm: VRM, camera: Camera, drawn = true): string[] {
  const parts = new Set<string>();
  vrm.scene.traverse((object) => {
    if (!(object as Mesh).isMesh || object.layers.test(camera.layers) !== drawn) return;
    // three makes a glTF mesh of several primitives a group of meshes.
    const parent = object.parent;
    parts.add(parent && parent !== vrm.scene && parent.type === "Group" ? parent.name : object.name);
  });
  return [...parts].sort();
}

function meshesOf(root: Object3D): Mesh[] {
  const meshes: Mesh[] = [];
  root.traverse((object) => {
    if ((object as Mesh).isMesh) meshes.push(object as Mesh);
  });
  return meshes;
}
