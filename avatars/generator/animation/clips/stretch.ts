/**
 * A stretch: both arms sweep up over the head with the elbows softly bent, the back arches and
 * the head tips back, a lean to one side at the top, then everything settles back down.
 */
import type { ClipDescription, Degrees3 } from "../clipDescription";
import { ARMS_DOWN, STILL } from "../standing";

const reaching = (lift: number, lean: number) => ({
  leftUpperArm: [0, 0, lift] as Degrees3,
  rightUpperArm: [0, 0, -lift] as Degrees3,
  leftLowerArm: [0, -8, 18] as Degrees3,
  rightLowerArm: [0, 8, -18] as Degrees3,
  spine: [-5, 0, lean * 0.5] as Degrees3,
  chest: [-5, 0, lean] as Degrees3,
  upperChest: [-4, 0, lean * 0.5] as Degrees3,
  neck: [-4, 0, 0] as Degrees3,
  head: [-12, 0, -lean] as Degrees3,
});

const standing = { ...ARMS_DOWN, spine: STILL, chest: STILL, upperChest: STILL, neck: STILL, head: STILL };

export const stretch: ClipDescription = {
  name: "stretch",
  kind: "idle",
  keys: [
    { at: 0, pose: standing },
    { at: 1.2, pose: reaching(68, 0) },
    { at: 2.0, pose: reaching(74, 5) },
    { at: 2.6, pose: reaching(72, 3) },
    { at: 3.9, pose: standing },
    { at: 4.2, pose: standing },
  ],
};
