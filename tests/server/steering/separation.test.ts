import { describe, expect, it } from "vitest";
import { walkableOf, WorldDefinition } from "../../../shared/world";
import { Bodies, PERSONAL_SPACE_METRES, TOUCHING_METRES } from "../../../server/steering";
import { fixtureWorld } from "../../support/worlds";
import { steeringRoom } from "./scriptedOwner";

const open = walkableOf(WorldDefinition.parse(fixtureWorld("open", "beta", { obstacles: [] })));

describe("Bodies", () => {
  it("pushes away from everyone within personal space, harder the closer they are", () => {
    const bodies = new Bodies();
    const self = bodies.add(0, 0);
    bodies.add(0.7, 0);
    bodies.add(-5, 0);
    const push = bodies.separation(self, 0, 0, { x: 0, z: 0 });
    expect(push.x).toBeLessThan(0);
    expect(push.z).toBeCloseTo(0);
    const nearer = new Bodies();
    nearer.add(0, 0);
    nearer.add(0.62, 0);
    expect(-nearer.separation(0, 0, 0, { x: 0, z: 0 }).x).toBeGreaterThan(-push.x);
    expect(bodies.separation(self, -1, 0, { x: 0, z: 0 })).toEqual({ x: 0, z: 0 });
    expect(1 + 0.7).toBeGreaterThan(PERSONAL_SPACE_METRES);
  });

  it("calls a step a bump when it ends inside someone and closer than before", () => {
    const bodies = new Bodies();
    const self = bodies.add(0, 0);
    bodies.add(1, 0);
    expect(bodies.bumps(self, 0, 0, 0.5, 0)).toBe(true);
    expect(bodies.bumps(self, 0, 0, 0.3, 0)).toBe(false);
    // Already too close: stepping away is fine, stepping closer is not.
    expect(bodies.bumps(self, 0.6, 0, 0.5, 0)).toBe(false);
    expect(bodies.bumps(self, 0.5, 0, 0.6, 0)).toBe(true);
  });

  it("finds exactly the neighbours a look at everyone finds, wherever they stand", () => {
    // A fixed pseudo-random crowd over negative and positive coordinates, some far apart.
    let seed = 7;
    const random = () => ((seed = (seed * 16807) % 2147483647) / 2147483647) * 2 - 1;
    const bodies = new Bodies();
    const points = Array.from({ length: 300 }, () => ({ x: random() * (random() > 0 ? 3 : 300), z: random() * 3 }));
    for (const p of points) bodies.add(p.x, p.z);
    // Move a third of them, some across bucket edges.
    for (let i = 0; i < points.length; i += 3) {
      points[i] = { x: points[i]!.x + random(), z: points[i]!.z + random() };
      bodies.move(i, points[i]!.x, points[i]!.z);
    }
    for (let self = 0; self < points.length; self++) {
      const me = points[self]!;
      const expected = { x: 0, z: 0 };
      let bumped = false;
      const to = { x: me.x + 0.2, z: me.z };
      points.forEach((p, i) => {
        if (i === self) return;
        const d = Math.hypot(me.x - p.x, me.z - p.z);
        if (d < PERSONAL_SPACE_METRES) {
          const w = Math.min(1, (PERSONAL_SPACE_METRES - d) / (PERSONAL_SPACE_METRES - TOUCHING_METRES));
          if (d < 1e-6) expected.x += w;
          else {
            expected.x += ((me.x - p.x) / d) * w;
            expected.z += ((me.z - p.z) / d) * w;
          }
        }
        const after = Math.hypot(to.x - p.x, to.z - p.z);
        if (after < TOUCHING_METRES && after < d) bumped = true;
      });
      const push = bodies.separation(self, me.x, me.z, { x: 0, z: 0 });
      expect(push.x).toBeCloseTo(expected.x, 9);
      expect(push.z).toBeCloseTo(expected.z, 9);
      expect(bodies.bumps(self, me.x, me.z, to.x, to.z)).toBe(bumped);
    }
  });

  it("grows past its first capacity", () => {
    const bodies = new Bodies();
    for (let i = 0; i < 200; i++) bodies.add(i, 0);
    expect(bodies.count).toBe(200);
    expect(bodies.bumps(0, 198.5, 0, 199.1, 0)).toBe(true);
  });
});

/** The closest two companions, or a companion and a person other than its owner, came this tick. */
function closestPair(room: ReturnType<typeof steeringRoom>): number {
  const companions = [...room.state.companions.entries()];
  const people = [...room.state.players.entries()];
  let closest = Infinity;
  for (const [owner, c] of companions) {
    for (const [other, d] of companions) if (other !== owner) closest = Math.min(closest, Math.hypot(c.x - d.x, c.z - d.z));
    for (const [id, p] of people) if (id !== owner) closest = Math.min(closest, Math.hypot(c.x - p.x, c.z - p.z));
  }
  return closest;
}

describe("personal space", () => {
  it("companions of owners arriving on one spot appear apart and stay apart", () => {
    const room = steeringRoom(open);
    for (const id of ["ann", "bob", "cat", "dan"]) room.join(id, 0, 0, 0);
    for (let t = 0; t < 100; t++) {
      expect(closestPair(room)).toBeGreaterThanOrEqual(TOUCHING_METRES);
      room.tick();
    }
    expect([...room.state.companions.values()].map((c) => c.speed)).toEqual([0, 0, 0, 0]);
  });

  it("two companions put on one spot move apart, never overlap again, and come to rest", () => {
    const room = steeringRoom(open);
    room.join("ann", 0, 0, 0);
    const { companion: bobs } = room.join("bob", 0.2, 0, 0);
    const anns = room.state.companions.get("ann")!;
    bobs.x = anns.x + 0.1;
    bobs.z = anns.z;
    let closest = closestPair(room);
    expect(closest).toBeLessThan(TOUCHING_METRES);
    let parted = false;
    for (let t = 0; t < 200; t++) {
      room.tick();
      const now = closestPair(room);
      // While they overlap they only move apart; once apart, they stay apart.
      if (!parted) expect(now).toBeGreaterThanOrEqual(closest - 1e-9);
      parted ||= now >= TOUCHING_METRES;
      if (parted) expect(now).toBeGreaterThanOrEqual(TOUCHING_METRES - 1e-9);
      closest = now;
    }
    expect(parted).toBe(true);
    expect([anns.speed, bobs.speed]).toEqual([0, 0]);
  });

  it("hemmed in by people round its place, it stops where it got to instead of pushing on", () => {
    const room = steeringRoom(open);
    const { owner, companion } = room.join("ann", 0, 0, 0);
    // People standing on and round every place it could take (either side, behind), and it 3.4 m out.
    const oneSide: [number, number][] = [[-1.1, -0.35], [-1.3, 0.4], [-1.3, -1.1], [-0.5, -0.9], [-0.6, 0.6], [-1.9, -0.35]];
    const crowd: [number, number][] = [...oneSide, ...oneSide.map(([x, z]): [number, number] => [-x, z]), [0, -1.3]];
    crowd.forEach(([x, z], i) => room.join(`by${i}`, x, z, Math.PI / 2));
    companion.x = -3;
    companion.z = -1.5;
    const speeds: number[] = [];
    for (let t = 0; t < 200; t++) {
      room.tick();
      speeds.push(companion.speed);
    }
    expect(speeds.slice(-60).every((s) => s === 0)).toBe(true);
    // Standing by choice (it gave up on its place), not merely blocked while still trying.
    expect(room.movement.followerOf(companion)!.settling.settled).toBe(true);
    const distance = Math.hypot(companion.x - owner.x, companion.z - owner.z);
    expect(distance).toBeLessThanOrEqual(3);
    expect(Math.min(...crowd.map(([x, z]) => Math.hypot(companion.x - x, companion.z - z)))).toBeGreaterThanOrEqual(TOUCHING_METRES);
  });

  it("a companion walking with its owner keeps out of a crowd standing beside the way", () => {
    const room = steeringRoom(open);
    const { owner, companion } = room.join("ann", 0, -8, 0);
    // People standing right where its place will be, along the walk up the z axis (their own
    // companions stand at their right, further out).
    for (let i = 0; i < 6; i++) room.join(`by${i}`, -1.1, -4 + i * 1.5, 0);
    for (let t = 0; t < 40; t++) room.tick();
    for (let t = 0; t < 200; t++) {
      room.place("ann", 0, Math.min(8, -8 + t * 0.11), 0);
      room.tick();
      for (const [id, p] of room.state.players) {
        if (id === "ann") continue;
        expect(Math.hypot(companion.x - p.x, companion.z - p.z)).toBeGreaterThanOrEqual(TOUCHING_METRES - 1e-6);
      }
    }
    // It still arrives beside its owner once they stop.
    for (let t = 0; t < 60; t++) room.tick();
    expect(Math.hypot(companion.x - owner.x, companion.z - owner.z)).toBeLessThanOrEqual(1.6);
  });
});
