import { Quaternion } from "three";
import { POSED_BONES, type PosedBone } from "./bodyPose";

/**
 * What a gesture asks of the body this frame: a rotation for some bones, blended in by `weight`.
 * An additive gesture (nod, head shake) turns on top of the pose; the others replace it.
 */
export class GestureFrame {
  weight = 0;
  additive = false;
  readonly active = Object.fromEntries(POSED_BONES.map((b) => [b, false])) as Record<PosedBone, boolean>;
  readonly rotation = Object.fromEntries(POSED_BONES.map((b) => [b, new Quaternion()])) as Record<PosedBone, Quaternion>;

  clear(): void {
    this.weight = 0;
    this.additive = false;
    for (const bone of POSED_BONES) this.active[bone] = false;
  }
}
