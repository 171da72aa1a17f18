/**
 * A VRMA clip as readable key poses. Rotations are XYZ Euler angles in degrees on the VRM 1.0
 * normalised bones (+X the avatar's left, +Y up, +Z forward; all zero is the T-pose), the same
 * frame the client's procedural motion uses. Between keys the pose eases in and out.
 */
import type { HumanoidBoneName } from "../layout";
import type { Vec3 } from "../math";

export type Degrees3 = readonly [x: number, y: number, z: number];
export type KeyPose = Partial<Record<HumanoidBoneName, Degrees3>>;

export interface PoseKey {
  /** Seconds from the start of the clip. */
  at: number;
  /**
   * The bones this key sets. A bone named by the first key and left out of a later one holds
   * its previous value; the clip animates exactly the bones its first key names.
   */
  pose: KeyPose;
  /** Where the hips are, in metres from their rest position (a clip that moves them names it in its first key). */
  hips?: Vec3;
}

export interface ClipDescription {
  /** The file name (`<name>.vrma`) and the name the client plays it by. */
  name: string;
  /** Idle clips end where they start, so they can follow each other or repeat without a jump. */
  kind: "gesture" | "idle";
  keys: readonly PoseKey[];
}

/** Throws a specific error for a description that cannot make a clip; returns it otherwise. */
export function checkClip(clip: ClipDescription): ClipDescription {
  const { name, keys } = clip;
  if (!/^[a-z][A-Za-z]*$/.test(name)) throw new Error(`clip name "${name}" must be a camelCase word (it becomes a file name)`);
  const first = keys[0];
  if (!first || keys.length < 2) throw new Error(`clip ${name} needs at least two keys`);
  if (first.at !== 0) throw new Error(`clip ${name} must start at 0 s, its first key is at ${first.at} s`);
  const bones = new Set(Object.keys(first.pose));
  if (bones.size === 0) throw new Error(`clip ${name} animates no bone: its first key names none`);
  keys.forEach((key, i) => {
    if (i > 0 && !(key.at > keys[i - 1]!.at)) throw new Error(`clip ${name}: key ${i} at ${key.at} s does not come after key ${i - 1}`);
    for (const bone of Object.keys(key.pose)) {
      if (!bones.has(bone)) throw new Error(`clip ${name}: key ${i} sets ${bone}, which the first key does not name`);
    }
    if (key.hips && !first.hips) throw new Error(`clip ${name}: key ${i} moves the hips, which the first key does not place`);
  });
  return clip;
}
