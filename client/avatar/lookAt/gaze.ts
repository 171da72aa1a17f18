import { Object3D, type Vector3 } from "three";
import { angleDelta } from "../../math/angles";
import { approach } from "../easing";
import type { BodyPose } from "../motion/bodyPose";
import type { Vec3Like } from "../motion/gesturePlayer";
import type { SaccadeScheduler } from "./saccadeScheduler";

/** The head and neck together turn at most this far from the body (radians). */
const MAX_HEAD_YAW = 1.0;
const MAX_HEAD_PITCH_UP = 0.45;
const MAX_HEAD_PITCH_DOWN = 0.5;
/** The head follows a target fast; the body turns later, at the server's pace. */
const HEAD_TAU = 0.14;
const NECK_SHARE = 0.4;
/** Without a target the eyes rest on a point this far ahead. */
const IDLE_FOCUS_M = 2.5;

/**
 * Where the avatar looks: the head (neck and head bones) turns towards the target within human
 * limits, and the eyes (three-vrm's lookAt, via {@link eyeTarget}) fix the target plus saccades.
 * The body's own yaw comes from the server and catches up after the head.
 */
export class Gaze {
  /** What vrm.lookAt.target points at: moved here every frame, never added to a scene. */
  readonly eyeTarget = new Object3D();
  private target: Vec3Like | null = null;
  private headYaw = 0;
  private headPitch = 0;

  /** The object is read every frame: pass a live position to keep following it. */
  lookAt(target: Vec3Like | null): void {
    if (target && !(Number.isFinite(target.x) && Number.isFinite(target.y) && Number.isFinite(target.z))) {
      throw new Error(`lookAt target must have finite x, y, z, got ${JSON.stringify(target)}`);
    }
    this.target = target;
  }

  get hasTarget(): boolean {
    return this.target !== null;
  }

  /**
   * `head` is the head's world position, `body.yaw` the body's world yaw (0 faces +Z),
   * `idle.glanceYaw` an idle glance aside used when there is no target. Read from their objects,
   * not passed: numbers handed to a call the optimiser does not inline are boxed on the heap.
   */
  update(dt: number, head: Vector3, body: { readonly yaw: number }, idle: { readonly glanceYaw: number }, saccade: SaccadeScheduler, pose: BodyPose): void {
    const bodyYaw = body.yaw;
    let yaw = idle.glanceYaw;
    let pitch = 0;
    let distance = IDLE_FOCUS_M;
    const t = this.target;
    if (t) {
      // Plain arithmetic, not Math.hypot or Vector3.length(): their results are boxed numbers.
      const dx = t.x - head.x;
      const dy = t.y - head.y;
      const dz = t.z - head.z;
      const horizontal = Math.sqrt(dx * dx + dz * dz);
      distance = Math.max(Math.sqrt(dx * dx + dy * dy + dz * dz), 0.3);
      if (horizontal > 1e-3) yaw = angleDelta(bodyYaw, Math.atan2(dx, dz));
      pitch = Math.atan2(dy, horizontal);
    }
    const wantYaw = clamp(yaw, -MAX_HEAD_YAW, MAX_HEAD_YAW);
    const wantPitch = clamp(pitch, -MAX_HEAD_PITCH_DOWN, MAX_HEAD_PITCH_UP);
    this.headYaw = approach(this.headYaw, wantYaw, dt, HEAD_TAU);
    this.headPitch = approach(this.headPitch, wantPitch, dt, HEAD_TAU);
    // Bone X turns the face down, so looking up is negative X. Written into the pose directly:
    // numbers handed to calls the optimiser does not inline are boxed on the heap.
    const neckTurn = pose.rotation.neck;
    const headTurn = pose.rotation.head;
    neckTurn.x += -this.headPitch * NECK_SHARE;
    neckTurn.y += this.headYaw * NECK_SHARE;
    headTurn.x += -this.headPitch * (1 - NECK_SHARE);
    headTurn.y += this.headYaw * (1 - NECK_SHARE);

    // The eyes see the full direction (beyond the head's limits they do the rest) plus saccades.
    const eyeYaw = bodyYaw + yaw + saccade.yaw;
    const eyePitch = pitch + saccade.pitch;
    const c = Math.cos(eyePitch);
    const eye = this.eyeTarget.position;
    eye.x = head.x + Math.sin(eyeYaw) * c * distance;
    eye.y = head.y + Math.sin(eyePitch) * distance;
    eye.z = head.z + Math.cos(eyeYaw) * c * distance;
  }
}

function clamp(v: number, min: number, max: number): number {
  return v < min ? min : v > max ? max : v;
}
