import type { Material } from "three";
import type { VRM } from "@pixiv/three-vrm";
import type { AvatarDetail } from "./lod";

interface UpdatableMaterial extends Material {
  update(delta: number): void;
  uvAnimationScrollXSpeedFactor?: number;
  uvAnimationScrollYSpeedFactor?: number;
  uvAnimationRotationSpeedFactor?: number;
}

function isUpdatable(material: Material): material is UpdatableMaterial {
  return typeof (material as Partial<UpdatableMaterial>).update === "function";
}

function scrollsUv(m: UpdatableMaterial): boolean {
  return !!(m.uvAnimationScrollXSpeedFactor || m.uvAnimationScrollYSpeedFactor || m.uvAnimationRotationSpeedFactor);
}

/**
 * What `vrm.update(delta)` does, with the parts a far avatar can skip left out: spring bones
 * (hair and cloth) and the eyes' lookAt. Order as in three-vrm: humanoid, lookAt, expressions,
 * constraints, springs, materials. MToon materials only need their per-frame update to scroll
 * UV animations or to upload a changed opacity; the rest of the time it would only re-upload
 * the same uniforms (and make garbage), so it runs just for those.
 */
export class VrmUpdater {
  private readonly all: UpdatableMaterial[];
  private readonly animated: UpdatableMaterial[];
  private materialsChanged = true;

  constructor(private readonly vrm: VRM) {
    this.all = (vrm.materials ?? []).filter(isUpdatable);
    this.animated = this.all.filter(scrollsUv);
  }

  /** Material parameters that MToon uploads itself (opacity) changed: upload on the next update. */
  refreshMaterials(): void {
    this.materialsChanged = true;
  }

  update(delta: number, detail: AvatarDetail): void {
    const vrm = this.vrm;
    vrm.humanoid.update();
    if (vrm.lookAt && detail.gaze) vrm.lookAt.update(delta);
    vrm.expressionManager?.update();
    vrm.nodeConstraintManager?.update();
    if (detail.springs) vrm.springBoneManager?.update(delta);
    const materials = this.materialsChanged ? this.all : this.animated;
    this.materialsChanged = false;
    for (let i = 0; i < materials.length; i++) materials[i]!.update(delta);
  }
}
