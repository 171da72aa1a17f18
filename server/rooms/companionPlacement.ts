import { isWalkable, type Walkable } from "../../shared/world";
import type { Placement } from "./spawn";

/** How far beside its owner a companion stands. */
export const COMPANION_OFFSET_METRES = 1;

/**
 * Where a companion appears when its owner arrives: at the owner's right, else left, else behind,
 * whichever is walkable first; on the owner's spot as a last resort. Facing the same way.
 * Following and steering come later; this only keeps it out of walls.
 */
export function besideOwner(walkable: Walkable, owner: Placement): Placement {
  // Forward at yaw θ is (sin θ, cos θ) on the ground, so the right hand is (−cos θ, sin θ).
  const right = { x: -Math.cos(owner.yaw), z: Math.sin(owner.yaw) };
  const candidates = [
    { x: right.x, z: right.z },
    { x: -right.x, z: -right.z },
    { x: -Math.sin(owner.yaw), z: -Math.cos(owner.yaw) },
  ];
  for (const side of candidates) {
    const x = owner.x + side.x * COMPANION_OFFSET_METRES;
    const z = owner.z + side.z * COMPANION_OFFSET_METRES;
    if (isWalkable(walkable, x, z)) return { x, y: owner.y, z, yaw: owner.yaw };
  }
  return { ...owner };
}
