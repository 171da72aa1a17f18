import { describe, expect, it } from "vitest";
import { walkableOf, WorldDefinition } from "../../../shared/world";
import { ARC_MAX_POINTS, createArc, teleportRefusal, traceArc } from "../../../client/xr/teleportArc";
import { fixtureWorld } from "../../support/worlds";

// The fixture: 20 × 20 m, a 4 × 1 m wall centred at (0, −5).
const walkable = walkableOf(WorldDefinition.parse(fixtureWorld("test", "elsewhere")));

describe("traceArc", () => {
  it("lands ahead of a level throw, further for a higher one, and ends on the ground", () => {
    const level = traceArc(0, 1.3, 0, 0, 0, 1, 0, createArc());
    expect(level.landed).toBe(true);
    expect(level.x).toBeCloseTo(0);
    expect(level.z).toBeGreaterThan(2);
    const pitch = Math.PI / 8;
    const raised = traceArc(0, 1.3, 0, 0, Math.sin(pitch), Math.cos(pitch), 0, createArc());
    expect(raised.z).toBeGreaterThan(level.z);
    const last = (raised.count - 1) * 3;
    expect(raised.points[last + 1]).toBeCloseTo(0);
    expect(raised.points[last + 2]).toBeCloseTo(raised.z);
  });

  it("follows the throw's direction on the ground plane", () => {
    const arc = traceArc(2, 1.3, 3, -Math.SQRT1_2, 0, -Math.SQRT1_2, 0, createArc());
    expect(arc.x - 2).toBeCloseTo(arc.z - 3);
    expect(arc.x).toBeLessThan(2);
  });

  it("has no landing for a throw straight up out of reach of the ground within its points", () => {
    const arc = traceArc(0, 1.3, 0, 0, 1, 0, -1000, createArc());
    expect(arc.landed).toBe(false);
    expect(arc.count).toBe(ARC_MAX_POINTS);
  });
});

describe("teleportRefusal", () => {
  it("allows open, walkable ground in reach", () => {
    expect(teleportRefusal(walkable, 0, 0, 3, 2)).toBeNull();
  });

  it("refuses a spot inside an obstacle", () => {
    expect(teleportRefusal(walkable, 0, 0, 0, -5)).toBe("inside an obstacle");
  });

  it("refuses a spot outside the world's bounds", () => {
    expect(teleportRefusal(walkable, 0, 0, 0, 9.9)).toBe("outside the world");
  });

  it("allows a spot behind a wall: the arc flies over it", () => {
    expect(teleportRefusal(walkable, 0, -2, 0, -8)).toBeNull();
  });

  it("refuses a spot farther than the room accepts a teleport", () => {
    expect(teleportRefusal(walkable, -4, -9, 4, -2)).toBe("too far");
  });
});
