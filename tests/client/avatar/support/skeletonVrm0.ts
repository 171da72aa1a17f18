import { encodeGlb } from "../../../support/vrmFixtures";

/**
 * A VRM 0.x body with no mesh: a humanoid skeleton in human proportions, laid out as 0.x models
 * are (facing −Z, so the avatar's left is −X). Lets tests check that motions written for VRM 1.0
 * come out the same on a 0.x model that three-vrm turns around.
 */
const BONES: [name: string, parent: string | null, x: number, y: number, z: number][] = [
  ["hips", null, 0, 0.9, 0],
  ["spine", "hips", 0, 0.1, 0],
  ["chest", "spine", 0, 0.15, 0],
  ["neck", "chest", 0, 0.25, 0],
  ["head", "neck", 0, 0.1, 0],
  ["leftShoulder", "chest", 0.05, 0.2, 0],
  ["leftUpperArm", "leftShoulder", 0.1, 0, 0],
  ["leftLowerArm", "leftUpperArm", 0.25, 0, 0],
  ["leftHand", "leftLowerArm", 0.22, 0, 0],
  ["rightShoulder", "chest", -0.05, 0.2, 0],
  ["rightUpperArm", "rightShoulder", -0.1, 0, 0],
  ["rightLowerArm", "rightUpperArm", -0.25, 0, 0],
  ["rightHand", "rightLowerArm", -0.22, 0, 0],
  ["leftUpperLeg", "hips", 0.09, -0.05, 0],
  ["leftLowerLeg", "leftUpperLeg", 0, -0.4, 0],
  ["leftFoot", "leftLowerLeg", 0, -0.4, 0],
  ["rightUpperLeg", "hips", -0.09, -0.05, 0],
  ["rightLowerLeg", "rightUpperLeg", 0, -0.4, 0],
  ["rightFoot", "rightLowerLeg", 0, -0.4, 0],
];

/** Eyes, with `eyes`: under the head, a little forward and to each side. */
const EYE_BONES: typeof BONES = [
  ["leftEye", "head", 0.03, 0.06, 0.08],
  ["rightEye", "head", -0.03, 0.06, 0.08],
];
/** A 0.x bone lookAt as exporters write it (three-vrm reads xRange and yRange of each map). */
const LINEAR_CURVE = [0, 0, 0, 1, 1, 1, 1, 0];
const BONE_LOOK_AT = {
  firstPersonBoneOffset: { x: 0, y: 0.06, z: 0 },
  lookAtTypeName: "Bone",
  lookAtHorizontalInner: { curve: LINEAR_CURVE, xRange: 90, yRange: 8 },
  lookAtHorizontalOuter: { curve: LINEAR_CURVE, xRange: 90, yRange: 12 },
  lookAtVerticalDown: { curve: LINEAR_CURVE, xRange: 90, yRange: 10 },
  lookAtVerticalUp: { curve: LINEAR_CURVE, xRange: 90, yRange: 7 },
};

type Quat = readonly [x: number, y: number, z: number, w: number];

/**
 * Options, for rigs less tidy than the plain one: `restRotation`, every joint's rest rotation
 * (bones that are not axis-aligned); `armature`, a node above the hips, moved and turned; `eyes`,
 * eye bones and a bone lookAt.
 */
export function skeletonVrm0({ restRotation, armature, eyes = false }: { restRotation?: Quat; armature?: { translation: readonly number[]; rotation: Quat }; eyes?: boolean } = {}): ArrayBuffer {
  const bones = eyes ? [...BONES, ...EYE_BONES] : BONES;
  const index = new Map(bones.map(([name], i) => [name, i]));
  const nodes = bones.map(([name, , x, y, z]) => ({
    name: `J_${name}`,
    // 0.x faces −Z: the VRM 1.0 layout above, turned half a circle.
    translation: [-x, y, -z],
    ...(restRotation ? { rotation: [...restRotation] } : {}),
    children: bones.flatMap(([, parent], i) => (parent === name ? [i] : [])),
  }));
  const above = armature ? [{ name: "Armature", translation: [...armature.translation], rotation: [...armature.rotation], children: [0] }] : [];
  const glb = encodeGlb({
    json: {
      asset: { version: "2.0", generator: "kindred avatar tests" },
      extensionsUsed: ["VRM"],
      extensions: {
        VRM: {
          exporterVersion: "UniVRM-0.99",
          meta: { title: "Skeleton Zero", author: "Kindred tests" },
          humanoid: { humanBones: bones.map(([bone]) => ({ bone, node: index.get(bone)! })) },
          // three-vrm reads a lookAt only beside expressions (here none).
          ...(eyes ? { firstPerson: { ...BONE_LOOK_AT, firstPersonBone: index.get("head")! }, blendShapeMaster: { blendShapeGroups: [] } } : {}),
        },
      },
      scene: 0,
      scenes: [{ nodes: [armature ? nodes.length : 0] }],
      nodes: [...nodes, ...above],
    },
    bin: undefined,
  });
  return glb.buffer.slice(glb.byteOffset, glb.byteOffset + glb.byteLength) as ArrayBuffer;
}
