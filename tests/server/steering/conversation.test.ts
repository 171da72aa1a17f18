import { describe, expect, it } from "vitest";
import { walkableOf, WorldDefinition } from "../../../shared/world";
import { angleBetween } from "../../../server/steering";
import { fixtureWorld } from "../../support/worlds";
import { steeringRoom } from "./scriptedOwner";

const open = walkableOf(WorldDefinition.parse(fixtureWorld("open", "beta", { obstacles: [] })));

const facing = (c: { x: number; z: number; yaw: number }, target: { x: number; z: number }) =>
  Math.abs(angleBetween(c.yaw, Math.atan2(target.x - c.x, target.z - c.z)));

describe("in conversation", () => {
  it("stands still and turns to whoever speaks to it, then to its owner", () => {
    const room = steeringRoom(open);
    const { companion } = room.join("ann", 0, 0, 0);
    const { owner: bob } = room.join("bob", 3, 1, Math.PI);
    for (let t = 0; t < 40; t++) room.tick();
    const at = { x: companion.x, z: companion.z };
    expect(facing(companion, bob)).toBeGreaterThan(0.3);

    companion.attention = "bob";
    companion.speaking = true;
    for (let t = 0; t < 20; t++) room.tick();
    expect(facing(companion, bob)).toBeLessThan(0.01);
    expect({ x: companion.x, z: companion.z, speed: companion.speed }).toEqual({ ...at, speed: 0 });

    companion.attention = "";
    for (let t = 0; t < 20; t++) room.tick();
    const ann = room.state.players.get("ann")!;
    expect(facing(companion, ann)).toBeLessThan(0.01);
    expect({ x: companion.x, z: companion.z }).toEqual(at);
  });

  it("stops where it is, not at its usual place, when a conversation starts", () => {
    const room = steeringRoom(open);
    const { owner, companion } = room.join("ann", 0, 0, 0);
    companion.x = -2;
    companion.z = -0.5;
    companion.speaking = true;
    for (let t = 0; t < 30; t++) room.tick();
    expect(companion.speed).toBe(0);
    expect(Math.hypot(companion.x - owner.x, companion.z - owner.z)).toBeGreaterThan(1.6);
    expect(facing(companion, owner)).toBeLessThan(0.01);
  });

  it("still follows an owner who walks off mid-sentence", () => {
    const room = steeringRoom(open);
    const { owner, companion } = room.join("ann", 0, -6, 0);
    companion.speaking = true;
    for (let t = 0; t < 100; t++) {
      room.place("ann", 0, -6 + t * 0.11, 0);
      room.tick();
    }
    expect(Math.hypot(companion.x - owner.x, companion.z - owner.z)).toBeLessThanOrEqual(1.5);
  });
});
