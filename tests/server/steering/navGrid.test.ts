import { describe, expect, it } from "vitest";
import { BODY_RADIUS, obstacleDistance, walkableOf, WorldDefinition } from "../../../shared/world";
import { NAV_CELL_METRES, NavGrid, navGridFor } from "../../../server/steering";
import { fixtureWorld } from "../../support/worlds";
import { steeringWorld } from "./steeringWorld";

const world = steeringWorld();

describe("NavGrid", () => {
  it("covers the world's bounds in cells of NAV_CELL_METRES", () => {
    const grid = new NavGrid(world);
    expect(grid.cell).toBe(NAV_CELL_METRES);
    expect([grid.cols, grid.rows]).toEqual([40 / NAV_CELL_METRES, 40 / NAV_CELL_METRES]);
  });

  it("opens exactly the cells where a body clears every obstacle and the bounds", () => {
    const grid = new NavGrid(world);
    let open = 0;
    for (let row = 0; row < grid.rows; row++) {
      for (let col = 0; col < grid.cols; col++) {
        const x = grid.centreX(col);
        const z = grid.centreZ(row);
        const clearance = Math.min(...world.obstacles.map((o) => obstacleDistance(o, x, z)));
        const inside = Math.abs(x) <= 20 - BODY_RADIUS && Math.abs(z) <= 20 - BODY_RADIUS;
        // Obstacles are inflated by the body radius (and a small margin); nothing else is closed.
        if (clearance < BODY_RADIUS || !inside) expect(grid.openAt(x, z), `${x},${z}`).toBe(false);
        if (clearance > BODY_RADIUS + 0.1 && inside) expect(grid.openAt(x, z), `${x},${z}`).toBe(true);
        open += grid.open[row * grid.cols + col]!;
      }
    }
    expect(open).toBeGreaterThan(0.8 * grid.cols * grid.rows);
  });

  it("finds the open cell nearest to a point inside an obstacle", () => {
    const grid = new NavGrid(world);
    // The pillar at (-4, -10) has radius 1: the nearest open cells lie just outside 1 + body radius.
    const cell = grid.nearestOpen(-4, -10 + 0.9, 12);
    expect(cell).toBeGreaterThanOrEqual(0);
    const col = cell % grid.cols;
    const z = grid.centreZ((cell - col) / grid.cols);
    const x = grid.centreX(col);
    expect(Math.hypot(x + 4, z + 10)).toBeGreaterThan(1 + BODY_RADIUS);
    expect(Math.hypot(x + 4, z + 10)).toBeLessThan(1 + BODY_RADIUS + 2 * NAV_CELL_METRES);
    expect(grid.nearestOpen(-4, -10, 1)).toBe(-1);
  });

  it("is built once per world and shared by every room of it", () => {
    const other = walkableOf(WorldDefinition.parse(fixtureWorld("alpha", "beta")));
    expect(navGridFor(world)).toBe(navGridFor({ world: world.world, obstacles: world.obstacles }));
    expect(navGridFor(other)).not.toBe(navGridFor(world));
  });
});
