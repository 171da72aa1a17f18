import { Vector3 } from "three";
import type { VRM, VRMHumanBoneName } from "@pixiv/three-vrm";
import { AvatarRig } from "../../../../client/avatar/motion/avatarRig";
import { BodyPose } from "../../../../client/avatar/motion/bodyPose";
import { GestureFrame } from "../../../../client/avatar/motion/gestureFrame";
import { IdleMotion } from "../../../../client/avatar/motion/idleMotion";
import type { MotionClips } from "../../../../client/avatar/motion/motionClips";
import { seededRandom } from "../../../../client/world/seededRandom";

export const FRAME_S = 1 / 60;

/** The idle layer alone on a VRM: no gaze, gait or gestures, so what moves is the idle's doing. */
export class StandingIdle {
  readonly rig: AvatarRig;
  readonly idle: IdleMotion;
  readonly pose = new BodyPose();
  private readonly gesture = new GestureFrame();

  constructor(
    readonly vrm: VRM,
    clips: MotionClips,
    seed = 3,
  ) {
    this.rig = new AvatarRig(vrm);
    this.idle = new IdleMotion(seededRandom(seed));
    this.idle.useClips(this.rig, clips);
  }

  /** One frame: `calm` 1 standing … 0 walking; `busy` talking or gesturing. */
  step(calm = 1, busy = false): void {
    this.idle.calm = calm;
    this.idle.update(FRAME_S, busy);
    this.pose.clear();
    this.idle.write(this.pose);
    this.rig.apply(this.pose, this.gesture);
    this.vrm.humanoid.update();
    this.vrm.scene.updateMatrixWorld(true);
  }

  /** Steps until `until` holds (true) or `seconds` pass (false). */
  runUntil(seconds: number, until: () => boolean, calm = 1, busy = false): boolean {
    for (let t = 0; t < seconds; t += FRAME_S) {
      this.step(calm, busy);
      if (until()) return true;
    }
    return false;
  }

  bone(name: VRMHumanBoneName): Vector3 {
    return this.vrm.humanoid.getRawBoneNode(name)!.getWorldPosition(new Vector3());
  }
}
