import { describe, expect, it } from "vitest";
import { TELEPORT_MAX_METRES, type ErrorEvent } from "../../../shared/protocol";
import { walkableOf, WorldDefinition } from "../../../shared/world";
import { createPlayerSession, handleMove, type Pose } from "../../../server/rooms";
import { fixtureWorld } from "../support/worldFixtures";
import { roomTestServer, untilState } from "./roomTestClient";

// The fixture world has a wall across z = −5 (x −2…2, 1 m thick) and spawns at the origin.
const world = WorldDefinition.parse(fixtureWorld("alpha", "beta"));
const walkable = walkableOf(world);
const teleport = (x: number, z: number, extra: Record<string, unknown> = {}) => ({ x, y: 0, z, yaw: 0, pitch: 0, teleport: true, ...extra });

function setup() {
  const pose: Pose = { x: 0, y: 0, z: 0, yaw: 0, pitch: 0, jumps: 0 };
  return { pose, session: createPlayerSession({ userId: "u-1", name: "Ann" }, world, { ...pose }, 0) };
}

describe("a teleport move", () => {
  it("jumps over the wall onto walkable ground, where a plain move of that length is refused", () => {
    const { pose, session } = setup();
    expect(handleMove(walkable, pose, session, { x: 0, y: 0, z: -7, yaw: 0, pitch: 0 }, 50).error?.message).toMatch(/faster than allowed/);
    expect(handleMove(walkable, pose, session, teleport(0, -7), 60)).toEqual({});
    expect(pose).toMatchObject({ x: 0, z: -7 });
    expect(session.lastMoveAt).toBe(60);
  });

  it("counts teleports and snap turns as jumps (others show them at once), never a plain or refused move", () => {
    const { pose, session } = setup();
    expect(handleMove(walkable, pose, session, { x: 0, y: 0, z: 0.2, yaw: 0, pitch: 0 }, 100)).toEqual({});
    expect(pose.jumps).toBe(0);
    expect(handleMove(walkable, pose, session, teleport(0, 4), 200)).toEqual({});
    expect(pose.jumps).toBe(1);
    expect(handleMove(walkable, pose, session, { x: 0, y: 0, z: 4, yaw: -Math.PI / 6, pitch: 0, snapTurn: true }, 300)).toEqual({});
    expect(pose).toMatchObject({ yaw: -Math.PI / 6, jumps: 2 });
    expect(handleMove(walkable, pose, session, teleport(0, -5), 400).error?.code).toBe("move_rejected");
    expect(pose.jumps).toBe(2);
    expect(handleMove(walkable, pose, session, { x: 0, y: 0, z: 4, yaw: 0, pitch: 0, snapTurn: false }, 500).error?.code).toBe("invalid_message");
    expect(pose.jumps).toBe(2);
    // The room's count is 16 bits: it wraps, and a change is all a viewer looks for.
    pose.jumps = 0xffff;
    expect(handleMove(walkable, pose, session, teleport(0, 0), 1600)).toEqual({});
    expect(pose.jumps).toBe(0);
  });

  it.each([
    ["onto the wall", teleport(0, -5), /teleport target \(0, -5\) is inside an obstacle/],
    ["out of the world", teleport(0, 10.5), /outside the world's bounds/],
    ["farther than the arc reaches", teleport(TELEPORT_MAX_METRES + 0.3, 0), /longer than 8.5 m/],
    ["up into the air", teleport(2, 2, { y: 1.5 }), /changes height by 1.5 m/],
  ])("is refused %s, and nothing changes", (_what, message, text) => {
    const { pose, session } = setup();
    const before = { ...pose };
    expect(handleMove(walkable, pose, session, message, 50).error).toEqual({ code: "move_rejected", type: "move", message: expect.stringMatching(text) });
    expect(pose).toEqual(before);
    expect(session.lastMoveAt).toBe(0);
  });

  it("is rate-limited: three in a row, then one a second", () => {
    const { pose, session } = setup();
    const spots = [
      [0, 4],
      [0, 0],
      [0, 4],
      [0, 0],
    ] as const;
    const codes = spots.map(([x, z], i) => handleMove(walkable, pose, session, teleport(x, z), 100 + i).error?.code);
    expect(codes).toEqual([undefined, undefined, undefined, "rate_limited"]);
    expect(pose).toMatchObject({ x: 0, z: 4 });
    expect(handleMove(walkable, pose, session, teleport(0, 0), 1200).error).toBeUndefined();
  });
});

describe("a teleport in a room", () => {
  const rooms = roomTestServer();

  it("moves the player over the wall for everyone, and one onto the wall gets an error", async () => {
    const ann = await rooms.client().join("Ann");
    const bob = await rooms.client().join("Bob");
    const errorEvent = ann.waitForMessage("error") as Promise<ErrorEvent>;
    ann.send("move", teleport(0, -5));
    expect(await errorEvent).toEqual({ code: "move_rejected", type: "move", message: expect.stringMatching(/inside an obstacle/) });

    ann.send("move", teleport(1, -7));
    await untilState(bob, () => bob.state.players.get(ann.sessionId)?.z === -7, "Bob to see Ann beyond the wall");
    expect(bob.state.players.get(ann.sessionId)).toMatchObject({ x: 1, jumps: 1 });
  });
});
