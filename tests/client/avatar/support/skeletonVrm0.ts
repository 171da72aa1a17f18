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

type Quat = readonly [x: number, y: number, z: number, w: number];

/**
 * Options, for rigs less tidy than the plain one: `restRotation`, every joint's rest rotation
 * (bones that are not axis-aligned); `armature`, a node above the hips, moved and turned.
 */
export function skeletonVrm0({ restRotation, armature }: { restRotation?: Quat; armature?: { translation: readonly number[]; rotation: Quat } } = {}): ArrayBuffer {
  const index = new Map(BONES.map(([name], i) => [name, i]));
  const nodes = BONES.map(([name, , x, y, z]) => ({
    name: `J_${name}`,
    // 0.x faces −Z: the VRM 1.0 layout above, turned half a circle.
    translation: [-x, y, -z],
    ...(restRotation ? { rotation: [...restRotation] } : {}),
    children: BONES.flatMap(([child, parent], i) => (parent === name ? [i] : [])),
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
          humanoid: { humanBones: BONES.map(([bone]) => ({ bone, node: index.get(bone)! })) },
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
