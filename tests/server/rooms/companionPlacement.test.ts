import { describe, expect, it } from "vitest";
import { besideOwner } from "../../../server/rooms";
import { SLOT_BACK_METRES, SLOT_BEHIND_METRES, SLOT_SIDE_METRES } from "../../../server/steering";
import { isWalkable, walkableOf, WorldDefinition } from "../../../shared/world";
import { fixtureWorld } from "../support/worldFixtures";

const open = walkableOf(WorldDefinition.parse(fixtureWorld("alpha", "beta")));
/** 20 m long (x) and 2 m wide (z): no room at either side of someone facing along it. */
const corridor = walkableOf(WorldDefinition.parse(fixtureWorld("alpha", "beta", { bounds: { minX: -10, maxX: 10, minZ: -1, maxZ: 1 } })));

const rounded = (p: { x: number; y: number; z: number; yaw: number }) => ({ x: round(p.x), y: p.y, z: round(p.z), yaw: p.yaw });
const round = (n: number) => Math.round(n * 1000) / 1000 + 0;

describe("besideOwner", () => {
  it("stands at the owner's right and a little behind, facing the same way", () => {
    // Facing +z (yaw 0) the right hand is −x; facing +x (yaw π/2) it is +z.
    expect(rounded(besideOwner(open, { x: 0, y: 0, z: 0, yaw: 0 }))).toEqual({ x: -SLOT_SIDE_METRES, y: 0, z: -SLOT_BACK_METRES, yaw: 0 });
    expect(rounded(besideOwner(open, { x: 2, y: 0, z: 3, yaw: Math.PI / 2 }))).toEqual({ x: 2 - SLOT_BACK_METRES, y: 0, z: 3 + SLOT_SIDE_METRES, yaw: Math.PI / 2 });
  });

  it("takes the left when the right is out of bounds or inside an obstacle", () => {
    expect(rounded(besideOwner(open, { x: -9.5, y: 0, z: 0, yaw: 0 }))).toEqual({ x: -9.5 + SLOT_SIDE_METRES, y: 0, z: -SLOT_BACK_METRES, yaw: 0 });
    // The fixture's wall spans x −2…2 at z −5.5…−4.5: facing −x (yaw −π/2), the right hand is −z.
    const left = besideOwner(open, { x: 0, y: 0, z: -3.6, yaw: -Math.PI / 2 });
    expect(rounded(left)).toEqual({ x: SLOT_BACK_METRES, y: 0, z: round(-3.6 + SLOT_SIDE_METRES), yaw: -Math.PI / 2 });
  });

  it("stands behind when neither side has room, and on open ground next to the owner when nothing else is", () => {
    expect(rounded(besideOwner(corridor, { x: 0, y: 0, z: 0, yaw: Math.PI / 2 }))).toEqual({ x: -SLOT_BEHIND_METRES, y: 0, z: 0, yaw: Math.PI / 2 });
    const cornered = besideOwner(corridor, { x: -9.5, y: 0, z: 0, yaw: Math.PI / 2 });
    expect(isWalkable(corridor, cornered.x, cornered.z)).toBe(true);
    expect(Math.hypot(cornered.x + 9.5, cornered.z)).toBeLessThan(1.5);
  });
});
