import { describe, expect, it } from "vitest";
import { CHAT_MAX_LENGTH } from "../../../shared/protocol";
import { walkableOf, WorldDefinition } from "../../../shared/world";
import { createPlayerSession, handleChat, handleMove, type Pose } from "../../../server/rooms";
import { fixtureWorld } from "../support/worldFixtures";

const world = WorldDefinition.parse(fixtureWorld("alpha", "beta"));
const walkable = walkableOf(world);
const user = { userId: "u-1", name: "Ann" };

function setup(now = 0) {
  const pose: Pose = { x: 0, y: 0, z: 0, yaw: 0, pitch: 0, jumps: 0 };
  const session = createPlayerSession(user, world, { ...pose, yaw: 0 }, now);
  return { pose, session };
}

describe("handleMove", () => {
  it("applies a valid move and remembers when", () => {
    const { pose, session } = setup();
    expect(handleMove(walkable, pose, session, { x: 0.5, y: 0, z: 0.25, yaw: 1, pitch: -0.2 }, 100)).toEqual({});
    expect(pose).toEqual({ x: 0.5, y: 0, z: 0.25, yaw: 1, pitch: -0.2, jumps: 0 });
    expect(session.lastMoveAt).toBe(100);
  });

  it.each([
    ["a non-finite number", { x: Number.NaN, y: 0, z: 0, yaw: 0, pitch: 0 }, "invalid_message", /x: /],
    ["infinity", { x: 0, y: 0, z: Number.POSITIVE_INFINITY, yaw: 0, pitch: 0 }, "invalid_message", /z: /],
    ["a missing field", { x: 0, y: 0, z: 0, yaw: 0 }, "invalid_message", /pitch: /],
    ["an extra field", { x: 0, y: 0, z: 0, yaw: 0, pitch: 0, speed: 99 }, "invalid_message", /speed/],
    ["not an object", "north", "invalid_message", /expected object/],
    ["a pitch past vertical", { x: 0, y: 0, z: 0, yaw: 0, pitch: 2 }, "invalid_message", /pitch: /],
    ["out of bounds", { x: 10.5, y: 0, z: 0.5, yaw: 0, pitch: 0 }, "move_rejected", /outside/],
    ["a teleport", { x: 9.5, y: 0, z: 0, yaw: 0, pitch: 0 }, "move_rejected", /faster/],
  ])("refuses %s and changes nothing", (_what, message, code, text) => {
    const { pose, session } = setup();
    const before = { ...pose };
    const outcome = handleMove(walkable, pose, session, message, 50);
    expect(outcome.error).toEqual({ code, type: "move", message: expect.stringMatching(text) });
    expect(pose).toEqual(before);
    expect(session.lastMoveAt).toBe(0);
  });

  it("returns the portal event when a move enters a portal's trigger", () => {
    const { pose, session } = setup();
    pose.z = 6.5;
    expect(handleMove(walkable, pose, session, { x: 0, y: 0, z: 7.2, yaw: 0, pitch: 0 }, 100)).toEqual({
      portal: { portalId: "to-beta", world: "beta", via: "to-alpha" },
    });
    expect(handleMove(walkable, pose, session, { x: 0, y: 0, z: 7.4, yaw: 0, pitch: 0 }, 200)).toEqual({});
  });

  it("rate-limits moves to 30 a second", () => {
    const { pose, session } = setup();
    const codes = Array.from({ length: 31 }, () => handleMove(walkable, pose, session, { x: 0, y: 0, z: 0, yaw: 0, pitch: 0 }, 0).error?.code);
    expect(codes.slice(0, 30).every((c) => c === undefined)).toBe(true);
    expect(codes[30]).toBe("rate_limited");
  });
});

describe("handleChat", () => {
  it("makes a trimmed chat event with sender and time", () => {
    const { session } = setup();
    const outcome = handleChat(session, { text: "  hello there  " }, 1234);
    expect(outcome).toEqual({ chat: { id: expect.any(String), userId: "u-1", name: "Ann", text: "hello there", time: 1234 } });
  });

  it.each([
    ["empty text", { text: "   " }, /chat text is empty/],
    ["oversize text", { text: "x".repeat(CHAT_MAX_LENGTH + 1) }, /longer than 500/],
    ["a number", { text: 5 }, /text: /],
    ["nothing", undefined, /expected object/],
  ])("refuses %s", (_what, message, text) => {
    const { session } = setup();
    expect(handleChat(session, message, 0)).toEqual({ error: { code: "invalid_message", type: "chat", message: expect.stringMatching(text) } });
  });

  it("accepts exactly the maximum length", () => {
    const { session } = setup();
    expect(handleChat(session, { text: "y".repeat(CHAT_MAX_LENGTH) }, 0).error).toBeUndefined();
  });

  it("rate-limits chat to 5 per 5 seconds", () => {
    const { session } = setup();
    const codes = Array.from({ length: 6 }, (_, i) => handleChat(session, { text: `line ${i}` }, 0).error?.code);
    expect(codes).toEqual([undefined, undefined, undefined, undefined, undefined, "rate_limited"]);
  });
});
