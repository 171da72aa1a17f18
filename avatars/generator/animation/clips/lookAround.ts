/**
 * Looking around: the head turns to the avatar's left with the upper body following a little,
 * lingers, sweeps across to the right, lingers, and comes back. The client adds the gaze on top,
 * so the eyes keep their target while the head wanders.
 */
import type { ClipDescription, Degrees3 } from "../clipDescription";
import { STILL } from "../standing";

/** `yaw` degrees, + towards the avatar's left; `tilt` a slight roll of the head. */
const looking = (yaw: number, tilt: number) => ({
  chest: [0, yaw * 0.1, 0] as Degrees3,
  upperChest: [0, yaw * 0.15, 0] as Degrees3,
  neck: [0, yaw * 0.3, 0] as Degrees3,
  head: [-3, yaw * 0.7, tilt] as Degrees3,
});

const ahead = { chest: STILL, upperChest: STILL, neck: STILL, head: STILL };

export const lookAround: ClipDescription = {
  name: "lookAround",
  kind: "idle",
  keys: [
    { at: 0, pose: ahead },
    { at: 0.8, pose: looking(45, 3) },
    { at: 1.9, pose: looking(50, 4) },
    { at: 2.9, pose: looking(-42, -3) },
    { at: 3.9, pose: looking(-46, -2) },
    { at: 4.8, pose: ahead },
    { at: 5.0, pose: ahead },
  ],
};
