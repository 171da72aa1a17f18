import type { Obstacle, Portal, Prop, WorldDefinition } from "./schema";

/** Radius of a person (or companion) on the ground plane, in metres. */
export const BODY_RADIUS = 0.3;

const DEG = Math.PI / 180;

/** The ground footprint of a solid prop, as an obstacle. */
export function propFootprint(prop: Prop): Obstacle {
  const [sx, , sz] = prop.scale;
  const center: [number, number] = [prop.position[0], prop.position[2]];
  const radial = Math.max(Math.abs(sx), Math.abs(sz));
  if (prop.shape === "gltf") return { type: "circle", center, radius: prop.footprintRadius * radial };
  const s = prop.size;
  switch (prop.shape) {
    case "box":
      return { type: "box", center, size: [(s[0] ?? 1) * Math.abs(sx), (s[2] ?? 1) * Math.abs(sz)], rotation: prop.rotation[1] };
    case "plane":
      return { type: "box", center, size: [(s[0] ?? 1) * Math.abs(sx), (s[1] ?? 1) * Math.abs(sz)], rotation: prop.rotation[1] };
    case "cylinder":
      return { type: "circle", center, radius: Math.max(s[0] ?? 1, s[1] ?? s[0] ?? 1) * radial };
    case "cone":
      return { type: "circle", center, radius: (s[1] ?? s[0] ?? 1) * radial };
    case "torus":
      return { type: "circle", center, radius: ((s[0] ?? 1) + (s[1] ?? 0.2)) * radial };
    case "sphere":
    case "capsule":
      return { type: "circle", center, radius: (s[0] ?? 1) * radial };
  }
}

/** Every obstacle of a world: the explicit ones and the footprints of solid props. */
export function worldObstacles(world: WorldDefinition): Obstacle[] {
  return [...world.obstacles, ...world.props.filter((p) => p.solid).map(propFootprint)];
}

/** Signed distance from a point to an obstacle's edge (negative inside). */
export function obstacleDistance(o: Obstacle, x: number, z: number): number {
  const dx = x - o.center[0];
  const dz = z - o.center[1];
  if (o.type === "circle") return Math.hypot(dx, dz) - o.radius;
  // Into the box's frame: three.js yaw rotates +X towards -Z.
  const a = o.rotation * DEG;
  const c = Math.cos(a);
  const s = Math.sin(a);
  const lx = c * dx - s * dz;
  const lz = s * dx + c * dz;
  const qx = Math.abs(lx) - o.size[0] / 2;
  const qz = Math.abs(lz) - o.size[1] / 2;
  const outside = Math.hypot(Math.max(qx, 0), Math.max(qz, 0));
  return outside + Math.min(Math.max(qx, qz), 0);
}

export interface Walkable {
  readonly world: WorldDefinition;
  readonly obstacles: readonly Obstacle[];
}

export function walkableOf(world: WorldDefinition): Walkable {
  return { world, obstacles: worldObstacles(world) };
}

export function insideBounds(w: Walkable, x: number, z: number, radius = BODY_RADIUS): boolean {
  const b = w.world.bounds;
  return x >= b.minX + radius && x <= b.maxX - radius && z >= b.minZ + radius && z <= b.maxZ - radius;
}

/** The obstacle a body of `radius` standing at (x, z) overlaps, if any. */
export function blockingObstacle(w: Walkable, x: number, z: number, radius = BODY_RADIUS): Obstacle | undefined {
  for (const o of w.obstacles) if (obstacleDistance(o, x, z) < radius) return o;
  return undefined;
}

export function isWalkable(w: Walkable, x: number, z: number, radius = BODY_RADIUS): boolean {
  return insideBounds(w, x, z, radius) && !blockingObstacle(w, x, z, radius);
}

/**
 * Where a body moving from (fromX, fromZ) towards (toX, toZ) ends up: the full step when it
 * is walkable, otherwise the step along one axis (sliding along walls), otherwise no step.
 * The client uses this for its own movement so the server never has to reject it.
 */
export function slideMove(
  w: Walkable,
  fromX: number,
  fromZ: number,
  toX: number,
  toZ: number,
  out: { x: number; z: number },
  radius = BODY_RADIUS,
): { x: number; z: number } {
  if (isWalkable(w, toX, toZ, radius)) {
    out.x = toX;
    out.z = toZ;
  } else if (isWalkable(w, toX, fromZ, radius)) {
    out.x = toX;
    out.z = fromZ;
  } else if (isWalkable(w, fromX, toZ, radius)) {
    out.x = fromX;
    out.z = toZ;
  } else {
    out.x = fromX;
    out.z = fromZ;
  }
  return out;
}

/** Spacing of the points checked along a path, so a long step cannot pass through a wall. */
export const PATH_SAMPLE_METRES = 0.25;
/** Along a path a body may graze corners (movement slides along them between checks). */
export const PATH_RADIUS = BODY_RADIUS / 2;

/**
 * Whether the straight way from (fromX, fromZ) to (toX, toZ) passes through an obstacle, checked
 * every PATH_SAMPLE_METRES. The room refuses such moves; the client's teleport refuses them first.
 */
export function pathBlocked(w: Walkable, fromX: number, fromZ: number, toX: number, toZ: number): boolean {
  const distance = Math.hypot(toX - fromX, toZ - fromZ);
  const steps = Math.floor(distance / PATH_SAMPLE_METRES);
  for (let i = 1; i <= steps; i++) {
    const t = (i * PATH_SAMPLE_METRES) / distance;
    const x = fromX + (toX - fromX) * t;
    const z = fromZ + (toZ - fromZ) * t;
    for (const o of w.obstacles) if (obstacleDistance(o, x, z) < PATH_RADIUS) return true;
  }
  return false;
}

/** The portal whose trigger circle contains (x, z), if any. */
export function portalAt(world: WorldDefinition, x: number, z: number): Portal | undefined {
  return world.portals.find((p) => Math.hypot(x - p.position[0], z - p.position[2]) <= p.radius);
}
