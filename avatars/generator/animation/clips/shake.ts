/**
 * Shaking the head "no": three turns either way, each smaller than the last, the neck turning
 * with the head a third as far. Added on top of the gaze, like the nod.
 */
import type { ClipDescription, Degrees3 } from "../clipDescription";
import { STILL } from "../standing";

const turn = (degrees: number): { neck: Degrees3; head: Degrees3 } => ({ neck: [0, degrees / 3, 0], head: [0, degrees, 0] });

export const shake: ClipDescription = {
  name: "shake",
  kind: "gesture",
  keys: [
    { at: 0, pose: { neck: STILL, head: STILL } },
    { at: 0.22, pose: turn(18) },
    { at: 0.5, pose: turn(-18) },
    { at: 0.78, pose: turn(14) },
    { at: 1.04, pose: turn(-9) },
    { at: 1.4, pose: { neck: STILL, head: STILL } },
  ],
};
