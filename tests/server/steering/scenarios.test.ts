import { describe, expect, it } from "vitest";
import { WALK_SPEED, RUN_SPEED } from "../../../shared/protocol";
import { isWalkable, type Walkable } from "../../../shared/world";
import { CATCH_UP_METRES, TOUCHING_METRES } from "../../../server/steering";
import { steeringRoom, walker } from "./scriptedOwner";
import { steeringWorld } from "./steeringWorld";

const world = steeringWorld();
/** Round every obstacle of the steering world: corners, a doorway, a corridor, back across. */
const TOUR: [number, number][] = [[-15, -15], [-15, 10], [0, 3], [10, 3], [14, 6], [14, 17], [0, 15], [-10, -5], [10, -15], [18, -18]];
/** Ticks (of 50 ms) before the band is counted: the companion finds its place first. */
const SETTLE_TICKS = 40;
const BAND = { min: 1, max: 1.5 };

type Room = ReturnType<typeof steeringRoom>;
type Point = { x: number; z: number };

/**
 * Checks every tick that no companion stands in an obstacle, and that none walked into a body:
 * whenever it ends closer than touching to someone, its own step did not bring it closer.
 */
function bodyGuard(room: Room, walkable: Walkable) {
  let before = new Map<string, Point>();
  const snapshot = () => new Map([...room.state.companions].map(([id, c]) => [id, { x: c.x, z: c.z }]));
  before = snapshot();
  return {
    tick() {
      room.tick();
      const after = snapshot();
      for (const [id, c] of after) {
        expect(isWalkable(walkable, c.x, c.z), `companion of ${id} at ${c.x},${c.z}`).toBe(true);
        const was = before.get(id)!;
        for (const [other, p] of room.state.players) {
          const d = Math.hypot(c.x - p.x, c.z - p.z);
          if (d < TOUCHING_METRES) expect(d, `companion of ${id} stepped into ${other}`).toBeGreaterThanOrEqual(Math.hypot(was.x - p.x, was.z - p.z) - 1e-9);
        }
        for (const [other, o] of after) {
          if (other === id) continue;
          const d = Math.hypot(c.x - o.x, c.z - o.z);
          const dWas = Math.hypot(was.x - before.get(other)!.x, was.z - before.get(other)!.z);
          if (d < TOUCHING_METRES) expect(d, `companions of ${id} and ${other} walked into each other`).toBeGreaterThanOrEqual(dWas - 1e-9);
        }
      }
      before = after;
    },
  };
}

/** Walks ann round the tour at `speed`; the fraction of ticks (after settling) her companion was in the band. */
function tour(speed: number, withBob: boolean) {
  const room = steeringRoom(world);
  const { owner, companion } = room.join("ann", ...TOUR[0]!);
  const ann = walker(world, TOUR);
  const bob = withBob ? walker(world, TOUR) : undefined;
  if (bob) room.join("bob", ...TOUR[0]!);
  const guard = bodyGuard(room, world);
  let ticks = 0;
  let inBand = 0;
  let counted = 0;
  let farthest = 0;
  while (!ann.done) {
    ann.step(speed);
    room.place("ann", ann.x, ann.z, ann.yaw);
    // Bob sets off 2 s later along the same way.
    if (bob && ticks >= 40) {
      bob.step(speed);
      room.place("bob", bob.x, bob.z, bob.yaw);
    }
    guard.tick();
    ticks++;
    const d = Math.hypot(companion.x - owner.x, companion.z - owner.z);
    farthest = Math.max(farthest, d);
    if (ticks > SETTLE_TICKS) {
      counted++;
      if (d >= BAND.min && d <= BAND.max) inBand++;
    }
  }
  for (let t = 0; t < 60; t++) guard.tick();
  return { fraction: inBand / counted, ticks, farthest, warps: companion.warp, endDistance: Math.hypot(companion.x - owner.x, companion.z - owner.z), endSpeed: companion.speed };
}

describe("following an owner round obstacles", () => {
  it("walking: stays in the 1.0–1.5 m band for most ticks, never in a wall or a body", () => {
    const result = tour(WALK_SPEED, true);
    console.log(`steering band (walking ${WALK_SPEED} m/s, ${result.ticks} ticks): ${result.fraction.toFixed(3)} in band, farthest ${result.farthest.toFixed(2)} m`);
    expect(result.fraction).toBeGreaterThanOrEqual(0.85);
    expect(result.farthest).toBeLessThan(4);
    expect(result.warps).toBe(0);
    expect(result.endDistance).toBeGreaterThanOrEqual(BAND.min);
    expect(result.endDistance).toBeLessThanOrEqual(BAND.max);
    expect(result.endSpeed).toBe(0);
  });

  it("running: keeps up without a catch-up warp and is beside the owner when they stop", () => {
    const result = tour(RUN_SPEED, false);
    console.log(`steering band (running ${RUN_SPEED} m/s, ${result.ticks} ticks): ${result.fraction.toFixed(3)} in band, farthest ${result.farthest.toFixed(2)} m`);
    expect(result.fraction).toBeGreaterThanOrEqual(0.4);
    expect(result.farthest).toBeLessThan(CATCH_UP_METRES / 2);
    expect(result.warps).toBe(0);
    expect(result.endDistance).toBeGreaterThanOrEqual(BAND.min);
    expect(result.endDistance).toBeLessThanOrEqual(BAND.max);
  });
});
