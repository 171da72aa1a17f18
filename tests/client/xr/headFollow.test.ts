import { describe, expect, it } from "vitest";
import { walkableOf, WorldDefinition } from "../../../shared/world";
import { followHead } from "../../../client/xr/headFollow";
import { fixtureWorld } from "../../support/worlds";

// The fixture: 20 × 20 m, a 4 × 1 m wall centred at (0, −5) (its near face at z = −4.5).
const walkable = walkableOf(WorldDefinition.parse(fixtureWorld("test", "elsewhere")));

describe("followHead", () => {
  it("puts the body under the headset on open ground, however far it moved", () => {
    const body = { x: 0, z: 0 };
    expect(followHead(walkable, body, 5, 2)).toBeCloseTo(Math.hypot(5, 2));
    expect(body).toEqual({ x: 5, z: 2 });
  });

  it("stops the body at a wall the head walked into", () => {
    const body = { x: 0, z: -3 };
    followHead(walkable, body, 0, -5);
    expect(body.x).toBeCloseTo(0);
    expect(body.z).toBeGreaterThan(-4.5);
    expect(body.z).toBeLessThan(-3.9);
  });

  it("never passes through the wall, even when the head ends up beyond it", () => {
    const body = { x: 0, z: -3 };
    followHead(walkable, body, 0, -7);
    expect(body.z).toBeGreaterThan(-4.5);
  });

  it("slides along the wall when the head moves diagonally into it", () => {
    const body = { x: 0, z: -3.9 };
    followHead(walkable, body, 1, -5);
    expect(body.x).toBeCloseTo(1);
    expect(body.z).toBeGreaterThan(-4.5);
  });

  it("stays inside the world's bounds", () => {
    const body = { x: 0, z: 0 };
    followHead(walkable, body, 15, 0);
    expect(body.x).toBeLessThanOrEqual(10);
    expect(body.x).toBeGreaterThan(9);
  });
});
