import { describe, expect, it } from "vitest";
import { besideOwner } from "../../../server/rooms";
import { walkableOf, WorldDefinition } from "../../../shared/world";
import { fixtureWorld } from "../support/worldFixtures";

const open = walkableOf(WorldDefinition.parse(fixtureWorld("alpha", "beta")));
/** 20 m long (x) and 2 m wide (z): no room at either side of someone facing along it. */
const corridor = walkableOf(WorldDefinition.parse(fixtureWorld("alpha", "beta", { bounds: { minX: -10, maxX: 10, minZ: -1, maxZ: 1 } })));

const rounded = (p: { x: number; y: number; z: number; yaw: number }) => ({ x: round(p.x), y: p.y, z: round(p.z), yaw: p.yaw });
const round = (n: number) => Math.round(n * 1000) / 1000 + 0;

describe("besideOwner", () => {
  it("stands a metre to the owner's right, facing the same way", () => {
    // Facing +z (yaw 0) the right hand is −x; facing +x (yaw π/2) it is +z.
    expect(rounded(besideOwner(open, { x: 0, y: 0, z: 0, yaw: 0 }))).toEqual({ x: -1, y: 0, z: 0, yaw: 0 });
    expect(rounded(besideOwner(open, { x: 2, y: 0, z: 3, yaw: Math.PI / 2 }))).toEqual({ x: 2, y: 0, z: 4, yaw: Math.PI / 2 });
  });

  it("takes the left when the right is out of bounds or inside an obstacle", () => {
    expect(rounded(besideOwner(open, { x: -9.5, y: 0, z: 0, yaw: 0 }))).toEqual({ x: -8.5, y: 0, z: 0, yaw: 0 });
    // The fixture's wall spans x −2…2 at z −5.5…−4.5: facing −x (yaw −π/2), the right hand is −z.
    expect(rounded(besideOwner(open, { x: 0, y: 0, z: -3.8, yaw: -Math.PI / 2 }))).toEqual({ x: 0, y: 0, z: -2.8, yaw: -Math.PI / 2 });
  });

  it("stands behind when neither side is walkable, and on the owner's spot when nothing is", () => {
    expect(rounded(besideOwner(corridor, { x: 0, y: 0, z: 0, yaw: Math.PI / 2 }))).toEqual({ x: -1, y: 0, z: 0, yaw: Math.PI / 2 });
    expect(besideOwner(corridor, { x: -9.5, y: 0, z: 0, yaw: Math.PI / 2 })).toEqual({ x: -9.5, y: 0, z: 0, yaw: Math.PI / 2 });
  });
});
