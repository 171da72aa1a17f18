import { MeshStandardMaterial } from "three";
import type { PrimitiveProp } from "../../shared/world";

type MaterialSpec = PrimitiveProp["material"];

export function isTransparent(spec: MaterialSpec): boolean {
  return spec.opacity < 1;
}

/** The standard material a world file's material spec describes. */
export function createPropMaterial(spec: MaterialSpec): MeshStandardMaterial {
  const transparent = isTransparent(spec);
  return new MeshStandardMaterial({
    color: spec.color,
    roughness: spec.roughness,
    metalness: spec.metalness,
    emissive: spec.emissive ?? "#000000",
    emissiveIntensity: spec.emissive ? spec.emissiveIntensity : 0,
    opacity: spec.opacity,
    transparent,
    depthWrite: !transparent,
  });
}

/** A transparent prop's shadow would be a solid block: glass and water cast none. */
export function castsShadow(prop: PrimitiveProp): boolean {
  return prop.castShadow && prop.material.opacity >= 0.6;
}
