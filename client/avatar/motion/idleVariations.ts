import { Euler, Quaternion, Vector3 } from "three";
import { smoothstep } from "../easing";
import { randomBetween, type RandomSource } from "../random";
import type { AvatarRig } from "./avatarRig";
import type { BodyPose, PosedBone } from "./bodyPose";
import { BoundClip } from "./boundClip";
import { IDLE_VARIATIONS, type IdleVariation, type MotionClips } from "./motionClips";

/** Seconds a variation takes to blend in, and out (at its end, or when the body gets busy). */
export const IDLE_CLIP_FADE_S = 0.3;
/** Seconds of plain standing between two variations. */
const GAP_MIN_S = 7;
const GAP_MAX_S = 16;

/**
 * The idle variations that come from VRMA clips: after a few seconds of calm standing, one of
 * them (never the same twice in a row when there are several) blends into the pose and out
 * again. Getting busy (talking, a gesture) or walking fades it out early. The clip replaces the
 * procedural pose of the bones it moves, by its weight, except the turn of the head and neck:
 * that goes to the gaze as a glance ({@link headYaw}), so the eyes turn with the head, and a
 * body that looks at someone keeps looking at them. The gaze's pitch is added after the clip's.
 */
export class IdleVariations {
  /** How far the playing clip turns the head and neck (radians, + the avatar's left), weighted. */
  headYaw = 0;
  /** How still the body is, 0…1 (1 standing still), set before {@link update} and {@link write} (a field: an argument would be boxed). */
  calm = 1;
  private readonly clips = new Map<IdleVariation, BoundClip>();
  private current: BoundClip | null = null;
  private currentName: IdleVariation | null = null;
  private lastName: IdleVariation | null = null;
  private time = 0;
  /** Seconds since an early stop began; −1 while not stopping. */
  private stopping = -1;
  private nextIn = 0;
  private mirror = 1;
  private readonly restHips = new Vector3();
  private readonly quat = new Quaternion();
  private readonly euler = new Euler();
  private readonly angles = new Vector3();
  private readonly hips = new Vector3();

  constructor(private readonly random: RandomSource) {}

  /** The variation playing now (blending in, held or blending out), or null. */
  get playing(): IdleVariation | null {
    return this.currentName;
  }

  has(name: IdleVariation): boolean {
    return this.clips.has(name);
  }

  /** Binds the idle variation clips among `clips` to `rig`; the others play procedurally. */
  use(rig: AvatarRig, clips: MotionClips): void {
    this.clips.clear();
    this.stop();
    this.mirror = rig.mirror ? -1 : 1;
    const rest = rig.vrm.humanoid.normalizedRestPose.hips?.position;
    this.restHips.set(rest?.[0] ?? 0, rest?.[1] ?? 0, rest?.[2] ?? 0);
    for (const name of IDLE_VARIATIONS) {
      const clip = clips[name];
      const bound = clip ? BoundClip.bind(clip, rig) : null;
      if (bound) this.clips.set(name, bound);
    }
    // Drawn only with clips, so a body without them draws the same random numbers as before.
    if (this.clips.size > 0) this.nextIn = randomBetween(this.random, GAP_MIN_S, GAP_MAX_S);
  }

  /** `busy` while talking or gesturing. */
  update(dt: number, busy: boolean): void {
    const calm = this.calm;
    if (this.current) {
      this.time += dt;
      if (this.stopping >= 0) this.stopping += dt;
      else if (busy || calm < 0.5) this.stopping = 0;
      if (this.time >= this.current.duration || this.stopping >= IDLE_CLIP_FADE_S) this.stop();
      else this.sampleHeadYaw(this.current);
      return;
    }
    if (this.clips.size === 0 || (this.nextIn -= dt) > 0) return;
    this.nextIn = randomBetween(this.random, GAP_MIN_S, GAP_MAX_S);
    if (calm > 0.9 && !busy) this.start(this.pick());
  }

  /** Blends the playing clip into `pose` (a no-op when none plays). */
  write(pose: BodyPose): void {
    const clip = this.current;
    const calm = this.calm;
    if (!clip) return;
    const w = this.weight(clip) * calm;
    if (w <= 0) return;
    const sign = this.mirror;
    const bones = clip.bones;
    clip.clock[0] = this.time;
    for (let i = 0; i < bones.length; i++) {
      const bone = bones[i]!;
      this.euler.setFromQuaternion(clip.rotation(i, this.quat), "XYZ");
      // The pose is in the VRM 1.0 frame; the rig mirrors X and Z again for a VRM 0.x.
      const yaw = isHeadTurn(bone) ? pose.rotation[bone].y : this.euler.y;
      this.angles.set(this.euler.x * sign, yaw, this.euler.z * sign);
      pose.rotation[bone].lerp(this.angles, w);
    }
    if (clip.hipsPosition(this.hips)) {
      this.hips.sub(this.restHips);
      this.hips.set(this.hips.x * sign, this.hips.y, this.hips.z * sign);
      pose.hipsOffset.lerp(this.hips, w);
    }
  }

  /** Into {@link headYaw} (written here, not returned: a returned number is boxed). */
  private sampleHeadYaw(clip: BoundClip): void {
    const bones = clip.bones;
    clip.clock[0] = this.time;
    let yaw = 0;
    for (let i = 0; i < bones.length; i++) {
      if (!isHeadTurn(bones[i]!)) continue;
      yaw += this.euler.setFromQuaternion(clip.rotation(i, this.quat), "XYZ").y;
    }
    this.headYaw = yaw * this.weight(clip) * this.calm;
  }

  private weight(clip: BoundClip): number {
    const fadeIn = smoothstep(0, IDLE_CLIP_FADE_S, this.time);
    const fadeOut = 1 - smoothstep(clip.duration - IDLE_CLIP_FADE_S, clip.duration, this.time);
    const early = this.stopping >= 0 ? 1 - smoothstep(0, IDLE_CLIP_FADE_S, this.stopping) : 1;
    return fadeIn * fadeOut * early;
  }

  private pick(): IdleVariation {
    const choices = IDLE_VARIATIONS.filter((name) => this.clips.has(name) && (name !== this.lastName || this.clips.size === 1));
    return choices[Math.min(Math.floor(this.random() * choices.length), choices.length - 1)]!;
  }

  private start(name: IdleVariation): void {
    this.current = this.clips.get(name)!;
    this.currentName = name;
    this.lastName = name;
    this.time = 0;
    this.stopping = -1;
  }

  private stop(): void {
    this.current = null;
    this.currentName = null;
    this.stopping = -1;
    this.headYaw = 0;
  }
}

/** The bones whose turn (yaw) belongs to the gaze. */
function isHeadTurn(bone: PosedBone): boolean {
  return bone === "head" || bone === "neck";
}
