import type { Object3D } from "three";

/**
 * The meshes of solid props. The camera raycasts against these so it never ends up inside a
 * wall; decorative props are left out so a flower does not push the camera into your head.
 */
export const solidObjects: Object3D[] = [];

export function registerSolid(object: Object3D): () => void {
  solidObjects.push(object);
  return () => {
    const index = solidObjects.indexOf(object);
    if (index >= 0) solidObjects.splice(index, 1);
  };
}
