import { describe, expect, it } from "vitest";
import { WorldDefinition } from "../../../shared/world";
import { placeArrival, PortalTracker } from "../../../server/rooms";
import { fixtureWorld } from "../support/worldFixtures";

const world = WorldDefinition.parse(
  fixtureWorld("alpha", "beta", { spawns: [{ position: [0, 0, 0], yaw: 90 }, { position: [2, 0, 1] }] }),
);

describe("PortalTracker", () => {
  it("announces a portal once per entry", () => {
    const tracker = new PortalTracker(world, 0, 0);
    expect(tracker.enter(0, 6.5)).toBeUndefined();
    expect(tracker.enter(0, 7.5)?.id).toBe("to-beta");
    expect(tracker.enter(0, 7.8)).toBeUndefined();
    expect(tracker.enter(0, 6.5)).toBeUndefined();
    expect(tracker.enter(0.2, 7.5)?.id).toBe("to-beta");
  });

  it("does not fire for a player who starts inside a trigger until they step out and back", () => {
    const tracker = new PortalTracker(world, 0, 8);
    expect(tracker.enter(0, 8.2)).toBeUndefined();
    expect(tracker.enter(0, 6)).toBeUndefined();
    expect(tracker.enter(0, 8)?.id).toBe("to-beta");
  });
});

describe("placeArrival", () => {
  it("cycles through the spawn points, yaw in radians", () => {
    expect(placeArrival(world, 0)).toEqual({ x: 0, y: 0, z: 0, yaw: Math.PI / 2 });
    expect(placeArrival(world, 1)).toEqual({ x: 2, y: 0, z: 1, yaw: 0 });
    expect(placeArrival(world, 2)).toEqual({ x: 0, y: 0, z: 0, yaw: Math.PI / 2 });
  });

  it("places an arrival through a portal at that portal's exit", () => {
    expect(placeArrival(world, 0, "to-beta")).toEqual({ x: 0, y: 0, z: 6, yaw: Math.PI });
    expect(() => placeArrival(world, 0, "to-nowhere")).toThrow('world "alpha" has no portal "to-nowhere"');
  });
});
