import type { Object3D } from "three";

/**
 * The meshes of solid props. The camera raycasts against these so it never ends up inside a
 * wall; decorative props are left out so a flower does not push the camera into your head.
 * Solids stand still: what moves the camera's answer is the camera, or this list changing.
 */
export const solidObjects: Object3D[] = [];

let version = 0;

/** Changes whenever a solid is added or removed. */
export function solidsVersion(): number {
  return version;
}

export function registerSolid(object: Object3D): () => void {
  solidObjects.push(object);
  version++;
  return () => {
    const index = solidObjects.indexOf(object);
    if (index < 0) return;
    solidObjects.splice(index, 1);
    version++;
  };
}
