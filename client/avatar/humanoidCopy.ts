import { Matrix4, Quaternion, Vector3, type Object3D } from "three";
import { VRMHumanBoneList, type VRM } from "@pixiv/three-vrm";

/** What three-vrm's VRMHumanoidRig keeps per bone, captured when the model loaded (private there). */
interface RigTransforms {
  _parentWorldRotations: Partial<Record<string, Quaternion>>;
  _boneRotations: Partial<Record<string, Quaternion>>;
}

interface CopiedBone {
  raw: Object3D;
  normalized: Object3D;
  parentWorldInverse: Quaternion;
  /** The parent's world rotation times the bone's rest rotation: the constant right-hand factor. */
  parentWorldRest: Quaternion;
  /** The normalised rotation last copied, and the raw rotation it gave: while both hold, the bone is skipped. */
  lastNormalized: Quaternion;
  lastRaw: Quaternion;
}

const rotation = new Quaternion();
const copies = new WeakMap<VRM, HumanoidCopy>();

/** Stands in for Object3D.updateMatrixWorld on the normalised rig's root: the scene pass skips that tree. */
function leaveToCallers(): void {}
const position = new Vector3();

/**
 * Copies the pose of a VRM's normalised humanoid bones to its raw (rendered) bones: the same
 * result as `vrm.humanoid.update()`, for a fraction of its cost. three-vrm walks all 55 bone
 * names each frame, looks every node up, writes each raw quaternion four times (each write
 * re-derives the Euler `rotation`), and places the hips by updating the world matrices of the
 * raw hips' ancestors and inverting one. Here the bones that exist are resolved once, a bone
 * whose normalised rotation has not changed since the last copy is skipped (fingers mostly; a
 * whole still avatar) unless someone else wrote its raw rotation since, each raw rotation is
 * written once, and the hips' position goes
 * through one matrix captured at attach time: the nodes between the model's root and the two
 * hips' parents do not move.
 *
 * With the hips placed that way, nothing reads the normalised bones' world matrices except code
 * that asks for them (getWorldPosition and updateWorldMatrix bring the chain they need up to
 * date), so the renderer's per-frame matrix pass over the scene leaves that tree out: a third
 * of the nodes an avatar has.
 */
export class HumanoidCopy {
  /**
   * The copy for `vrm`, made on first use: the driver's update and any layer that poses the
   * body further (a headset's head and hands) share one, so each knows what the other copied.
   */
  static of(vrm: VRM): HumanoidCopy {
    let copy = copies.get(vrm);
    if (!copy) {
      copy = new HumanoidCopy(vrm);
      copies.set(vrm, copy);
    }
    return copy;
  }

  private readonly bones: CopiedBone[] = [];
  private readonly hipsRaw: Object3D | null = null;
  private readonly hipsNormalized: Object3D | null = null;
  /** Normalised-rig space to the raw hips' parent space. */
  private readonly hipsSpace = new Matrix4();
  private readonly lastHips = new Vector3(Number.NaN, 0, 0);
  private readonly lastRawHips = new Vector3();

  constructor(vrm: VRM) {
    const humanoid = vrm.humanoid;
    const rig = (humanoid as unknown as { _normalizedHumanBones?: Partial<RigTransforms> })._normalizedHumanBones;
    if (!rig?._parentWorldRotations || !rig._boneRotations) {
      throw new Error("this @pixiv/three-vrm keeps no rig transforms where HumanoidCopy expects them (VRMHumanoidRig._parentWorldRotations)");
    }
    for (const name of VRMHumanBoneList) {
      const raw = humanoid.getRawBoneNode(name);
      const normalized = humanoid.getNormalizedBoneNode(name);
      const parentWorld = rig._parentWorldRotations[name];
      const rest = rig._boneRotations[name];
      if (!raw || !normalized || !parentWorld || !rest) continue;
      // NaN never equals itself: the first update copies every bone.
      this.bones.push({
        raw,
        normalized,
        parentWorldInverse: parentWorld.clone().invert(),
        parentWorldRest: parentWorld.clone().multiply(rest),
        lastNormalized: new Quaternion(Number.NaN, 0, 0, 0),
        lastRaw: new Quaternion(),
      });
    }
    humanoid.normalizedHumanBonesRoot.updateMatrixWorld = leaveToCallers;
    const hipsRaw = humanoid.getRawBoneNode("hips");
    const hipsNormalized = humanoid.getNormalizedBoneNode("hips");
    if (hipsRaw?.parent && hipsNormalized?.parent) {
      this.hipsRaw = hipsRaw;
      this.hipsNormalized = hipsNormalized;
      hipsRaw.parent.updateWorldMatrix(true, false);
      hipsNormalized.parent.updateWorldMatrix(true, false);
      this.hipsSpace.copy(hipsRaw.parent.matrixWorld).invert().multiply(hipsNormalized.parent.matrixWorld);
    }
  }

  update(): void {
    const bones = this.bones;
    for (let i = 0; i < bones.length; i++) {
      const bone = bones[i]!;
      const q = bone.normalized.quaternion;
      const raw = bone.raw.quaternion;
      if (q.equals(bone.lastNormalized) && raw.equals(bone.lastRaw)) continue;
      bone.lastNormalized.copy(q);
      rotation.copy(bone.parentWorldInverse).multiply(q).multiply(bone.parentWorldRest);
      raw.copy(rotation);
      bone.lastRaw.copy(rotation);
    }
    const hips = this.hipsNormalized;
    if (!hips || !this.hipsRaw) return;
    const p = hips.position;
    const raw = this.hipsRaw.position;
    if (p.equals(this.lastHips) && raw.equals(this.lastRawHips)) return;
    this.lastHips.copy(p);
    raw.copy(position.copy(p).applyMatrix4(this.hipsSpace));
    this.lastRawHips.copy(raw);
  }
}

/**
 * `vrm.humanoid.update()` for layers that pose a driven body's normalised bones further after
 * its driver's update (a tracked head and hands): the same raw pose, copying only the bones
 * that changed since the driver's copy.
 */
export function copyHumanoidPose(vrm: VRM): void {
  HumanoidCopy.of(vrm).update();
}
