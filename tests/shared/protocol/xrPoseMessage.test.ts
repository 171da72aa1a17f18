import { describe, expect, it } from "vitest";
import { MoveMessage, XrPoseMessage, clientMessageSchemas, ClientMessage } from "../../../shared/protocol";

const level = [0, 0, 0, 1];
const pose = (extra: Record<string, unknown> = {}) => ({ head: { height: 1.6, rotation: level }, left: [0.2, 1.1, 0.3], right: null, ...extra });

describe("XrPoseMessage", () => {
  it("is the schema of the xr:pose client message", () => {
    expect(ClientMessage.XrPose).toBe("xr:pose");
    expect(clientMessageSchemas[ClientMessage.XrPose]).toBe(XrPoseMessage);
  });

  it("accepts a head with a unit rotation and tracked or untracked hands", () => {
    const half = Math.SQRT1_2;
    const turned = { head: { height: 1.2, rotation: [0, half, 0, half] }, left: null, right: [-0.3, 1.4, 0.5] };
    expect(XrPoseMessage.parse(turned)).toEqual(turned);
    expect(XrPoseMessage.parse(pose())).toEqual(pose());
  });

  it("accepts the end of a session: no head, no hands", () => {
    expect(XrPoseMessage.parse({ head: null, left: null, right: null })).toEqual({ head: null, left: null, right: null });
  });

  it.each([
    ["a rotation that is not unit length", pose({ head: { height: 1.6, rotation: [0, 0, 0, 0.5] } }), /unit quaternion/],
    ["a rotation slightly too long", pose({ head: { height: 1.6, rotation: [0, 0, 0.1, 1] } }), /unit quaternion/],
    ["a rotation with three numbers", pose({ head: { height: 1.6, rotation: [0, 0, 1] } }), /rotation/],
    ["a NaN in the rotation", pose({ head: { height: 1.6, rotation: [Number.NaN, 0, 0, 1] } }), /rotation/],
    ["an infinite head height", pose({ head: { height: Number.POSITIVE_INFINITY, rotation: level } }), /height/],
    ["a head under the floor", pose({ head: { height: 0.1, rotation: level } }), /height/],
    ["a head 3 m up", pose({ head: { height: 3, rotation: level } }), /height/],
    ["a hand 2 m away", pose({ left: [2, 1, 0] }), /left/],
    ["a hand under the feet", pose({ right: [0, -0.2, 0] }), /right/],
    ["a missing hand", { head: { height: 1.6, rotation: level }, left: null }, /right/],
    ["an extra field", pose({ eyes: "blue" }), /eyes/],
    ["an extra field on the head", pose({ head: { height: 1.6, rotation: level, fov: 90 } }), /fov/],
  ])("refuses %s", (_what, message, text) => {
    const parsed = XrPoseMessage.safeParse(message);
    expect(parsed.success).toBe(false);
    expect(JSON.stringify(parsed.error?.issues)).toMatch(text);
  });
});

describe("MoveMessage's teleport flag", () => {
  const move = { x: 1, y: 0, z: 2, yaw: 0, pitch: 0 };
  it("is optional and can only be true", () => {
    expect(MoveMessage.parse(move)).toEqual(move);
    expect(MoveMessage.parse({ ...move, teleport: true })).toEqual({ ...move, teleport: true });
    expect(MoveMessage.safeParse({ ...move, teleport: false }).success).toBe(false);
    expect(MoveMessage.safeParse({ ...move, teleport: "yes" }).success).toBe(false);
  });

  it("has a snap-turn twin, optional and only true", () => {
    expect(MoveMessage.parse({ ...move, snapTurn: true })).toEqual({ ...move, snapTurn: true });
    expect(MoveMessage.safeParse({ ...move, snapTurn: false }).success).toBe(false);
    expect(MoveMessage.safeParse({ ...move, snapTurn: 1 }).success).toBe(false);
  });
});
