import { describe, expect, it } from "vitest";
import {
  BODY_RADIUS,
  isWalkable,
  obstacleDistance,
  portalAt,
  propFootprint,
  slideMove,
  walkableOf,
  WorldDefinition,
  type WorldDefinitionInput,
} from "../../../shared/world";
import { fixtureWorld } from "../../support/worlds";

const base: WorldDefinitionInput = fixtureWorld("test", "other", {
  obstacles: [],
  spawns: [{ position: [0, 0, 5] }],
  props: [
    // A wall 4 m wide along x at z = 0, turned 90° so it runs along z instead.
    { shape: "box", position: [3, 1, 0], rotation: [0, 90, 0], size: [4, 2, 0.5], material: { color: "#ffffff" }, solid: true },
    { shape: "cylinder", position: [-4, 1, 0], size: [1, 1, 2], material: { color: "#ffffff" }, solid: true },
    { shape: "sphere", position: [0, 3, -5], size: [1], material: { color: "#ffffff" } },
  ],
  portals: [
    { id: "p", to: "other", arriveAt: "back", label: "Other", position: [0, 0, -8], radius: 1, exit: { position: [0, 0, -5] } },
  ],
});
const world = WorldDefinition.parse(base);
const walkable = walkableOf(world);

describe("world obstacles", () => {
  it("only solid props become obstacles", () => {
    expect(walkable.obstacles).toHaveLength(2);
  });

  it("a turned box blocks along its turned axis", () => {
    const wall = propFootprint(world.props[0]!);
    // Turned 90° about Y, the 4 m side now runs along z.
    expect(obstacleDistance(wall, 3, 1.9)).toBeLessThan(0);
    expect(obstacleDistance(wall, 4.9, 0)).toBeGreaterThan(0);
    expect(obstacleDistance(wall, 3, 0)).toBeCloseTo(-0.25);
  });

  it("a cylinder blocks a circle of its larger radius", () => {
    expect(obstacleDistance(propFootprint(world.props[1]!), -4, 2)).toBeCloseTo(1);
    expect(isWalkable(walkable, -4, 1.2)).toBe(false);
    expect(isWalkable(walkable, -4, 1 + BODY_RADIUS + 0.01)).toBe(true);
  });

  it("bounds keep a body's radius inside", () => {
    expect(isWalkable(walkable, 9.9, 5)).toBe(false);
    expect(isWalkable(walkable, 9.6, 5)).toBe(true);
  });
});

describe("slideMove", () => {
  const out = { x: 0, z: 0 };

  it("takes a free step whole", () => {
    expect(slideMove(walkable, 0, 5, 0.5, 4.5, out)).toEqual({ x: 0.5, z: 4.5 });
  });

  it("slides along a wall instead of entering it", () => {
    // Walking diagonally into the wall's west face: x is blocked, z still moves.
    const from = { x: 2.4, z: 0 };
    slideMove(walkable, from.x, from.z, 2.6, 0.3, out);
    expect(out).toEqual({ x: 2.4, z: 0.3 });
  });

  it("stays put when both axes are blocked", () => {
    slideMove(walkable, 9.6, 9.6, 9.9, 9.9, out);
    expect(out).toEqual({ x: 9.6, z: 9.6 });
  });
});

describe("portalAt", () => {
  it("finds the portal whose trigger holds the point", () => {
    expect(portalAt(world, 0.5, -8.5)?.id).toBe("p");
    expect(portalAt(world, 0, -6)).toBeUndefined();
  });
});

describe("world validation", () => {
  it("fills defaults", () => {
    expect(world.props[2]!.solid).toBe(false);
    expect(world.portals[0]!.color).toBe("#7fd4ff");
  });

  it("requires each primitive's full size, naming what the numbers mean", () => {
    const result = WorldDefinition.safeParse({
      ...base,
      props: [{ shape: "box", position: [0, 0, 0], size: [1], material: { color: "#ffffff" } }],
    });
    expect(result.success).toBe(false);
    const issue = result.error!.issues[0]!;
    expect(issue.path).toEqual(["props", 0, "size"]);
    expect(issue.message).toContain("[width, height, depth]");
  });

  it("refuses URLs as glTF sources and paths leaving the assets folder", () => {
    for (const src of ["https://example.com/a.glb", "../secret.glb"]) {
      const result = WorldDefinition.safeParse({ ...base, props: [{ shape: "gltf", src, position: [0, 0, 0] }] });
      expect(result.success, src).toBe(false);
    }
  });

  it("refuses inverted bounds and more than 8 lights", () => {
    expect(WorldDefinition.safeParse({ ...base, bounds: { minX: 5, maxX: -5, minZ: -1, maxZ: 1 } }).success).toBe(false);
    const light = { position: [0, 2, 0], color: "#ffffff", intensity: 1 };
    expect(WorldDefinition.safeParse({ ...base, lights: Array.from({ length: 9 }, () => light) }).success).toBe(false);
  });
});
