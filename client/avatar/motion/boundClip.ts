import { LinearInterpolant, Quaternion, QuaternionLinearInterpolant, Vector3, type AnimationClip, type Interpolant } from "three";
import type { AvatarRig } from "./avatarRig";
import { POSED_BONES, type PosedBone } from "./bodyPose";

/**
 * A VRMA clip (made for one VRM by createVRMAnimationClip) bound to the bones the procedural
 * layers pose: one sampler per animated bone, and one for the hips' position if the clip moves
 * them. Sampling writes into the caller's objects: no allocation per frame, and no
 * AnimationMixer, so a body with no clip playing costs nothing.
 */
export class BoundClip {
  private constructor(
    readonly duration: number,
    /** The bones the clip turns, in track order. */
    readonly bones: readonly PosedBone[],
    private readonly rotations: readonly Interpolant[],
    private readonly hips: Interpolant | null,
  ) {}

  /** Null when the clip moves none of the rig's posed bones (nothing to play). */
  static bind(clip: AnimationClip, rig: AvatarRig): BoundClip | null {
    const boneByNode = new Map<string, PosedBone>();
    for (const bone of POSED_BONES) {
      const node = rig.bones[bone];
      if (node) boneByNode.set(node.name, bone);
    }
    const bones: PosedBone[] = [];
    const rotations: Interpolant[] = [];
    let hips: Interpolant | null = null;
    for (const track of clip.tracks) {
      const { node, property } = splitTrackName(track.name);
      const bone = boneByNode.get(node);
      if (!bone) continue;
      if (property === "quaternion") {
        bones.push(bone);
        rotations.push(new QuaternionLinearInterpolant(track.times, track.values, 4, new Float32Array(4)));
      } else if (property === "position" && bone === "hips") {
        hips = new LinearInterpolant(track.times, track.values, 3, new Float32Array(3));
      }
    }
    if (bones.length === 0 && !hips) return null;
    return new BoundClip(clip.duration, bones, rotations, hips);
  }

  get movesHips(): boolean {
    return this.hips !== null;
  }

  /** The rotation of `bones[index]` at `time` s (normalised bone, this VRM's frame). */
  rotation(index: number, time: number, out: Quaternion): Quaternion {
    // fromArray, not set(x, y, z, w): numbers handed to a call that is not inlined are boxed.
    return out.fromArray(this.rotations[index]!.evaluate(time));
  }

  /** The hips' position at `time` s (normalised bone); false (and `out` untouched) if the clip leaves them. */
  hipsPosition(time: number, out: Vector3): boolean {
    if (!this.hips) return false;
    out.fromArray(this.hips.evaluate(time));
    return true;
  }
}

/** "Normalized_J_Bip_C_Head.quaternion" → node "Normalized_J_Bip_C_Head", property "quaternion". */
function splitTrackName(trackName: string): { node: string; property: string } {
  const dot = trackName.lastIndexOf(".");
  return dot < 0 ? { node: trackName, property: "" } : { node: trackName.slice(0, dot), property: trackName.slice(dot + 1) };
}
