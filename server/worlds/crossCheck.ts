import { BODY_RADIUS, isWalkable, portalAt, walkableOf, type WorldDefinition } from "../../shared/world";

/** One problem found in a world file: where (a JSON path) and what. */
export interface WorldProblem {
  path: string;
  message: string;
}

/**
 * Checks the schema cannot express: every portal leads somewhere that exists, and nobody is
 * ever placed inside a wall, outside the world, or straight into another portal.
 */
export function crossCheckWorld(
  world: WorldDefinition,
  worlds: ReadonlyMap<string, WorldDefinition>,
  /** Ids of world files that exist but were refused: their own problems are reported instead. */
  refused: ReadonlySet<string> = new Set(),
): WorldProblem[] {
  const problems: WorldProblem[] = [];
  const walkable = walkableOf(world);

  const checkPlacement = (path: string, [x, y, z]: readonly number[], what: string) => {
    if (!isWalkable(walkable, x!, z!, BODY_RADIUS)) {
      problems.push({ path, message: `${what} (${x}, ${z}) is not walkable: outside the bounds or inside an obstacle` });
    } else if (!inHeightRange(world, y!)) {
      problems.push({ path, message: `${what} height ${y} is outside bounds.minY…maxY` });
    }
    const portal = portalAt(world, x!, z!);
    if (portal) problems.push({ path, message: `${what} is inside the trigger of portal "${portal.id}": arriving there would travel at once` });
  };

  world.spawns.forEach((spawn, i) => checkPlacement(`spawns[${i}].position`, spawn.position, "spawn point"));

  const portalIds = new Set<string>();
  world.portals.forEach((portal, i) => {
    if (portalIds.has(portal.id)) problems.push({ path: `portals[${i}].id`, message: `portal id "${portal.id}" is used twice` });
    portalIds.add(portal.id);
    checkPlacement(`portals[${i}].exit.position`, portal.exit.position, "portal exit");
    const target = worlds.get(portal.to);
    if (refused.has(portal.to)) return;
    if (!target) {
      problems.push({ path: `portals[${i}].to`, message: `world "${portal.to}" does not exist (no ${portal.to}.json)` });
    } else if (!target.portals.some((p) => p.id === portal.arriveAt)) {
      problems.push({ path: `portals[${i}].arriveAt`, message: `world "${portal.to}" has no portal "${portal.arriveAt}" to arrive at` });
    }
  });

  const b = world.bounds;
  world.pointsOfInterest.forEach((poi, i) => {
    const [x, y, z] = poi.position;
    if (x < b.minX || x > b.maxX || z < b.minZ || z > b.maxZ || !inHeightRange(world, y)) {
      problems.push({ path: `pointsOfInterest[${i}].position`, message: `point of interest "${poi.id}" is outside the world's bounds` });
    }
  });
  return problems;
}

function inHeightRange(world: WorldDefinition, y: number): boolean {
  return y >= world.bounds.minY && y <= world.bounds.maxY;
}
