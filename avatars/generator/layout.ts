/**
 * Joint positions and body measurements derived from a body description. VRM 1.0 rest pose:
 * T-pose, facing +Z, the avatar's left side on +X, feet on y = 0.
 */
import type { BodyDescription } from "./description";
import type { Vec3 } from "./math";

export type HumanoidBoneName =
  | "hips" | "spine" | "chest" | "upperChest" | "neck" | "head"
  | "leftShoulder" | "leftUpperArm" | "leftLowerArm" | "leftHand"
  | "rightShoulder" | "rightUpperArm" | "rightLowerArm" | "rightHand"
  | "leftUpperLeg" | "leftLowerLeg" | "leftFoot" | "leftToes"
  | "rightUpperLeg" | "rightLowerLeg" | "rightFoot" | "rightToes";

/** Parent of each humanoid bone, in creation order (parents first). */
export const HUMANOID_PARENTS: ReadonlyArray<readonly [HumanoidBoneName, HumanoidBoneName | null]> = [
  ["hips", null], ["spine", "hips"], ["chest", "spine"], ["upperChest", "chest"], ["neck", "upperChest"], ["head", "neck"],
  ["leftShoulder", "upperChest"], ["leftUpperArm", "leftShoulder"], ["leftLowerArm", "leftUpperArm"], ["leftHand", "leftLowerArm"],
  ["rightShoulder", "upperChest"], ["rightUpperArm", "rightShoulder"], ["rightLowerArm", "rightUpperArm"], ["rightHand", "rightLowerArm"],
  ["leftUpperLeg", "hips"], ["leftLowerLeg", "leftUpperLeg"], ["leftFoot", "leftLowerLeg"], ["leftToes", "leftFoot"],
  ["rightUpperLeg", "hips"], ["rightLowerLeg", "rightUpperLeg"], ["rightFoot", "rightLowerLeg"], ["rightToes", "rightFoot"],
];

export interface BodyLayout {
  height: number;
  /** Scale relative to a 1.6 m figure: every absolute measurement below is multiplied by it. */
  k: number;
  build: number;
  curves: number;
  headHeight: number;
  headCenter: Vec3;
  /** Half extents of the skull (x width, y height, z depth) before the jaw taper. */
  headRadii: Vec3;
  joints: Record<HumanoidBoneName, Vec3>;
  /** End points that have no bone of their own. */
  wrist: { left: Vec3; right: Vec3 };
  fingertip: { left: Vec3; right: Vec3 };
  neckBase: number;
  shoulderY: number;
  waistY: number;
  crotchY: number;
  kneeY: number;
}

export function computeLayout(body: BodyDescription): BodyLayout {
  const H = body.height;
  const k = H / 1.6;
  const headHeight = (H / 6.4) * body.headScale;
  const chinY = H - headHeight;
  const headCenter: Vec3 = [0, H - headHeight * 0.5, 0];
  const headRadii: Vec3 = [headHeight * 0.37, headHeight * 0.5, headHeight * 0.43];
  const neckBase = chinY - headHeight * 0.21;
  const shoulderY = neckBase - 0.048 * k;
  const legTop = body.legRatio * H;
  const hipsY = legTop + 0.04 * k;
  const spineY = hipsY + 0.07 * k;
  const upperChestY = shoulderY - 0.1 * k;
  const chestY = (spineY + upperChestY) / 2;
  const ankleY = 0.075 * k;
  const kneeY = (legTop + ankleY) / 2 + 0.01 * k;
  const sx = body.shoulderWidth * H;
  const hx = body.hipWidth * H;
  const elbowX = sx + 0.165 * H;
  const wristX = elbowX + 0.145 * H;
  const fingerX = wristX + 0.088 * H;
  const joints: Record<HumanoidBoneName, Vec3> = {
    hips: [0, hipsY, 0],
    spine: [0, spineY, -0.005 * k],
    chest: [0, chestY, -0.005 * k],
    upperChest: [0, upperChestY, -0.008 * k],
    neck: [0, neckBase, -0.012 * k],
    head: [0, chinY + headHeight * 0.14, -0.01 * k],
    leftShoulder: [0.022 * k, shoulderY + 0.012 * k, -0.008 * k],
    leftUpperArm: [sx, shoulderY, -0.008 * k],
    leftLowerArm: [elbowX, shoulderY, -0.014 * k],
    leftHand: [wristX, shoulderY, -0.008 * k],
    rightShoulder: [-0.022 * k, shoulderY + 0.012 * k, -0.008 * k],
    rightUpperArm: [-sx, shoulderY, -0.008 * k],
    rightLowerArm: [-elbowX, shoulderY, -0.014 * k],
    rightHand: [-wristX, shoulderY, -0.008 * k],
    leftUpperLeg: [hx, legTop, 0],
    leftLowerLeg: [hx * 0.92, kneeY, 0.006 * k],
    leftFoot: [hx * 0.88, ankleY, -0.01 * k],
    leftToes: [hx * 0.9, 0.018 * k, 0.095 * k],
    rightUpperLeg: [-hx, legTop, 0],
    rightLowerLeg: [-hx * 0.92, kneeY, 0.006 * k],
    rightFoot: [-hx * 0.88, ankleY, -0.01 * k],
    rightToes: [-hx * 0.9, 0.018 * k, 0.095 * k],
  };
  return {
    height: H,
    k,
    build: body.build,
    curves: body.curves,
    headHeight,
    headCenter,
    headRadii,
    joints,
    wrist: { left: [wristX, shoulderY, -0.008 * k], right: [-wristX, shoulderY, -0.008 * k] },
    fingertip: { left: [fingerX, shoulderY, -0.004 * k], right: [-fingerX, shoulderY, -0.004 * k] },
    neckBase,
    shoulderY,
    waistY: spineY + 0.04 * k,
    crotchY: legTop - 0.045 * k,
    kneeY,
  };
}
