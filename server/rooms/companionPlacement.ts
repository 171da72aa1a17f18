import { isWalkable, type Walkable } from "../../shared/world";
import { appearBesideFree, navGridFor } from "../steering";
import type { Placement } from "./spawn";

/**
 * Where a companion appears when its owner arrives (joining, or through a portal): in its slot at
 * the owner's right and a little behind, else the left, else behind, else the nearest open place
 * (see steering's appearBeside); when someone in `others` stands there, the nearest free place
 * round the owner (appearBesideFree). On the owner's spot as a last resort. Facing the same way.
 */
export function besideOwner(walkable: Walkable, owner: Placement, others: readonly { x: number; z: number }[] = []): Placement {
  const at = appearBesideFree(navGridFor(walkable), owner.x, owner.z, Math.sin(owner.yaw), Math.cos(owner.yaw), others, { x: 0, z: 0, side: 1 });
  if (!isWalkable(walkable, at.x, at.z)) return { ...owner };
  return { x: at.x, y: owner.y, z: at.z, yaw: owner.yaw };
}
