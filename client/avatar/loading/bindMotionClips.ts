import { AnimationClip } from "three";
import type { VRM } from "@pixiv/three-vrm";
import { createVRMAnimationHumanoidTracks, type VRMAnimation } from "@pixiv/three-vrm-animation";
import { MOTION_CLIP_NAMES, type MotionClipName, type MotionClips } from "../motion/motionClips";

/** Parsed VRMA animations by clip name, not yet bound to any VRM. */
export type MotionAnimations = Partial<Record<MotionClipName, VRMAnimation>>;

/**
 * The clips for one VRM (a clip is made per VRM: bone names differ). Only the body's tracks, as
 * createVRMAnimationClip makes them (retargeted to this VRM's bones, hips movement scaled to its
 * height, mirrored for VRM 0.x): the face and eyes belong to emotions, lip sync and gaze, so a
 * clip's expression and lookAt tracks are left out (which also spares every VRM the lookAt proxy
 * object createVRMAnimationClip would add to its scene).
 */
export function bindMotionClips(found: MotionAnimations, vrm: VRM): MotionClips {
  const clips: MotionClips = {};
  for (const name of MOTION_CLIP_NAMES) {
    const animation = found[name];
    if (!animation) continue;
    const { translation, rotation } = createVRMAnimationHumanoidTracks(animation, vrm.humanoid, vrm.meta.metaVersion);
    clips[name] = new AnimationClip(name, animation.duration, [...translation.values(), ...rotation.values()]);
  }
  return clips;
}
