import { Vector3 } from "three";

/** The humanoid bones the procedural layers move (optional ones are skipped when absent). */
export const POSED_BONES = [
  "hips",
  "spine",
  "chest",
  "upperChest",
  "neck",
  "head",
  "leftShoulder",
  "rightShoulder",
  "leftUpperArm",
  "rightUpperArm",
  "leftLowerArm",
  "rightLowerArm",
  "leftHand",
  "rightHand",
  "leftUpperLeg",
  "rightUpperLeg",
  "leftLowerLeg",
  "rightLowerLeg",
  "leftFoot",
  "rightFoot",
] as const;
export type PosedBone = (typeof POSED_BONES)[number];

/**
 * One frame's body pose, built up by the layers (idle, gait, gaze) adding to it: an XYZ Euler
 * per bone in the VRM 1.0 normalised frame (+X the avatar's left, +Y up, +Z forward; zero is the
 * T-pose), and an offset of the hips. Preallocated once; cleared every frame.
 */
export class BodyPose {
  readonly rotation = Object.fromEntries(POSED_BONES.map((b) => [b, new Vector3()])) as Record<PosedBone, Vector3>;
  readonly hipsOffset = new Vector3();

  clear(): void {
    for (const bone of POSED_BONES) this.rotation[bone].set(0, 0, 0);
    this.hipsOffset.set(0, 0, 0);
  }

  add(bone: PosedBone, x: number, y: number, z: number): void {
    const r = this.rotation[bone];
    r.x += x;
    r.y += y;
    r.z += z;
  }
}
