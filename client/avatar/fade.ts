import type { Material, Object3D } from "three";
import { clamp01 } from "./easing";

interface FadedMaterial {
  material: Material;
  opacity: number;
  transparent: boolean;
  depthWrite: boolean;
}

/**
 * Fades a whole avatar in and out (catch-up warps): scales every material's opacity, switching
 * materials to transparent only while faded (a shader change, so only on the way in and out).
 * Fully faded, the avatar is hidden and costs no draw calls.
 */
export class AvatarFade {
  private materials: FadedMaterial[] = [];
  private root: Object3D | null = null;
  private value = 1;

  get fade(): number {
    return this.value;
  }

  attach(root: Object3D): void {
    this.root = root;
    const seen = new Set<Material>();
    root.traverse((object) => {
      const material = (object as { material?: Material | Material[] }).material;
      for (const m of Array.isArray(material) ? material : material ? [material] : []) {
        if (seen.has(m)) continue;
        seen.add(m);
        this.materials.push({ material: m, opacity: m.opacity, transparent: m.transparent, depthWrite: m.depthWrite });
      }
    });
    const v = this.value;
    this.value = 1;
    this.set(v);
  }

  detach(): void {
    const v = this.value;
    this.set(1);
    this.materials = [];
    this.root = null;
    this.value = v;
  }

  set(value: number): void {
    if (!Number.isFinite(value)) throw new Error(`fade must be a number 0…1, got ${value}`);
    const v = clamp01(value);
    const wasOpaque = this.value >= 1;
    this.value = v;
    if (this.root) this.root.visible = v > 0;
    const opaque = v >= 1;
    for (const f of this.materials) {
      f.material.opacity = f.opacity * v;
      if (opaque !== wasOpaque) {
        f.material.transparent = opaque ? f.transparent : true;
        f.material.depthWrite = opaque ? f.depthWrite : false;
        f.material.needsUpdate = true;
      }
    }
  }
}
