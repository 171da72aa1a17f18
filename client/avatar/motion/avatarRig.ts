import { Euler, Quaternion, Vector3, type Object3D } from "three";
import type { VRM } from "@pixiv/three-vrm";
import { POSED_BONES, type BodyPose, type PosedBone } from "./bodyPose";
import type { GestureFrame } from "./gestureFrame";

const IDENTITY = new Quaternion();

/**
 * The link between the procedural layers and one loaded VRM: resolves its normalised humanoid
 * bones once, then writes a {@link BodyPose} (and a gesture on top) to them each frame. VRM 0.x
 * models face −Z in their own frame (three-vrm turns their scene around), so their X and Z
 * rotations are mirrored.
 */
export class AvatarRig {
  readonly bones: Partial<Record<PosedBone, Object3D>> = {};
  /** Height of the hips above the feet at rest (m): scales the stride. */
  readonly hipHeight: number;
  /** True for VRM 0.x: its X and Z rotations are mirrored. */
  readonly mirror: boolean;
  private readonly restHips = new Vector3();
  private readonly head: Object3D | null;
  private readonly euler = new Euler();
  private readonly quat = new Quaternion();

  constructor(readonly vrm: VRM) {
    const humanoid = vrm.humanoid;
    for (const bone of POSED_BONES) {
      const node = humanoid.getNormalizedBoneNode(bone);
      if (node) this.bones[bone] = node;
    }
    this.mirror = vrm.meta.metaVersion === "0";
    this.head = humanoid.getRawBoneNode("head");
    humanoid.resetNormalizedPose();
    const hips = this.bones.hips;
    if (hips) this.restHips.copy(hips.position);
    this.hipHeight = measureHipHeight(vrm);
  }

  /** The rest direction of an upper arm, shoulder to elbow, in the VRM scene's frame. */
  armRestDirection(side: "left" | "right", out: Vector3): Vector3 {
    const lower = this.bones[side === "left" ? "leftLowerArm" : "rightLowerArm"];
    if (lower && lower.position.lengthSq() > 0) return out.copy(lower.position).normalize();
    return out.set(side === "left" ? 1 : -1, 0, 0).multiplyScalar(this.mirror ? -1 : 1);
  }

  apply(pose: BodyPose, gesture: GestureFrame): void {
    const sign = this.mirror ? -1 : 1;
    for (const bone of POSED_BONES) {
      const node = this.bones[bone];
      if (!node) continue;
      const r = pose.rotation[bone];
      this.euler.set(r.x * sign, r.y, r.z * sign);
      node.quaternion.setFromEuler(this.euler);
      const w = gesture.weight;
      if (w <= 0 || !gesture.active[bone]) continue;
      const target = gesture.rotation[bone];
      if (gesture.additive) node.quaternion.multiply(this.quat.copy(IDENTITY).slerp(target, w));
      else node.quaternion.slerp(target, w);
    }
    const hips = this.bones.hips;
    if (hips) {
      const o = pose.hipsOffset;
      hips.position.set(this.restHips.x + o.x * sign, this.restHips.y + o.y, this.restHips.z + o.z * sign);
    }
  }

  headWorldPosition(out: Vector3): Vector3 {
    if (this.head) return this.head.getWorldPosition(out);
    return this.vrm.scene.getWorldPosition(out);
  }

  /** Puts the bones back in the T-pose (before the VRM is handed back or disposed). */
  reset(): void {
    this.vrm.humanoid.resetNormalizedPose();
    const hips = this.bones.hips;
    if (hips) hips.position.copy(this.restHips);
  }
}

function measureHipHeight(vrm: VRM): number {
  const hips = vrm.humanoid.getNormalizedBoneNode("hips");
  if (!hips) return 0.9;
  vrm.scene.updateMatrixWorld(true);
  const hipsAt = hips.getWorldPosition(new Vector3());
  const foot = vrm.humanoid.getNormalizedBoneNode("leftFoot");
  const ground = foot ? foot.getWorldPosition(new Vector3()).y : vrm.scene.getWorldPosition(new Vector3()).y;
  const height = hipsAt.y - ground;
  return height > 0.2 ? height : 0.9;
}
