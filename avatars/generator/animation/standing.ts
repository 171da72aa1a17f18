/**
 * The relaxed standing pose every clip starts and ends in: the pose the client's procedural idle
 * holds (client/avatar/motion/idleMotion.ts: arms 1.3 rad below the T-pose, elbows bent 0.18
 * rad), so a clip blends in and out of it without a jump. tests/avatars/animations.test.ts
 * checks the two agree.
 */
import type { Degrees3, KeyPose } from "./clipDescription";

/** Upper arms this far below the T-pose (degrees). */
export const ARM_DOWN_DEG = 74.48;
/** Elbows this far bent (degrees). */
export const ELBOW_REST_DEG = 10.31;

export const LEFT_ARM_DOWN: Degrees3 = [0, 0, -ARM_DOWN_DEG];
export const RIGHT_ARM_DOWN: Degrees3 = [0, 0, ARM_DOWN_DEG];
export const LEFT_ELBOW_REST: Degrees3 = [0, -ELBOW_REST_DEG, 0];
export const RIGHT_ELBOW_REST: Degrees3 = [0, ELBOW_REST_DEG, 0];
export const STILL: Degrees3 = [0, 0, 0];

/** Both arms hanging at the sides. */
export const ARMS_DOWN: KeyPose = {
  leftUpperArm: LEFT_ARM_DOWN,
  rightUpperArm: RIGHT_ARM_DOWN,
  leftLowerArm: LEFT_ELBOW_REST,
  rightLowerArm: RIGHT_ELBOW_REST,
};
