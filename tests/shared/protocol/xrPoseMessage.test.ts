import { describe, expect, it } from "vitest";
import { MoveMessage, XR_BODY_SCALE_MAX, XrPoseMessage, clientMessageSchemas, ClientMessage } from "../../../shared/protocol";

const level = [0, 0, 0, 1];
const pose = (extra: Record<string, unknown> = {}) => ({ head: { height: 1.6, rotation: level, bodyScale: 1 }, left: [0.2, 1.1, 0.3], right: null, ...extra });
/** A head at 1.6 m, level, with `head` fields changed. */
const head = (fields: Record<string, unknown>) => pose({ head: { height: 1.6, rotation: level, bodyScale: 1, ...fields } });

describe("XrPoseMessage", () => {
  it("is the schema of the xr:pose client message", () => {
    expect(ClientMessage.XrPose).toBe("xr:pose");
    expect(clientMessageSchemas[ClientMessage.XrPose]).toBe(XrPoseMessage);
  });

  it("accepts a head with a unit rotation and tracked or untracked hands", () => {
    const half = Math.SQRT1_2;
    const turned = { head: { height: 1.2, rotation: [0, half, 0, half], bodyScale: 1 }, left: null, right: [-0.3, 1.4, 0.5] };
    expect(XrPoseMessage.parse(turned)).toEqual(turned);
    expect(XrPoseMessage.parse(pose())).toEqual(pose());
  });

  it("accepts a body grown from its own size up to XR_BODY_SCALE_MAX", () => {
    for (const bodyScale of [1, 1.23, XR_BODY_SCALE_MAX]) expect(XrPoseMessage.parse(head({ bodyScale })).head!.bodyScale).toBe(bodyScale);
  });

  it("accepts the end of a session: no head, no hands", () => {
    expect(XrPoseMessage.parse({ head: null, left: null, right: null })).toEqual({ head: null, left: null, right: null });
  });

  it.each([
    ["a rotation that is not unit length", head({ rotation: [0, 0, 0, 0.5] }), /unit quaternion/],
    ["a rotation slightly too long", head({ rotation: [0, 0, 0.1, 1] }), /unit quaternion/],
    ["a rotation with three numbers", head({ rotation: [0, 0, 1] }), /rotation/],
    ["a NaN in the rotation", head({ rotation: [Number.NaN, 0, 0, 1] }), /rotation/],
    ["an infinite head height", head({ height: Number.POSITIVE_INFINITY }), /height/],
    ["a head under the floor", head({ height: 0.1 }), /height/],
    ["a head 3 m up", head({ height: 3 }), /height/],
    ["a body smaller than its own size", head({ bodyScale: 0.9 }), /bodyScale must be at least 1/],
    ["a body grown past XR_BODY_SCALE_MAX", head({ bodyScale: 1.5 }), /bodyScale must be at most 1.4/],
    ["a NaN body scale", head({ bodyScale: Number.NaN }), /bodyScale/],
    ["a body scale as text", head({ bodyScale: "1.2" }), /bodyScale/],
    ["a head without a body scale", pose({ head: { height: 1.6, rotation: level } }), /bodyScale/],
    ["a hand 2 m away", pose({ left: [2, 1, 0] }), /left/],
    ["a hand under the feet", pose({ right: [0, -0.2, 0] }), /right/],
    ["a missing hand", { head: { height: 1.6, rotation: level, bodyScale: 1 }, left: null }, /right/],
    ["an extra field", pose({ eyes: "blue" }), /eyes/],
    ["an extra field on the head", head({ fov: 90 }), /fov/],
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
