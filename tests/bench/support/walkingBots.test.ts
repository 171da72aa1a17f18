import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { CIRCLE_RADIUS, planStrolls } from "../../../bench/support/walkingBots";
import { isWalkable, pathBlocked, walkableOf, WorldDefinition } from "../../../shared/world";

const plaza = walkableOf(WorldDefinition.parse(JSON.parse(readFileSync("worlds/plaza.json", "utf8"))));
/** Where ten people arrive in the plaza: its spawn points in turn. */
const arrivals = Array.from({ length: 10 }, (_, i) => {
  const [x, y, z] = plaza.world.spawns[i % plaza.world.spawns.length]!.position;
  return { x, y, z };
});

describe("the client bench's strolling bots", () => {
  it("walk the same layout for the same seed, and another for another seed", () => {
    const a = planStrolls(plaza, arrivals, 7);
    expect(planStrolls(plaza, arrivals, 7)).toEqual(a);
    expect(planStrolls(plaza, arrivals, 8)).not.toEqual(a);
  });

  it("walk circles through where they arrived, every chord across them clear, so no move is refused for an obstacle", () => {
    for (const seed of [1, 2, 3]) {
      const strolls = planStrolls(plaza, arrivals, seed);
      expect(strolls.filter(Boolean).length).toBeGreaterThanOrEqual(8);
      strolls.forEach((stroll, i) => {
        if (!stroll) return;
        const at = arrivals[i]!;
        expect(Math.hypot(stroll.x + Math.cos(stroll.angle) * CIRCLE_RADIUS - at.x, stroll.z + Math.sin(stroll.angle) * CIRCLE_RADIUS - at.z)).toBeLessThan(1e-9);
        const point = (k: number) => [stroll.x + Math.cos((k * Math.PI) / 12) * CIRCLE_RADIUS, stroll.z + Math.sin((k * Math.PI) / 12) * CIRCLE_RADIUS] as const;
        for (let k = 0; k < 24; k++) {
          expect(isWalkable(plaza, ...point(k))).toBe(true);
          // A stalled timer's long step cuts across the circle: those chords must be clear too.
          for (const across of [1, 6, 12]) expect(pathBlocked(plaza, ...point(k), ...point(k + across))).toBe(false);
        }
      });
    }
  });

  it("stand still where no clear circle fits", () => {
    const [x, , z] = [plaza.world.bounds.minX + 0.5, 0, plaza.world.bounds.minZ + 0.5];
    expect(planStrolls(plaza, [{ x, y: 0, z }, null], 1)).toEqual([null, null]);
  });
});
