import { describe, expect, it } from "vitest";
import { isWalkable } from "../../../shared/world";
import { clearLine, findPath, navGridFor, stringPull, type Waypoint } from "../../../server/steering";
import { ringedWorld, steeringWorld } from "./steeringWorld";

const world = steeringWorld();
const grid = navGridFor(world);

/** Every point along the route, every 5 cm, is a place a body can stand. */
function expectWalkable(from: Waypoint, route: readonly Waypoint[]): void {
  let a = from;
  for (const b of route) {
    const steps = Math.ceil(Math.hypot(b.x - a.x, b.z - a.z) / 0.05);
    for (let i = 0; i <= steps; i++) {
      const x = a.x + ((b.x - a.x) * i) / steps;
      const z = a.z + ((b.z - a.z) * i) / steps;
      expect(isWalkable(world, x, z), `${x.toFixed(2)},${z.toFixed(2)}`).toBe(true);
    }
    a = b;
  }
}

const length = (from: Waypoint, route: readonly Waypoint[]) =>
  route.reduce((sum, p, i) => sum + Math.hypot(p.x - (route[i - 1] ?? from).x, p.z - (route[i - 1] ?? from).z), 0);

describe("findPath", () => {
  it("goes straight to a goal in plain view", () => {
    expect(findPath(grid, -10, -15, -10, -12)).toEqual([{ x: -10, z: -12 }]);
  });

  it("goes round the end of a wall, along walkable ground, with only the corners kept", () => {
    // The fixture's wall spans x −2…2 across z = −5.
    const from = { x: 0, z: -7 };
    const route = findPath(grid, from.x, from.z, 0, -3)!;
    expect(route).toBeDefined();
    expect(route.at(-1)).toEqual({ x: 0, z: -3 });
    expect(route.length).toBeGreaterThanOrEqual(2);
    expect(route.length).toBeLessThanOrEqual(4);
    expectWalkable(from, route);
    // Round the wall's end: at least 2 + 0.3 out to the side, so well over the 4 m straight line.
    expect(length(from, route)).toBeGreaterThan(2 * Math.hypot(2.3, 2));
    expect(length(from, route)).toBeLessThan(2 * Math.hypot(2.6, 2) + 0.5);
  });

  it("finds the doorway in a long wall", () => {
    const from = { x: 2, z: -15 };
    const route = findPath(grid, from.x, from.z, 10, -15)!;
    expectWalkable(from, route);
    // The wall along x = 6 is open only between z = 2 and z = 5.
    expect(route.some((p) => p.z > 1.5 && p.z < 5.5 && Math.abs(p.x - 6) < 1.5)).toBe(true);
  });

  it("finds no route into a closed ring", () => {
    const ringed = ringedWorld();
    expect(findPath(navGridFor(ringed), -5, -5, 5, 5)).toBeUndefined();
    expect(findPath(navGridFor(ringed), 5, 5, -5, -5)).toBeUndefined();
  });
});

describe("stringPull", () => {
  it("keeps only the corners that cannot be seen past", () => {
    const straight = Array.from({ length: 10 }, (_, i) => ({ x: -15 + i * 0.25, z: -15 }));
    expect(stringPull(grid, { x: -15, z: -15 }, straight)).toEqual([straight.at(-1)]);
    const bent = [{ x: 0, z: -7 }, { x: 2.6, z: -6 }, { x: 2.6, z: -4 }, { x: 0, z: -3 }];
    const pulled = stringPull(grid, { x: 0, z: -7 }, bent);
    expect(pulled.at(-1)).toEqual({ x: 0, z: -3 });
    for (let i = 1; i < pulled.length; i++) expect(clearLine(grid, pulled[i - 1]!.x, pulled[i - 1]!.z, pulled[i]!.x, pulled[i]!.z)).toBe(true);
  });
});
