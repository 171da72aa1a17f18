import { describe, expect, it } from "vitest";
import { isWalkable } from "../../../shared/world";
import { steeringRoom } from "./scriptedOwner";
import { ringedWorld, steeringWorld } from "./steeringWorld";

const world = steeringWorld();
const ringed = ringedWorld();

const distance = (a: { x: number; z: number }, b: { x: number; z: number }) => Math.hypot(a.x - b.x, a.z - b.z);

describe("catching up", () => {
  it("fades out and in beside an owner who jumped 20 m, once, and stays there", () => {
    const room = steeringRoom(world);
    const { owner, companion } = room.join("ann", -15, -15, 0);
    for (let t = 0; t < 20; t++) room.tick();
    expect(companion.warp).toBe(0);
    room.place("ann", 5, -15, 0);
    room.tick();
    room.tick();
    expect(owner.x).toBe(5);
    expect(companion.warp).toBe(1);
    expect(distance(companion, owner)).toBeGreaterThanOrEqual(1);
    expect(distance(companion, owner)).toBeLessThanOrEqual(1.5);
    for (let t = 0; t < 100; t++) {
      room.tick();
      expect(isWalkable(world, companion.x, companion.z)).toBe(true);
    }
    expect(companion.warp).toBe(1);
    expect(distance(companion, owner)).toBeLessThanOrEqual(1.5);
  });

  it("walks, not warps, to an owner 12 m away in plain view", () => {
    const room = steeringRoom(world);
    const { owner, companion } = room.join("ann", -15, -15, 0);
    room.place("ann", -15, -3, 0);
    for (let t = 0; t < 160; t++) room.tick();
    expect(companion.warp).toBe(0);
    expect(distance(companion, owner)).toBeLessThanOrEqual(1.5);
  });

  it("fades in beside an owner it has no way to walk to", () => {
    const room = steeringRoom(ringed);
    const { owner, companion } = room.join("ann", -3, -3, 0);
    for (let t = 0; t < 10; t++) room.tick();
    // Into the walled square: 11 m away, under the catch-up distance, but no way in.
    room.place("ann", 5, 5, 0);
    for (let t = 0; t < 10; t++) room.tick();
    expect(companion.warp).toBe(1);
    expect(Math.abs(companion.x - 5)).toBeLessThan(2.2);
    expect(Math.abs(companion.z - 5)).toBeLessThan(2.2);
    expect(isWalkable(ringed, companion.x, companion.z)).toBe(true);
    for (let t = 0; t < 100; t++) room.tick();
    expect(companion.warp).toBe(1);
    expect(distance(companion, owner)).toBeLessThanOrEqual(1.6);
  });

  it("fades in beside an owner on another floor", () => {
    const room = steeringRoom(world);
    const { owner, companion } = room.join("ann", -15, -15, 0);
    room.tick();
    owner.y = 3;
    room.tick();
    expect(companion.warp).toBe(1);
    expect(companion.y).toBe(3);
    expect(distance(companion, owner)).toBeLessThanOrEqual(1.5);
  });
});
