import { useEffect, type RefObject } from "react";
import { useThree } from "@react-three/fiber";
import type { Object3D } from "three";

/** The parts of the scene a headset's pointers may hit (the panel). */
const targets: Object3D[] = [];

/** Lets headset pointers hit `target` and everything under it; returns the undo. */
export function addPointerTarget(target: Object3D): () => void {
  targets.push(target);
  return () => {
    const index = targets.indexOf(target);
    if (index >= 0) targets.splice(index, 1);
  };
}

/**
 * Makes every pointer's per-frame hit test on `scene` start at the pointer targets instead of
 * walking the whole scene from its root (@pmndrs/pointer-events descends into an object's
 * `interactableDescendants` in place of its children); returns the undo. Nothing else in
 * Kindred listens to pointers: the world, people, companions and the controllers' own models
 * were walked every frame for nothing.
 */
export function restrictPointersToTargets(scene: Object3D): () => void {
  scene.interactableDescendants = targets;
  return () => {
    if (scene.interactableDescendants === targets) delete scene.interactableDescendants;
  };
}

/** `ref`'s object can be hit by headset pointers (controller rays, fingertips) while mounted. */
export function usePointerTarget(ref: RefObject<Object3D | null>): void {
  useEffect(() => (ref.current ? addPointerTarget(ref.current) : undefined), [ref]);
}

/** While mounted (a headset session), headset pointers test only the pointer targets. */
export function usePointersOnTargetsOnly(): void {
  const scene = useThree((s) => s.scene);
  useEffect(() => restrictPointersToTargets(scene), [scene]);
}
