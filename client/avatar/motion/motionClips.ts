import type { AnimationClip } from "three";
import { ACTIONS, type ActionName } from "../../../shared/persona";

/**
 * Idle variations: now and then, while standing calm and not busy, the body plays one of these
 * clips. Without a clip, `stretch` and `lookAround` fall back to the procedural stretch and
 * glance; `shiftWeight` to the procedural weight shift that always runs.
 */
export const IDLE_VARIATIONS = ["stretch", "lookAround", "shiftWeight"] as const;
export type IdleVariation = (typeof IDLE_VARIATIONS)[number];

/** Every clip name the client looks for in avatars/animations/<name>.vrma. */
export const MOTION_CLIP_NAMES = [...ACTIONS, ...IDLE_VARIATIONS] as const;
export type MotionClipName = ActionName | IdleVariation;

/** Clips made for one VRM (createVRMAnimationClip), by name; a missing one plays procedurally. */
export type MotionClips = Partial<Record<MotionClipName, AnimationClip>>;
