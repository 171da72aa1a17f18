import { describe, expect, it } from "vitest";
import type { ErrorEvent } from "../../../shared/protocol";
import { XrPoseState, WorldState } from "../../../shared/state";
import { WorldDefinition } from "../../../shared/world";
import { createPlayerSession } from "../../../server/rooms";
import { handleXrPose } from "../../../server/rooms/handleXrPose";
import { fixtureWorld } from "../support/worldFixtures";
import { roomTestServer, untilState } from "./roomTestClient";

const world = WorldDefinition.parse(fixtureWorld("alpha", "beta"));
const half = Math.SQRT1_2;
/** A wearer taller than their avatar: their client grows it by 1.2. */
const lookingLeft = { head: { height: 1.25, rotation: [0, half, 0, half], bodyScale: 1.2 }, left: [0.3, 1.1, 0.4], right: null };

function setup() {
  const session = createPlayerSession({ userId: "u-1", name: "Ann" }, world, { x: 0, y: 0, z: 0, yaw: 0 }, 0);
  return { session, xr: new XrPoseState() };
}

describe("handleXrPose", () => {
  it("starts out as 'not in a headset'", () => {
    expect(setup().xr.toJSON()).toMatchObject({ headHeight: 0, headW: 1, bodyScale: 1, leftTracked: false, rightTracked: false });
  });

  it("stores the head height, rotation, body scale and the tracked hands", () => {
    const { session, xr } = setup();
    expect(handleXrPose(xr, session, lookingLeft, 10)).toEqual({});
    expect(xr.headHeight).toBeCloseTo(1.25, 3);
    expect(xr.bodyScale).toBeCloseTo(1.2, 4);
    expect([xr.headX, xr.headY, xr.headZ, xr.headW].map((n) => Math.round(n * 1000) / 1000)).toEqual([0, 0.707, 0, 0.707]);
    expect(xr.leftTracked).toBe(true);
    expect([xr.leftX, xr.leftY, xr.leftZ].map((n) => Math.round(n * 100) / 100)).toEqual([0.3, 1.1, 0.4]);
    expect(xr.rightTracked).toBe(false);
  });

  it("clears everything when the session ends (head: null), the body back to its own size", () => {
    const { session, xr } = setup();
    handleXrPose(xr, session, lookingLeft, 10);
    expect(handleXrPose(xr, session, { head: null, left: null, right: null }, 20)).toEqual({});
    expect(xr.toJSON()).toMatchObject({ headHeight: 0, headX: 0, headY: 0, headZ: 0, headW: 1, bodyScale: 1, leftTracked: false, rightTracked: false });
  });

  it.each([
    ["a rotation that is not normalised", { ...lookingLeft, head: { ...lookingLeft.head, rotation: [0, 1, 0, 1] } }, /unit quaternion/],
    ["a non-finite height", { ...lookingLeft, head: { ...lookingLeft.head, height: Number.NaN } }, /height/],
    ["a body shrunk below its own size", { ...lookingLeft, head: { ...lookingLeft.head, bodyScale: 0.5 } }, /head\.bodyScale: bodyScale must be at least 1/],
    ["a body grown past 1.4", { ...lookingLeft, head: { ...lookingLeft.head, bodyScale: 2 } }, /head\.bodyScale: bodyScale must be at most 1\.4/],
    ["a head without a body scale", { ...lookingLeft, head: { height: 1.6, rotation: [0, 0, 0, 1] } }, /head\.bodyScale/],
    ["a hand out of reach", { ...lookingLeft, right: [0, 1, 9] }, /right/],
    ["not an object", "up", /expected object/],
  ])("refuses %s and changes nothing", (_what, message, text) => {
    const { session, xr } = setup();
    handleXrPose(xr, session, lookingLeft, 10);
    const before = xr.toJSON();
    const outcome = handleXrPose(xr, session, message, 20);
    expect(outcome.error).toEqual({ code: "invalid_message", type: "xr:pose", message: expect.stringMatching(text) });
    expect(xr.toJSON()).toEqual(before);
  });

  it("rate-limits poses to 30 a second", () => {
    const { session, xr } = setup();
    const codes = Array.from({ length: 31 }, () => handleXrPose(xr, session, lookingLeft, 0).error?.code);
    expect(codes.slice(0, 30).every((c) => c === undefined)).toBe(true);
    expect(codes[30]).toBe("rate_limited");
    expect(handleXrPose(xr, session, lookingLeft, 1000).error).toBeUndefined();
  });
});

describe("xr:pose in a room", () => {
  const rooms = roomTestServer();

  it("shows the others where a headset wearer's head and hands are", async () => {
    const ann = await rooms.client().join("Ann");
    const bob = await rooms.client().join("Bob");
    ann.send("xr:pose", lookingLeft);
    const annSeen = () => (bob.state as WorldState).players.get(ann.sessionId)?.xr;
    await untilState(bob, () => (annSeen()?.headHeight ?? 0) > 1, "Bob to see Ann's head");
    expect(annSeen()!.headHeight).toBeCloseTo(1.25, 3);
    expect(annSeen()!.headY).toBeCloseTo(half, 3);
    expect(annSeen()!.leftTracked).toBe(true);
    expect(annSeen()!.leftZ).toBeCloseTo(0.4, 3);
    expect(annSeen()!.bodyScale).toBeCloseTo(1.2, 4);

    ann.send("xr:pose", { head: null, left: null, right: null });
    await untilState(bob, () => annSeen()?.headHeight === 0, "Bob to see Ann leave the headset");
    expect(annSeen()!.leftTracked).toBe(false);
    expect(annSeen()!.bodyScale).toBe(1);
  });

  it("answers a malformed pose with an error and keeps the last one", async () => {
    const ann = await rooms.client().join("Ann");
    ann.send("xr:pose", lookingLeft);
    const errorEvent = ann.waitForMessage("error") as Promise<ErrorEvent>;
    ann.send("xr:pose", { ...lookingLeft, head: { ...lookingLeft.head, height: 1.6, rotation: [1, 1, 1, 1] } });
    expect(await errorEvent).toEqual({ code: "invalid_message", type: "xr:pose", message: expect.stringMatching(/unit quaternion/) });
    expect(rooms.client().serverRoom(ann).state.players.get(ann.sessionId)!.xr.headHeight).toBeCloseTo(1.25, 3);
  });

  it("refuses a body scale out of range with an error that says so, and others keep seeing the last one", async () => {
    const ann = await rooms.client().join("Ann");
    const bob = await rooms.client().join("Bob");
    ann.send("xr:pose", lookingLeft);
    const annSeen = () => (bob.state as WorldState).players.get(ann.sessionId)?.xr;
    await untilState(bob, () => Math.abs((annSeen()?.bodyScale ?? 1) - 1.2) < 1e-3, "Bob to see Ann's avatar grown");
    const errorEvent = ann.waitForMessage("error") as Promise<ErrorEvent>;
    ann.send("xr:pose", { ...lookingLeft, head: { ...lookingLeft.head, height: 1.3, bodyScale: 3 } });
    expect(await errorEvent).toEqual({ code: "invalid_message", type: "xr:pose", message: expect.stringMatching(/bodyScale must be at most 1\.4/) });
    const kept = rooms.client().serverRoom(ann).state.players.get(ann.sessionId)!.xr;
    expect(kept.bodyScale).toBeCloseTo(1.2, 4);
    expect(kept.headHeight).toBeCloseTo(1.25, 3);
    // A valid pose after it still goes through: the refusal cost nothing else.
    ann.send("xr:pose", { ...lookingLeft, head: { ...lookingLeft.head, bodyScale: 1.35 } });
    await untilState(bob, () => Math.abs((annSeen()?.bodyScale ?? 1) - 1.35) < 1e-3, "Bob to see Ann's avatar grown further");
  });
});
