/**
 * Shifting the weight onto the left leg: the hips slide over it and the right hip drops, the
 * loaded leg stands straight under the body while the right knee relaxes, the spine leans back
 * over the centre; a while later the weight comes back onto both feet.
 */
import type { ClipDescription, Degrees3 } from "../clipDescription";
import { STILL } from "../standing";
import type { Vec3 } from "../../math";

/** `w` 0…1: how far the weight has gone over. The legs counter the hips' roll so the feet stay put. */
const shifted = (w: number) => ({
  pose: {
    hips: [0, 2 * w, 5 * w] as Degrees3,
    spine: [0, 0, -3 * w] as Degrees3,
    chest: [0, 0, -2.5 * w] as Degrees3,
    leftUpperLeg: [0, -2 * w, -7.3 * w] as Degrees3,
    rightUpperLeg: [-9 * w, -2 * w, -6.5 * w] as Degrees3,
    rightLowerLeg: [17 * w, 0, 0] as Degrees3,
    rightFoot: [-8 * w, 0, 1.5 * w] as Degrees3,
    leftShoulder: [0, 0, 2 * w] as Degrees3,
    rightShoulder: [0, 0, 2 * w] as Degrees3,
  },
  hips: [0.03 * w, -0.01 * w, 0] as Vec3,
});

export const shiftWeight: ClipDescription = {
  name: "shiftWeight",
  kind: "idle",
  keys: [
    { at: 0, ...shifted(0) },
    { at: 1.5, ...shifted(1) },
    { at: 3.4, ...shifted(0.9) },
    { at: 4.9, ...shifted(0) },
    { at: 5.2, ...shifted(0) },
  ],
};
