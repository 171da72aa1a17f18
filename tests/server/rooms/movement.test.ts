import { describe, expect, it } from "vitest";
import { MAX_ACCEPTED_SPEED, MOVE_SLACK_METRES } from "../../../shared/protocol";
import { walkableOf, WorldDefinition } from "../../../shared/world";
import { checkMove, MAX_COUNTED_INTERVAL_MS } from "../../../server/rooms";
import { fixtureWorld } from "../support/worldFixtures";

const walkable = walkableOf(WorldDefinition.parse(fixtureWorld("alpha", "beta")));
const origin = { x: 0, y: 0, z: 0 };
const to = (x: number, z: number, y = 0) => ({ x, y, z, yaw: 0, pitch: 0 });

describe("checkMove", () => {
  it("accepts a walking step", () => {
    expect(checkMove(walkable, origin, to(0.5, 0.5), 100)).toEqual({ ok: true });
  });

  it("always allows the slack distance, even with no time elapsed", () => {
    expect(checkMove(walkable, origin, to(MOVE_SLACK_METRES - 0.01, 0), 0).ok).toBe(true);
    expect(checkMove(walkable, origin, to(MOVE_SLACK_METRES + 0.01, 0), 0).ok).toBe(false);
  });

  it("refuses moves faster than the accepted speed", () => {
    const oneSecond = MAX_ACCEPTED_SPEED + MOVE_SLACK_METRES;
    expect(checkMove(walkable, origin, to(oneSecond - 0.01, 0), 1000).ok).toBe(true);
    const verdict = checkMove(walkable, origin, to(oneSecond + 0.05, 0), 1000);
    expect(verdict).toEqual({ ok: false, reason: expect.stringMatching(/faster than allowed/) });
  });

  it("does not let a long silence bank a teleport", () => {
    const capped = (MAX_ACCEPTED_SPEED * MAX_COUNTED_INTERVAL_MS) / 1000 + MOVE_SLACK_METRES;
    expect(checkMove(walkable, origin, to(capped + 0.05, 0), 60_000)).toMatchObject({ ok: false, reason: expect.stringMatching(/faster/) });
  });

  it("refuses positions outside the bounds, horizontally and vertically", () => {
    expect(checkMove(walkable, { x: 9.5, y: 0, z: 0 }, to(10.2, 0), 1000)).toMatchObject({ ok: false, reason: expect.stringMatching(/outside/) });
    expect(checkMove(walkable, origin, to(0, 0, 11), 1000)).toMatchObject({ ok: false, reason: expect.stringMatching(/outside/) });
    expect(checkMove(walkable, origin, to(0, 0, -2), 1000)).toMatchObject({ ok: false, reason: expect.stringMatching(/outside/) });
  });

  it("refuses positions inside an obstacle, or closer to it than a body's radius", () => {
    const nearWall = { x: 0, y: 0, z: -3.8 };
    expect(checkMove(walkable, nearWall, to(0, -4.5), 1000)).toMatchObject({ ok: false, reason: expect.stringMatching(/obstacle/) });
    expect(checkMove(walkable, nearWall, to(0, -4.3), 1000)).toMatchObject({ ok: false, reason: expect.stringMatching(/obstacle/) });
    expect(checkMove(walkable, nearWall, to(0, -4.1), 1000).ok).toBe(true);
  });

  it("refuses a step that passes through a wall to the other side", () => {
    const verdict = checkMove(walkable, { x: 0, y: 0, z: -3.5 }, to(0, -6.5), 1000);
    expect(verdict).toEqual({ ok: false, reason: "the path from the last position passes through an obstacle" });
  });
});
