import { describe, expect, it } from "vitest";
import { placeHead, trackedToWorld, trackedYaw, turnAboutHead, type XrOrigin } from "../../../client/xr/rig";

const origin = (x = 0, z = 0, yaw = 0): XrOrigin => ({ x, y: 0, z, yaw });

describe("XR origin maths", () => {
  it("maps tracked points like three.js' rotation.y does", () => {
    // rotation.y = 90° maps local +X to world −Z and local +Z to world +X.
    const o = origin(10, 5, Math.PI / 2);
    const p = trackedToWorld(o, 1, 0, { x: 0, z: 0 });
    expect(p.x).toBeCloseTo(10);
    expect(p.z).toBeCloseTo(4);
    const q = trackedToWorld(o, 0, 1, { x: 0, z: 0 });
    expect(q.x).toBeCloseTo(11);
    expect(q.z).toBeCloseTo(5);
  });

  it("gives the headset's world yaw: a camera looking along local −Z with no origin turn faces −Z", () => {
    expect(Math.cos(trackedYaw(origin(), 0, -1))).toBeCloseTo(-1);
    expect(trackedYaw(origin(0, 0, 0.5), 0, 1)).toBeCloseTo(0.5);
  });

  it("places the tracked head exactly on a world point", () => {
    const o = origin(3, -2, 1.1);
    placeHead(o, 0.4, -0.7, 7, 8);
    const head = trackedToWorld(o, 0.4, -0.7, { x: 0, z: 0 });
    expect(head.x).toBeCloseTo(7);
    expect(head.z).toBeCloseTo(8);
  });

  it("turns about the head: the head stays put and its yaw changes by the angle", () => {
    const o = origin(1, 2, 0.3);
    const before = trackedToWorld(o, 0.5, 0.25, { x: 0, z: 0 });
    const yawBefore = trackedYaw(o, 0.2, -1);
    turnAboutHead(o, 0.5, 0.25, -Math.PI / 6);
    const after = trackedToWorld(o, 0.5, 0.25, { x: 0, z: 0 });
    expect(after.x).toBeCloseTo(before.x);
    expect(after.z).toBeCloseTo(before.z);
    expect(trackedYaw(o, 0.2, -1) - yawBefore).toBeCloseTo(-Math.PI / 6);
  });
});
