import type { Material, Mesh, Object3D } from "three";
import type { AvatarDetail } from "./lod";

function isOutline(material: Material): boolean {
  return (material as { isOutline?: boolean }).isOutline === true;
}

/**
 * The draw-side of an avatar's level of detail: hides MToon's outline materials (the renderer
 * skips a hidden material's group, so each outlined part costs one draw call instead of two)
 * and stops casting shadows, as the detail asks. Writes only when the detail changes.
 */
export class AvatarDrawDetail {
  private outlines: Material[] = [];
  private casters: Mesh[] = [];
  private outline = true;
  private castShadow = true;

  attach(root: Object3D): void {
    this.detach();
    const seen = new Set<Material>();
    root.traverse((object) => {
      const mesh = object as Mesh;
      if (!mesh.isMesh) return;
      if (mesh.castShadow) this.casters.push(mesh);
      for (const material of Array.isArray(mesh.material) ? mesh.material : [mesh.material]) {
        if (isOutline(material) && !seen.has(material)) {
          seen.add(material);
          this.outlines.push(material);
        }
      }
    });
  }

  /** Draws everything again (the model may be shown elsewhere). */
  detach(): void {
    this.set(true, true);
    this.outlines = [];
    this.casters = [];
  }

  apply(detail: AvatarDetail): void {
    this.set(detail.outline, detail.castShadow);
  }

  private set(outline: boolean, castShadow: boolean): void {
    if (outline !== this.outline) {
      this.outline = outline;
      for (const material of this.outlines) material.visible = outline;
    }
    if (castShadow !== this.castShadow) {
      this.castShadow = castShadow;
      for (const mesh of this.casters) mesh.castShadow = castShadow;
    }
  }
}
