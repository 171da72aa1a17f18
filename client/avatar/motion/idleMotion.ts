import { smoothstep } from "../easing";
import { randomBetween, type RandomSource } from "../random";
import type { AvatarRig } from "./avatarRig";
import type { BodyPose } from "./bodyPose";
import { IdleVariations } from "./idleVariations";
import type { MotionClips } from "./motionClips";

/** Upper arms hang this far below the T-pose (≈75°), elbows slightly bent: a relaxed stance. */
export const ARM_DOWN = 1.3;
const ELBOW_REST = 0.18;
const BREATH_HZ = 0.23;
const GLANCE_S = 1.6;
const STRETCH_S = 3;

/**
 * Standing still without looking frozen: breathing in the chest, a slow weight shift between
 * the feet, now and then a variation from a VRMA clip (stretch, look around, shift the weight;
 * see {@link IdleVariations}). Without those clips, a procedural glance aside and a small
 * stretch stand in for them. Arms rest at the sides.
 */
export class IdleMotion {
  /** Head yaw of the current glance or lookAround clip (radians, + = the avatar's left), read by the gaze. */
  glanceYaw = 0;
  /**
   * How still the body is, 0…1 (1 standing, 0 walking), set before {@link update} and
   * {@link write}: glances and stretches need calm. A field rather than an argument: numbers
   * handed to a call the optimiser does not inline are boxed on the heap, every frame.
   */
  calm = 1;
  readonly variations: IdleVariations;
  private time = 0;
  private shiftPhase = 0;
  private shiftHz: number;
  private glanceIn: number;
  private glanceAge = -1;
  private glanceDir = 1;
  private stretchIn: number;
  private stretchAge = -1;

  constructor(private readonly random: RandomSource) {
    this.shiftHz = randomBetween(random, 0.08, 0.14);
    this.glanceIn = randomBetween(random, 6, 16);
    this.stretchIn = randomBetween(random, 25, 50);
    this.variations = new IdleVariations(random);
  }

  /** Plays the idle variations `clips` has (made for `rig`'s VRM); the procedural ones cover the rest. */
  useClips(rig: AvatarRig, clips: MotionClips): void {
    this.variations.use(rig, clips);
  }

  /** `busy` while talking or gesturing. */
  update(dt: number, busy: boolean): void {
    const calm = this.calm;
    this.variations.calm = calm;
    this.variations.update(dt, busy);
    // A procedural glance or stretch never overlaps a clip, and never stands in for one that exists.
    const glances = !this.variations.has("lookAround");
    const stretches = !this.variations.has("stretch");
    const occupied = busy || this.variations.playing !== null;
    this.time += dt;
    this.shiftPhase = (this.shiftPhase + dt * this.shiftHz) % 1;
    this.glanceYaw = 0;
    if (this.glanceAge >= 0) {
      this.glanceAge += dt;
      if (this.glanceAge >= GLANCE_S) this.glanceAge = -1;
      else this.glanceYaw = this.glanceDir * 0.55 * bump(this.glanceAge / GLANCE_S) * calm;
    } else if ((this.glanceIn -= dt) <= 0) {
      this.glanceIn = randomBetween(this.random, 6, 16);
      if (glances && calm > 0.9 && !occupied) {
        this.glanceAge = 0;
        this.glanceDir = this.random() < 0.5 ? -1 : 1;
      }
    }
    if (this.stretchAge >= 0) {
      this.stretchAge += dt;
      if (this.stretchAge >= STRETCH_S) this.stretchAge = -1;
    } else if ((this.stretchIn -= dt) <= 0) {
      this.stretchIn = randomBetween(this.random, 25, 50);
      if (stretches && calm > 0.9 && !occupied) this.stretchAge = 0;
    }
    this.glanceYaw += this.variations.headYaw;
  }

  write(pose: BodyPose): void {
    const calm = this.calm;
    // Written into the pose's vectors directly: numbers handed to calls the optimiser does not
    // inline (twenty `add`s here) would each be boxed on the heap.
    const r = pose.rotation;
    const breath = Math.sin(this.time * BREATH_HZ * Math.PI * 2);
    r.chest.x += -0.025 * breath;
    r.spine.x += -0.01 * breath;
    r.leftShoulder.z += 0.015 * breath;
    r.rightShoulder.z += -0.015 * breath;

    const shift = Math.sin(this.shiftPhase * Math.PI * 2) * calm;
    r.hips.z += 0.035 * shift;
    r.spine.z += -0.025 * shift;
    r.chest.z += -0.012 * shift;
    // Legs counter the hip roll so the feet stay on the ground.
    r.leftUpperLeg.z += -0.035 * shift;
    r.rightUpperLeg.z += -0.035 * shift;
    pose.hipsOffset.x += 0.015 * shift;

    const age = this.stretchAge / STRETCH_S;
    const stretch = this.stretchAge >= 0 ? smoothstep(0, 0.25, age) * (1 - smoothstep(0.7, 1, age)) * calm : 0;
    r.leftUpperArm.x += 0.25 * stretch;
    r.leftUpperArm.z += -ARM_DOWN + 0.5 * stretch;
    r.rightUpperArm.x += 0.25 * stretch;
    r.rightUpperArm.z += ARM_DOWN - 0.5 * stretch;
    r.leftLowerArm.y += -ELBOW_REST;
    r.rightLowerArm.y += ELBOW_REST;
    r.spine.x += -0.08 * stretch;
    r.chest.x += -0.06 * stretch;
    r.head.x += -0.15 * stretch;
    this.variations.calm = calm;
    this.variations.write(pose);
  }
}

/** 0 → 1 → 0 over t in 0…1, flat at the top: ease in, hold, ease out. */
function bump(t: number): number {
  return smoothstep(0, 0.25, t) * (1 - smoothstep(0.7, 1, t));
}
