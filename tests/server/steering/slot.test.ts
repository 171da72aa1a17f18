import { describe, expect, it } from "vitest";
import { walkableOf, WorldDefinition } from "../../../shared/world";
import { appearBeside, appearBesideFree, chooseSlot, navGridFor, SLOT_BEHIND_METRES, type Side, type Slot } from "../../../server/steering";
import { fixtureWorld } from "../../support/worlds";

const open = navGridFor(walkableOf(WorldDefinition.parse(fixtureWorld("alpha", "beta", { obstacles: [] }))));
/** A wall along x = −1.2 (z −10…10): at the right hand of someone at the origin facing +z. */
const walled = navGridFor(walkableOf(WorldDefinition.parse(fixtureWorld("walled", "beta", { obstacles: [{ type: "box", center: [-1.2, 0], size: [0.3, 20] }] }))));
/** A corridor 1.6 m wide along z. */
const corridor = navGridFor(walkableOf(WorldDefinition.parse(fixtureWorld("corridor", "beta", { obstacles: [], bounds: { minX: -0.8, maxX: 0.8, minZ: -10, maxZ: 10 } }))));

const slot = (): Slot => ({ x: 0, z: 0, side: 1 });
/** Owner at the origin heading +z: their right hand is −x. */
const choose = (grid = open, companionX = -1, companionZ = 0, side: Side = 1) => chooseSlot(grid, 0, 0, 0, 1, companionX, companionZ, side, slot());

describe("chooseSlot", () => {
  it("is beside and a little behind the owner, 1.0–1.5 m away, out of their way", () => {
    const s = choose();
    expect(s.side).toBe(1);
    expect(s.x).toBeLessThan(-1);
    expect(s.z).toBeLessThan(0);
    expect(s.z).toBeGreaterThan(-0.6);
    const distance = Math.hypot(s.x, s.z);
    expect(distance).toBeGreaterThanOrEqual(1);
    expect(distance).toBeLessThanOrEqual(1.5);
    // Within peripheral view: less than 120° from where the owner heads.
    expect((Math.acos(s.z / distance) * 180) / Math.PI).toBeLessThan(120);
  });

  it("turns with the owner's heading", () => {
    // Heading +x, the right hand is +z (as besideOwner has it: forward (sin θ, cos θ), right (−cos θ, sin θ)).
    const s = chooseSlot(open, 2, 3, 1, 0, 2, 4, 1, slot());
    expect(s.z).toBeCloseTo(3 + 1.1);
    expect(s.x).toBeCloseTo(2 - 0.35);
  });

  it("keeps its side while the companion wobbles near the owner's line, and switches once it is clearly over", () => {
    expect(choose(open, 0.3, -0.5, 1).side).toBe(1);
    expect(choose(open, 0.45, -0.5, 1).side).toBe(1);
    expect(choose(open, 0.6, -0.5, 1).side).toBe(-1);
    expect(choose(open, -0.3, -0.5, -1).side).toBe(-1);
    expect(choose(open, -0.6, -0.5, -1).side).toBe(1);
  });

  it("takes the other side when a wall leaves no room on its own, never a place behind the wall", () => {
    const s = choose(walled, -1, 0, 1);
    expect(s.side).toBe(-1);
    expect(s.x).toBeGreaterThan(1);
  });

  it("stands behind in a corridor, or leads when already in front", () => {
    expect(choose(corridor, 0, -1, 1)).toEqual({ x: 0, z: -SLOT_BEHIND_METRES, side: 0 });
    expect(choose(corridor, 0, 1, 1)).toEqual({ x: 0, z: SLOT_BEHIND_METRES, side: 0 });
  });
});

describe("appearBeside", () => {
  it("is the slot when it is open, else the nearest open place next to the owner", () => {
    expect(appearBeside(open, 0, 0, 0, 1, 1, slot())).toEqual(choose(open, 0, 0, 1));
    // In the corner of the world nothing beside or behind is open: the nearest open cell it is.
    const cornered = appearBeside(corridor, 0, 9.7, 0, -1, 1, slot());
    expect(corridor.openAt(cornered.x, cornered.z)).toBe(true);
    expect(Math.hypot(cornered.x, cornered.z - 9.7)).toBeLessThan(1.5);
  });
});

describe("appearBesideFree", () => {
  it("takes the slot when nobody stands there", () => {
    expect(appearBesideFree(open, 0, 0, 0, 1, [{ x: 5, z: 5 }], slot())).toEqual(choose(open, 0, 0, 1));
  });

  it("takes the nearest free place round the owner when the slot is taken, clear of everyone", () => {
    const taken = choose(open, 0, 0, 1);
    const others = [{ x: 0, z: 0 }, { x: taken.x, z: taken.z }];
    const at = appearBesideFree(open, 0, 0, 0, 1, others, slot());
    for (const o of others) expect(Math.hypot(at.x - o.x, at.z - o.z)).toBeGreaterThanOrEqual(0.7);
    expect(Math.hypot(at.x, at.z)).toBeCloseTo(Math.hypot(taken.x, taken.z), 6);
    expect(open.openAt(at.x, at.z)).toBe(true);
  });

  it("moves out to wider rings as the near ones fill up, and falls back to the slot when all are full", () => {
    const others: { x: number; z: number }[] = [{ x: 0, z: 0 }];
    for (let i = 0; i < 20; i++) {
      const at = appearBesideFree(open, 0, 0, 0, 1, others, slot());
      for (const o of others) expect(Math.hypot(at.x - o.x, at.z - o.z)).toBeGreaterThanOrEqual(0.7);
      others.push({ x: at.x, z: at.z });
    }
    const farthest = Math.max(...others.map((o) => Math.hypot(o.x, o.z)));
    expect(farthest).toBeGreaterThan(1.8);
    expect(farthest).toBeLessThan(2.8);
    const crowd = Array.from({ length: 400 }, (_, i) => ({ x: ((i % 20) - 10) * 0.3, z: (Math.floor(i / 20) - 10) * 0.3 }));
    expect(appearBesideFree(open, 0, 0, 0, 1, crowd, slot())).toEqual(choose(open, 0, 0, 1));
  });
});
