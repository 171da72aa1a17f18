/**
 * Waving hello with the right hand: the arm turns palm-forward and rises to the side, the
 * forearm stands up and sways from the elbow three times, the wrist trailing, then the arm
 * comes back down. Plays instead of the idle pose of the right arm (not added to it).
 */
import type { ClipDescription, Degrees3 } from "../clipDescription";
import { RIGHT_ARM_DOWN, RIGHT_ELBOW_REST, STILL } from "../standing";

/** Upper arm twisted palm-forward (X) and raised 25° out to the side (Y, once twisted). */
const ARM_UP: Degrees3 = [-90, 25, 0];
/** Forearm upright (the elbow bends 60° up from the raised arm); Y sways it across the body (+) or out (−). */
const forearm = (sway: number): Degrees3 => [0, 60 + sway, 0];
const wrist = (sway: number): Degrees3 => [0, sway, 0];

export const wave: ClipDescription = {
  name: "wave",
  kind: "gesture",
  keys: [
    { at: 0, pose: { rightShoulder: STILL, rightUpperArm: RIGHT_ARM_DOWN, rightLowerArm: RIGHT_ELBOW_REST, rightHand: STILL } },
    { at: 0.5, pose: { rightShoulder: [0, 0, -6], rightUpperArm: ARM_UP, rightLowerArm: forearm(0), rightHand: wrist(0) } },
    { at: 0.8, pose: { rightLowerArm: forearm(-22), rightHand: wrist(-14) } },
    { at: 1.1, pose: { rightLowerArm: forearm(16), rightHand: wrist(12) } },
    { at: 1.4, pose: { rightLowerArm: forearm(-22), rightHand: wrist(-14) } },
    { at: 1.7, pose: { rightLowerArm: forearm(16), rightHand: wrist(12) } },
    { at: 2.0, pose: { rightLowerArm: forearm(0), rightHand: wrist(0) } },
    { at: 2.6, pose: { rightShoulder: STILL, rightUpperArm: RIGHT_ARM_DOWN, rightLowerArm: RIGHT_ELBOW_REST, rightHand: STILL } },
  ],
};
