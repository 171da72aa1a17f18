import type { WorldDefinition } from "../../shared/world";

export interface Placement {
  x: number;
  y: number;
  z: number;
  /** Radians (world files write degrees). */
  yaw: number;
}

const DEG = Math.PI / 180;

/**
 * Where a joining player appears: at the exit of portal `via` when arriving through it, else at
 * spawn point `arrival % spawns` so people arriving together do not stand inside each other.
 */
export function placeArrival(world: WorldDefinition, arrival: number, via?: string): Placement {
  if (via !== undefined) {
    const portal = world.portals.find((p) => p.id === via);
    if (!portal) throw new Error(`world "${world.id}" has no portal "${via}"`);
    const [x, y, z] = portal.exit.position;
    return { x, y, z, yaw: portal.exit.yaw * DEG };
  }
  const spawn = world.spawns[arrival % world.spawns.length]!;
  const [x, y, z] = spawn.position;
  return { x, y, z, yaw: spawn.yaw * DEG };
}
