import type { AnimationClip, Quaternion, Vector3 } from "three";
import type { AvatarRig } from "./avatarRig";
import { POSED_BONES, type PosedBone } from "./bodyPose";
import { ClipTrack } from "./clipTrack";

/**
 * A VRMA clip (made for one VRM by createVRMAnimationClip) bound to the bones the procedural
 * layers pose: one {@link ClipTrack} per animated bone, and one for the hips' position if the
 * clip moves them. Sampling writes into the caller's objects: no allocation per frame, and no
 * AnimationMixer, so a body with no clip playing costs nothing.
 */
export class BoundClip {
  private constructor(
    readonly duration: number,
    /** The bones the clip turns, in track order. */
    readonly bones: readonly PosedBone[],
    private readonly rotations: readonly ClipTrack[],
    private readonly hips: ClipTrack | null,
    /**
     * The time to sample at (s) in element 0, where the tracks read it: written by the caller
     * once before sampling, not passed to each call (a number handed to a call the optimiser
     * does not inline is boxed on the heap).
     */
    readonly clock: Float64Array,
  ) {}

  /** Null when the clip moves none of the rig's posed bones (nothing to play). */
  static bind(clip: AnimationClip, rig: AvatarRig): BoundClip | null {
    const boneByNode = new Map<string, PosedBone>();
    for (const bone of POSED_BONES) {
      const node = rig.bones[bone];
      if (node) boneByNode.set(node.name, bone);
    }
    const bones: PosedBone[] = [];
    const clock = new Float64Array(1);
    const rotations: ClipTrack[] = [];
    let hips: ClipTrack | null = null;
    for (const track of clip.tracks) {
      const { node, property } = splitTrackName(track.name);
      const bone = boneByNode.get(node);
      if (!bone) continue;
      if (property === "quaternion") {
        bones.push(bone);
        rotations.push(new ClipTrack(track.times, track.values, 4, clock));
      } else if (property === "position" && bone === "hips") {
        hips = new ClipTrack(track.times, track.values, 3, clock);
      }
    }
    if (bones.length === 0 && !hips) return null;
    return new BoundClip(clip.duration, bones, rotations, hips, clock);
  }

  get movesHips(): boolean {
    return this.hips !== null;
  }

  /** The rotation of `bones[index]` at the {@link clock}'s time (normalised bone, this VRM's frame). */
  rotation(index: number, out: Quaternion): Quaternion {
    return this.rotations[index]!.quaternion(out);
  }

  /** The hips' position at the {@link clock}'s time (normalised bone); false (and `out` untouched) if the clip leaves them. */
  hipsPosition(out: Vector3): boolean {
    if (!this.hips) return false;
    this.hips.vector(out);
    return true;
  }
}

/** "Normalized_J_Bip_C_Head.quaternion" → node "Normalized_J_Bip_C_Head", property "quaternion". */
function splitTrackName(trackName: string): { node: string; property: string } {
  const dot = trackName.lastIndexOf(".");
  return dot < 0 ? { node: trackName, property: "" } : { node: trackName.slice(0, dot), property: trackName.slice(dot + 1) };
}
