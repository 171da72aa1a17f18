import { Vector3 } from "three";
import type { VRM } from "@pixiv/three-vrm";

/**
 * Walks an avatar for `seconds` (calling `step(dt)`, which must update it) and returns the mean
 * forward speed (m/s) of its planted feet: a foot whose knee is straight, since the swing bends
 * it. Zero is a foot that stays where it was put down.
 */
export function plantedFootSpeed(vrm: VRM, seconds: number, dt: number, step: (dt: number) => void): { speed: number; samples: number } {
  const feet = (["left", "right"] as const).map((side) => ({
    raw: vrm.humanoid.getRawBoneNode(`${side}Foot`)!,
    knee: vrm.humanoid.getNormalizedBoneNode(`${side}LowerLeg`)!,
    last: new Vector3(),
    now: new Vector3(),
  }));
  let samples = 0;
  let total = 0;
  for (let t = 0; t < seconds; t += dt) {
    step(dt);
    for (const foot of feet) {
      foot.raw.getWorldPosition(foot.now);
      if (t > 1 && Math.abs(foot.knee.quaternion.x) < 0.005) {
        samples++;
        total += Math.abs(foot.now.z - foot.last.z) / dt;
      }
      foot.last.copy(foot.now);
    }
  }
  return { speed: samples ? total / samples : Number.NaN, samples };
}
