import type { Object3D } from "three";
import type { VRM } from "@pixiv/three-vrm";

interface Detached {
  object: Object3D;
  callback: () => void;
}

function ignoreChange(): void {}

/**
 * three keeps each object's Euler `rotation` in step with its `quaternion`: every quaternion
 * write (copy, multiply, slerp, setFromEuler…) re-derives the Euler through a rotation matrix,
 * an asin and two atan2. An avatar's posed bones (both humanoid skeletons and the spring
 * joints) are written several times a frame, and nothing reads their Euler: the renderer, the
 * springs and the rig all use the quaternion. While attached, those bones stop deriving it;
 * {@link restore} puts the link back and brings each Euler up to date. Read and write a posed
 * bone's `quaternion`, never its `rotation`, while a driver holds it.
 */
export class QuaternionOnlyBones {
  private detached: Detached[] = [];

  attach(vrm: VRM): void {
    this.restore();
    const seen = new Set<Object3D>();
    const add = (object: Object3D | null | undefined) => {
      if (!object || seen.has(object)) return;
      seen.add(object);
      this.detached.push({ object, callback: object.quaternion._onChangeCallback });
      object.quaternion._onChange(ignoreChange);
    };
    for (const bone of Object.values(vrm.humanoid.rawHumanBones)) add(bone?.node);
    for (const bone of Object.values(vrm.humanoid.normalizedHumanBones)) add(bone?.node);
    for (const joint of vrm.springBoneManager?.joints ?? []) add(joint.bone);
  }

  restore(): void {
    for (const { object, callback } of this.detached) {
      object.quaternion._onChange(callback);
      object.rotation.setFromQuaternion(object.quaternion, undefined, false);
    }
    this.detached = [];
  }
}
