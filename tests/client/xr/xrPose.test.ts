import { describe, expect, it } from "vitest";
import { Euler, Quaternion } from "three";
import { XR_BODY_SCALE_MAX, XrPoseMessage } from "../../../shared/protocol";
import { createXrPoseBuffer, readTracked, writeHand, writeHead, writeSessionEnd } from "../../../client/xr/xrPose";
import type { TrackedPose } from "../../../client/people";
import { XrPoseState } from "../../../shared/state";

/** A camera's world rotation looking along yaw (0 = +Z) and pitch (positive looks down). */
function cameraLooking(yaw: number, pitch = 0): Quaternion {
  return new Quaternion().setFromEuler(new Euler(-pitch, yaw + Math.PI, 0, "YXZ"));
}

/** The yaw (about +Y, 0 = +Z) a body-frame rotation turns the face towards. */
function faceYaw(rotation: readonly number[]): number {
  return new Euler().setFromQuaternion(new Quaternion(rotation[0], rotation[1], rotation[2], rotation[3]), "YXZ").y;
}

describe("writeHead", () => {
  it("is identity when the head looks where the body faces, whichever way that is", () => {
    for (const yaw of [0, 1.2, -2.5]) {
      const buffer = createXrPoseBuffer();
      writeHead(buffer, { x: 3, y: 0.5, z: -1, yaw }, 0.5 + 1.62, cameraLooking(yaw), 1);
      expect(buffer.message.head!.height).toBeCloseTo(1.62, 6);
      const [x, y, z, w] = buffer.message.head!.rotation;
      expect(Math.abs(w)).toBeCloseTo(1, 6);
      expect(Math.hypot(x, y, z)).toBeLessThan(1e-6);
    }
  });

  it("keeps the head's turn and nod relative to the body, as a unit quaternion the room accepts", () => {
    const buffer = createXrPoseBuffer();
    writeHead(buffer, { x: 0, y: 0, z: 0, yaw: 1 }, 1.1, cameraLooking(1.5, 0.3), 1);
    expect(faceYaw(buffer.message.head!.rotation)).toBeCloseTo(0.5, 5);
    expect(XrPoseMessage.safeParse(buffer.message).success).toBe(true);
  });

  it("clamps the eye height to what the room accepts (lying on the floor, standing on a chair)", () => {
    const buffer = createXrPoseBuffer();
    writeHead(buffer, { x: 0, y: 0, z: 0, yaw: 0 }, 0.05, cameraLooking(0), 1);
    expect(buffer.message.head!.height).toBe(0.3);
    writeHead(buffer, { x: 0, y: 0, z: 0, yaw: 0 }, 2.9, cameraLooking(0), 1);
    expect(buffer.message.head!.height).toBe(2.5);
  });

  it("carries the avatar's scale, clamped to what the room accepts (never below its own size)", () => {
    const buffer = createXrPoseBuffer();
    writeHead(buffer, { x: 0, y: 0, z: 0, yaw: 0 }, 1.9, cameraLooking(0), 1.25);
    expect(buffer.message.head!.bodyScale).toBe(1.25);
    expect(XrPoseMessage.safeParse(buffer.message).success).toBe(true);
    writeHead(buffer, { x: 0, y: 0, z: 0, yaw: 0 }, 1.9, cameraLooking(0), 0.8);
    expect(buffer.message.head!.bodyScale).toBe(1);
    writeHead(buffer, { x: 0, y: 0, z: 0, yaw: 0 }, 1.9, cameraLooking(0), 3);
    expect(buffer.message.head!.bodyScale).toBe(XR_BODY_SCALE_MAX);
  });
});

describe("writeHand", () => {
  it("puts a hand in the body's frame: forward is +z, the body's left is +x", () => {
    const buffer = createXrPoseBuffer();
    // Facing +X (yaw π/2): a hand 0.4 m further along +X is in front; one at −Z is on the left.
    const body = { x: 1, y: 0.2, z: 2, yaw: Math.PI / 2 };
    writeHand(buffer, "right", body, { x: 1.4, y: 1.2, z: 2 });
    writeHand(buffer, "left", body, { x: 1, y: 1.0, z: 2 - 0.3 });
    expect(buffer.message.right![0]).toBeCloseTo(0, 6);
    expect(buffer.message.right![1]).toBeCloseTo(1.0, 6);
    expect(buffer.message.right![2]).toBeCloseTo(0.4, 6);
    expect(buffer.message.left![0]).toBeCloseTo(0.3, 6);
    expect(buffer.message.left![2]).toBeCloseTo(0, 6);
  });

  it("reports no hand when none is tracked or it lies beyond reach", () => {
    const buffer = createXrPoseBuffer();
    const body = { x: 0, y: 0, z: 0, yaw: 0 };
    writeHand(buffer, "left", body, { x: 0.2, y: 1, z: 0.2 });
    expect(buffer.message.left).not.toBeNull();
    writeHand(buffer, "left", body, null);
    expect(buffer.message.left).toBeNull();
    writeHand(buffer, "right", body, { x: 0, y: 0.8, z: 2 });
    expect(buffer.message.right).toBeNull();
  });

  it("ends with no head and no hands", () => {
    const buffer = createXrPoseBuffer();
    writeHead(buffer, { x: 0, y: 0, z: 0, yaw: 0 }, 1.6, cameraLooking(0), 1);
    writeHand(buffer, "left", { x: 0, y: 0, z: 0, yaw: 0 }, { x: 0.2, y: 1, z: 0.2 });
    expect(writeSessionEnd(buffer)).toEqual({ head: null, left: null, right: null });
  });
});

describe("readTracked", () => {
  it("gives one's own body the pose in the shape others receive it, a lost hand untracked", () => {
    const buffer = createXrPoseBuffer();
    const body = { x: 1, y: 0, z: 2, yaw: 0 };
    writeHead(buffer, body, 1.2, cameraLooking(0.4), 1.2);
    writeHand(buffer, "left", body, { x: 1.2, y: 0.9, z: 2.3 });
    writeHand(buffer, "right", body, null);
    const own = readTracked(buffer, { ...new XrPoseState().toJSON() } as TrackedPose);
    expect(own.headHeight).toBeCloseTo(1.2, 6);
    expect(own.bodyScale).toBe(1.2);
    expect([own.headX, own.headY, own.headZ, own.headW]).toEqual(buffer.message.head!.rotation);
    expect(own.leftTracked).toBe(true);
    expect([own.leftX, own.leftY, own.leftZ]).toEqual(buffer.message.left);
    expect(own.rightTracked).toBe(false);

    writeSessionEnd(buffer);
    expect(readTracked(buffer, own)).toMatchObject({ headHeight: 0, headW: 1, bodyScale: 1, leftTracked: false, rightTracked: false });
  });
});
