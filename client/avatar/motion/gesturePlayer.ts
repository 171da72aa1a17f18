import { Euler, Quaternion, Vector3, type Object3D } from "three";
import { ACTIONS, type ActionName } from "../../../shared/persona";
import { smoothstep } from "../easing";
import type { AvatarRig } from "./avatarRig";
import { POSED_BONES, type PosedBone } from "./bodyPose";
import { BoundClip } from "./boundClip";
import { GestureFrame } from "./gestureFrame";
import { POINT_DURATION_S, PROCEDURAL_GESTURES, type ProceduralGesture } from "./gestureLibrary";
import type { MotionClips } from "./motionClips";

export interface Vec3Like {
  x: number;
  y: number;
  z: number;
}

/** Gestures a clip may play: pointing is aimed at its target every frame, so it never comes from a clip. */
type ClipGesture = Exclude<ActionName, "point">;
const CLIP_GESTURES = ACTIONS.filter((name): name is ClipGesture => name !== "point");

const FADE_IN_S = 0.25;
const FADE_OUT_S = 0.35;

/**
 * Plays gestures on top of idle and gait: a VRMA clip when the avatar has one for the gesture,
 * else the procedural keyframes; pointing aims the arm at a world position every frame.
 * The result is a {@link GestureFrame} that {@link AvatarRig.apply} blends in. Head gestures
 * (nod, shake) are added to the pose, clip or not, so the head keeps looking where the gaze
 * turned it; the others replace the pose of the bones they move.
 */
export class GesturePlayer {
  readonly frame = new GestureFrame();
  private current: ActionName | null = null;
  private time = 0;
  private duration = 0;
  private readonly clips = new Map<ActionName, BoundClip>();
  private currentClip: BoundClip | null = null;
  private readonly pointTarget = new Vector3();
  private hasPointTarget = false;
  private readonly euler = new Euler();
  private readonly dir = new Vector3();
  private readonly rest = new Vector3();
  private readonly shoulder = new Vector3();
  private readonly sceneRotation = new Quaternion();

  constructor(private readonly rig: AvatarRig) {}

  get playing(): ActionName | null {
    return this.current;
  }

  /** True while the gesture playing comes from a VRMA clip (false when procedural or none). */
  get playingClip(): boolean {
    return this.current !== null && this.currentClip !== null;
  }

  /** Uses VRMA clips (made for this VRM with createVRMAnimationClip) for the gestures they name. */
  useClips(clips: MotionClips): void {
    this.clips.clear();
    for (const name of CLIP_GESTURES) {
      const clip = clips[name];
      const bound = clip ? BoundClip.bind(clip, this.rig) : null;
      if (bound && bound.bones.length > 0) this.clips.set(name, bound);
    }
  }

  play(name: ActionName, target?: Vec3Like): void {
    if (!ACTIONS.includes(name)) throw new Error(`unknown gesture "${String(name)}" (known: ${ACTIONS.join(", ")})`);
    this.current = name;
    this.time = 0;
    this.hasPointTarget = !!target;
    if (target) this.pointTarget.set(target.x, target.y, target.z);
    this.currentClip = this.clips.get(name) ?? null;
    this.duration = this.currentClip ? this.currentClip.duration : name === "point" ? POINT_DURATION_S : PROCEDURAL_GESTURES[name].duration;
  }

  update(dt: number): void {
    this.frame.clear();
    const name = this.current;
    if (!name) return;
    this.time += dt;
    if (this.time >= this.duration) {
      this.current = null;
      return;
    }
    const clip = this.currentClip;
    if (name === "point") this.aimPoint();
    else if (clip) this.sampleClip(clip, PROCEDURAL_GESTURES[name].additive);
    else this.sampleKeys(PROCEDURAL_GESTURES[name]);
    const fadeIn = Math.min(FADE_IN_S, this.duration * 0.2);
    const fadeOut = Math.min(FADE_OUT_S, this.duration * 0.3);
    this.frame.weight = smoothstep(0, fadeIn, this.time) * (1 - smoothstep(this.duration - fadeOut, this.duration, this.time));
  }

  private sampleClip(clip: BoundClip, additive: boolean): void {
    this.frame.additive = additive;
    const bones = clip.bones;
    clip.clock[0] = this.time;
    for (let i = 0; i < bones.length; i++) {
      const bone = bones[i]!;
      clip.rotation(i, this.frame.rotation[bone]);
      this.frame.active[bone] = true;
    }
  }

  private sampleKeys(gesture: ProceduralGesture): void {
    const times = gesture.times;
    let i = 0;
    while (i + 2 < times.length && times[i + 1]! <= this.time) i++;
    const span = times[i + 1]! - times[i]!;
    const t = smoothstep(0, 1, span > 0 ? (this.time - times[i]!) / span : 1);
    const sign = this.rig.mirror ? -1 : 1;
    this.frame.additive = gesture.additive;
    for (const bone of POSED_BONES) {
      const keys = gesture.bones[bone];
      if (!keys) continue;
      const a = keys[i]!;
      const b = keys[i + 1]!;
      this.euler.set(sign * lerp(a[0], b[0], t), lerp(a[1], b[1], t), sign * lerp(a[2], b[2], t));
      this.frame.rotation[bone].setFromEuler(this.euler);
      this.frame.active[bone] = true;
    }
  }

  /** Turns the nearer arm, straight, from its rest direction to the target (forward if none). */
  private aimPoint(): void {
    const scene = this.rig.vrm.scene;
    scene.getWorldQuaternion(this.sceneRotation).invert();
    const forward = this.rig.mirror ? -1 : 1;
    let side: "left" | "right" = "right";
    if (this.hasPointTarget) {
      this.aimFrom(this.rig.bones.chest);
      if (this.dir.dot(this.rig.armRestDirection("left", this.rest)) > 0.15) side = "left";
      this.aimFrom(this.rig.bones[side === "left" ? "leftUpperArm" : "rightUpperArm"]);
      // Nobody points straight behind themselves: keep the arm at most a little behind the side.
      if (this.dir.z * forward < -0.2) {
        this.dir.z = -0.2 * forward;
        this.dir.normalize();
      }
    } else {
      this.dir.set(-0.25 * forward, -0.1, forward).normalize();
    }
    const upper: PosedBone = side === "left" ? "leftUpperArm" : "rightUpperArm";
    const lower: PosedBone = side === "left" ? "leftLowerArm" : "rightLowerArm";
    this.frame.rotation[upper].setFromUnitVectors(this.rig.armRestDirection(side, this.rest), this.dir);
    this.frame.rotation[lower].identity();
    this.frame.active[upper] = true;
    this.frame.active[lower] = true;
  }

  /** Sets `dir` to the unit direction from `from` to the point target, in the VRM scene's frame. */
  private aimFrom(from: Object3D | undefined): void {
    if (from) from.getWorldPosition(this.shoulder);
    else this.rig.vrm.scene.getWorldPosition(this.shoulder);
    this.dir.copy(this.pointTarget).sub(this.shoulder).applyQuaternion(this.sceneRotation).normalize();
  }
}

function lerp(a: number, b: number, t: number): number {
  return a + (b - a) * t;
}
